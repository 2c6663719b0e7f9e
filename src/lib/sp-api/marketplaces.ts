import { marketplaces as bizonMarketplaces } from "@bizon/amazon-ids"

export type SpApiRegion = "na" | "eu" | "fe"

export type AmazonMarketplace = {
  /** Amazon's marketplace id, e.g. A1PA6795UKMFR9 */
  id: string
  /** ISO 3166-1 alpha-2 country code (GB, not Amazon's "UK") */
  country_code: string
  name: string
  region: SpApiRegion
  /** ISO 4217 code of the marketplace's default currency */
  currency_code: string
  /** storefront domain, e.g. amazon.de */
  domain: string | null
  /** Seller Central base URL, used for the consent (OAuth) page */
  seller_central_url: string
}

/** https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints */
export const SP_API_ENDPOINTS: Record<SpApiRegion, string> = {
  na: "https://sellingpartnerapi-na.amazon.com",
  eu: "https://sellingpartnerapi-eu.amazon.com",
  fe: "https://sellingpartnerapi-fe.amazon.com",
}

/** The same LWA host serves every region (notes §3.1). */
export const LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"

export const REGION_NAMES: Record<SpApiRegion, string> = {
  na: "North America",
  eu: "Europe",
  fe: "Far East",
}

/**
 * Marketplaces that @bizon/amazon-ids does not carry yet, from Amazon's own list
 * (https://developer-docs.amazon.com/sp-api/docs/marketplace-ids and …/seller-central-urls).
 */
const MISSING_FROM_PACKAGE: AmazonMarketplace[] = [
  {
    id: "A28R8C7NBKEWEA",
    country_code: "IE",
    name: "Ireland",
    region: "eu",
    currency_code: "EUR",
    domain: "amazon.ie",
    seller_central_url: "https://sellercentral.amazon.ie",
  },
  {
    id: "AE08WJ6YKNBMC",
    country_code: "ZA",
    name: "South Africa",
    region: "eu",
    currency_code: "ZAR",
    domain: "amazon.co.za",
    seller_central_url: "https://sellercentral.amazon.co.za",
  },
]

function isRegion(value: string): value is SpApiRegion {
  return value === "na" || value === "eu" || value === "fe"
}

/**
 * Every SP-API selling marketplace. The "non-Amazon" pseudo-marketplaces of the
 * package (no Seller Central domain) are left out: nobody can sell there.
 */
export const MARKETPLACES: readonly AmazonMarketplace[] = Object.freeze([
  ...bizonMarketplaces
    .filter((m) => m.sellerCentralDomain && isRegion(m.region))
    .map(
      (m): AmazonMarketplace => ({
        id: m.id,
        country_code: m.code === "uk" ? "GB" : m.code.toUpperCase(),
        name: m.name,
        region: m.region as SpApiRegion,
        currency_code: m.currencyCode,
        domain: m.domain ?? null,
        seller_central_url: `https://${m.sellerCentralDomain}`,
      })
    ),
  ...MISSING_FROM_PACKAGE.filter((extra) => !bizonMarketplaces.some((m) => m.id === extra.id)),
])

const byId = new Map(MARKETPLACES.map((m) => [m.id, m]))

/**
 * Amazon shows and takes prices without sales tax in the US and Canada and with tax everywhere else
 * (EU/UK VAT, JP consumption tax, AU GST …; Seller Central pricing help). Listings send prices this way
 * and imported orders carry them this way.
 */
const TAX_EXCLUSIVE_COUNTRIES = new Set(["US", "CA"])

export function pricesIncludeTax(countryCode: string): boolean {
  return !TAX_EXCLUSIVE_COUNTRIES.has(countryCode.toUpperCase())
}

export function getMarketplace(marketplaceId: string): AmazonMarketplace | undefined {
  return byId.get(marketplaceId)
}

export function isKnownMarketplace(marketplaceId: string): boolean {
  return byId.has(marketplaceId)
}

export function regionOf(marketplaceId: string): SpApiRegion {
  const marketplace = byId.get(marketplaceId)
  if (!marketplace) {
    throw new Error(`Unknown Amazon marketplace id "${marketplaceId}"`)
  }
  return marketplace.region
}

export function marketplacesOfRegion(region: SpApiRegion): AmazonMarketplace[] {
  return MARKETPLACES.filter((m) => m.region === region)
}
