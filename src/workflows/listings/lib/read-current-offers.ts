import type { SpApiClient } from "../../../lib/sp-api"
import type { CurrentAttributes } from "../../../utils/listings/feed-messages"
import type { ChangeRow } from "./listing-outcomes"
import { searchListingsBySku } from "./search-listings-by-sku"

/**
 * Amazon's current attributes of every offer a patch is about to change (searchListingsItems by SKU with
 * includedData=attributes, 20 SKUs a call, one marketplace a call). A JSON Patch "replace" of
 * purchasable_offer or fulfillment_availability replaces the whole attribute, so the patch is built on what
 * Amazon has now — a repricer's price floor, a sale price, B2B prices and the lead time survive
 * (feed-messages.ts). A SKU Amazon does not show maps to null. The change takes Amazon's product type of the
 * listing (summaries), the only one a patch may name besides PRODUCT. Errors propagate: the caller puts the changes
 * back in the queue rather than send a patch that would wipe what it could not read.
 */
export async function readCurrentOffers(client: SpApiClient, changes: ChangeRow[]): Promise<Map<string, CurrentAttributes | null>> {
  const current = new Map<string, CurrentAttributes | null>()
  const patches = changes.filter((change) => change.operation === "patch")
  type Item = { sku: string; attributes?: CurrentAttributes; summaries?: Array<{ marketplaceId?: string; productType?: string }> }
  for await (const { marketplace, chunk, items } of searchListingsBySku<ChangeRow, Item>(client, patches, { includedData: ["attributes", "summaries"] })) {
    for (const change of chunk) {
      const item = items.get(change.sku)
      current.set(change.id, item ? item.attributes ?? {} : null)
      // a patch goes as the listing's own product type (an imported listing's is only known from Amazon, not the
      // report); a patch can never change it. The accepted change stores it on the listing (listing-outcomes.ts).
      const productType = item?.summaries?.find((s) => !s.marketplaceId || s.marketplaceId === marketplace)?.productType
      if (productType && productType !== change.payload.product_type) change.payload = { ...change.payload, product_type: productType }
    }
  }
  return current
}
