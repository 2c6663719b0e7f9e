import { getMarketplace } from "../lib/sp-api"

export type ConsentUrlInput = {
  marketplaceId: string
  appId: string
  state: string
  draft: boolean
  redirectUri?: string
  sellerCentralUrl?: string
}

/**
 * `{SellerCentral}/apps/authorize/consent?application_id=…&state=…` (+ `version=beta`
 * while the app is in Draft) — notes §3.2. Any Seller Central of the region works:
 * authorization is regional.
 */
export function buildConsentUrl(input: ConsentUrlInput): string {
  const base = input.sellerCentralUrl ?? getMarketplace(input.marketplaceId)?.seller_central_url
  if (!base) throw new Error(`Unknown Amazon marketplace id "${input.marketplaceId}"`)
  const url = new URL("/apps/authorize/consent", base)
  url.searchParams.set("application_id", input.appId)
  url.searchParams.set("state", input.state)
  if (input.redirectUri) url.searchParams.set("redirect_uri", input.redirectUri)
  if (input.draft) url.searchParams.set("version", "beta")
  return url.toString()
}
