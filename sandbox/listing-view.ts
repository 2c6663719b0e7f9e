import { firstValue, valuesFor } from "./listing-rules"
import { productTypeDefinition } from "./product-types"
import { Listing } from "./types"

/**
 * Listings Items API 2021-08-01 `Item` for one listing, with the datasets named in `includedData`. `family`
 * (the seller's listings of the marketplace) lets `relationships` name a parent's children.
 */
export function renderListingItem(listing: Listing, includedData: readonly string[], family?: Iterable<Listing>): Record<string, unknown> {
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
  if (include.has("relationships")) item.relationships = [{ marketplaceId: listing.marketplaceId, relationships: variationRelationships(listing, family) }]
  if (include.has("productTypes")) item.productTypes = [{ marketplaceId: listing.marketplaceId, productType: listing.productType }]
  return item
}

/** BUYABLE needs a live offer; DISCOVERABLE needs an ASIN (Listings Items status semantics). */
export function summaryStatus(listing: Listing): ("BUYABLE" | "DISCOVERABLE")[] {
  if (listing.status === "Active") return ["BUYABLE", "DISCOVERABLE"]
  if (listing.status === "Inactive") return ["DISCOVERABLE"]
  return []
}

/**
 * `relationships` of type VARIATION as Amazon derives them from the family attributes (ItemRelationship in
 * listingsItems_2021-08-01): a child names its parent (child_parent_sku_relationship.parent_sku), a parent
 * (parentage_level parent) lists the SKUs of the seller's listings that name it; both carry the theme with
 * its attributes (the product type's, else none known).
 */
export function variationRelationships(listing: Listing, family?: Iterable<Listing>): Record<string, unknown>[] {
  const mp = listing.marketplaceId
  const themeName = (valuesFor(listing.attributes.variation_theme, mp)[0] as { name?: unknown } | undefined)?.name
  const variationTheme =
    typeof themeName === "string"
      ? { theme: themeName, attributes: productTypeDefinition(listing.productType)?.variationThemes?.find((t) => t.name === themeName)?.attributes ?? [] }
      : undefined
  const parentOf = (l: Listing) => {
    const relationship = valuesFor(l.attributes.child_parent_sku_relationship, mp)[0]
    return relationship?.parent_sku === undefined ? undefined : String(relationship.parent_sku)
  }
  const parentSku = parentOf(listing)
  if (parentSku) return [{ type: "VARIATION", parentSkus: [parentSku], ...(variationTheme ? { variationTheme } : {}) }]
  if (firstValue(listing.attributes.parentage_level, mp) !== "parent") return []
  const childSkus = [...(family ?? [])].filter((l) => l.sku !== listing.sku && parentOf(l) === listing.sku).map((l) => l.sku)
  return [{ type: "VARIATION", childSkus, ...(variationTheme ? { variationTheme } : {}) }]
}
