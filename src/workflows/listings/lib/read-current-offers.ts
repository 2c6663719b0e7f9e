import { marketplaceId, type SpApiClient } from "../../../lib/sp-api"
import type { CurrentAttributes } from "../../../utils/listings/feed-messages"
import type { ChangeRow } from "./listing-outcomes"

/** searchListingsItems takes up to 20 identifiers a call (listings model), 5 rps burst 5. */
const PER_CALL = 20

/**
 * Amazon's current attributes of every offer a patch is about to change (searchListingsItems by SKU with
 * includedData=attributes, 20 SKUs a call, one marketplace a call). A JSON Patch "replace" of
 * purchasable_offer or fulfillment_availability replaces the whole attribute, so the patch is built on what
 * Amazon has now — a repricer's price floor, a sale price, B2B prices and the lead time survive
 * (feed-messages.ts). A SKU Amazon does not show maps to null. Errors propagate: the caller puts the changes
 * back in the queue rather than send a patch that would wipe what it could not read.
 */
export async function readCurrentOffers(client: SpApiClient, changes: ChangeRow[]): Promise<Map<string, CurrentAttributes | null>> {
  const current = new Map<string, CurrentAttributes | null>()
  const byMarketplace = new Map<string, ChangeRow[]>()
  for (const change of changes) {
    if (change.operation !== "patch") continue
    byMarketplace.set(change.marketplace_id, [...(byMarketplace.get(change.marketplace_id) ?? []), change])
  }
  for (const [marketplace, group] of byMarketplace) {
    for (let i = 0; i < group.length; i += PER_CALL) {
      const chunk = group.slice(i, i + PER_CALL)
      const answer = await client.listingsItems.searchListingsItems({
        marketplaceIds: [marketplaceId(marketplace)],
        identifiers: [...new Set(chunk.map((c) => c.sku))],
        identifiersType: "SKU",
        includedData: ["attributes"],
        pageSize: PER_CALL,
      })
      const items = new Map(((answer.items ?? []) as Array<{ sku: string; attributes?: CurrentAttributes }>).map((item) => [item.sku, item.attributes ?? {}]))
      for (const change of chunk) current.set(change.id, items.get(change.sku) ?? null)
    }
  }
  return current
}
