import { Listing } from "./types"

/** Listings Items API 2021-08-01 `Item` for one listing, with the datasets named in `includedData`. */
export function renderListingItem(listing: Listing, includedData: readonly string[]): Record<string, unknown> {
  const include = new Set(includedData.length ? includedData : ["summaries"])
  const item: Record<string, unknown> = { sku: listing.sku }
  if (include.has("summaries")) {
    item.summaries = [
      {
        marketplaceId: listing.marketplaceId,
        ...(listing.asin ? { asin: listing.asin } : {}),
        productType: listing.productType,
        conditionType: listing.conditionType,
        status: summaryStatus(listing),
        itemName: listing.itemName,
        createdDate: new Date(listing.createdAt).toISOString(),
        lastUpdatedDate: new Date(listing.updatedAt).toISOString(),
      },
    ]
  }
  if (include.has("attributes")) item.attributes = listing.attributes
  if (include.has("issues")) item.issues = listing.issues.map((i) => ({ ...i, marketplaceIds: [listing.marketplaceId] }))
  if (include.has("offers")) {
    item.offers =
      listing.price === undefined
        ? []
        : [
            {
              marketplaceId: listing.marketplaceId,
              offerType: "B2C",
              price: { currencyCode: listing.currency, amount: listing.price.toFixed(2) },
              audience: { value: "ALL", displayName: "Sell on Amazon" },
            },
          ]
  }
  if (include.has("fulfillmentAvailability")) {
    item.fulfillmentAvailability = [
      { fulfillmentChannelCode: listing.fulfillmentChannel, ...(listing.quantity !== undefined ? { quantity: listing.quantity } : {}) },
    ]
  }
  if (include.has("procurement")) item.procurement = []
  if (include.has("relationships")) item.relationships = [{ marketplaceId: listing.marketplaceId, relationships: [] }]
  if (include.has("productTypes")) item.productTypes = [{ marketplaceId: listing.marketplaceId, productType: listing.productType }]
  return item
}

/** BUYABLE needs a live offer; DISCOVERABLE needs an ASIN (Listings Items status semantics). */
export function summaryStatus(listing: Listing): ("BUYABLE" | "DISCOVERABLE")[] {
  if (listing.status === "Active") return ["BUYABLE", "DISCOVERABLE"]
  if (listing.status === "Inactive") return ["DISCOVERABLE"]
  return []
}
