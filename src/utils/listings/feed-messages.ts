import type { ChangeOperation, DesiredListing } from "./desired-listing"

/** JSON_LISTINGS_FEED caps (listings-feed-schema-v2.json maxItems; Amazon's feeds best practices: < 10 MiB). */
export const MAX_FEED_MESSAGES = 25_000
export const MAX_FEED_BYTES = 10 * 1024 * 1024

type Attributes = Record<string, unknown[]>

/** "DEFAULT" = merchant-fulfilled stock (notes §5.2). */
function fulfillmentAvailability(desired: DesiredListing) {
  return [
    {
      fulfillment_channel_code: "DEFAULT",
      quantity: desired.quantity,
      lead_time_to_ship_max_days: desired.handling_days,
    },
  ]
}

function purchasableOffer(desired: DesiredListing) {
  if (!desired.price) return null
  return [
    {
      marketplace_id: desired.marketplace_id,
      currency: desired.price.currency,
      audience: "ALL",
      our_price: [{ schedule: [{ value_with_tax: desired.price.amount }] }],
    },
  ]
}

/** The offer attributes of a listing on an existing ASIN (requirements LISTING_OFFER_ONLY). */
export function offerAttributes(desired: DesiredListing): Attributes {
  const m = desired.marketplace_id
  const attributes: Attributes = {
    condition_type: [{ value: desired.condition, marketplace_id: m }],
    fulfillment_availability: fulfillmentAvailability(desired),
  }
  if (desired.asin) attributes.merchant_suggested_asin = [{ value: desired.asin, marketplace_id: m }]
  const offer = purchasableOffer(desired)
  if (offer) attributes.purchasable_offer = offer
  if (desired.package_weight_kg) {
    attributes.item_package_weight = [{ value: desired.package_weight_kg, unit: "kilograms", marketplace_id: m }]
  }
  return attributes
}

/** JSON Patch operations for a price/stock change of an existing offer (top-level attributes only). */
export function offerPatches(desired: DesiredListing) {
  const patches: Array<{ op: "replace"; path: string; value: Array<Record<string, unknown>> }> = [
    { op: "replace", path: "/attributes/fulfillment_availability", value: fulfillmentAvailability(desired) },
  ]
  const offer = purchasableOffer(desired)
  if (offer) patches.push({ op: "replace", path: "/attributes/purchasable_offer", value: offer })
  return patches
}

export type ListingFeedMessage =
  | {
      messageId: number
      sku: string
      operationType: "UPDATE"
      productType: string
      requirements: "LISTING_OFFER_ONLY" | "LISTING"
      attributes: Attributes
    }
  | {
      messageId: number
      sku: string
      operationType: "PATCH"
      productType: string
      patches: ReturnType<typeof offerPatches>
    }

/**
 * One feed message for one change. A new offer on a known ASIN is a full
 * UPDATE with LISTING_OFFER_ONLY; a listing without an ASIN is a full LISTING
 * with the mapped product-type attributes; a price/stock change is a PATCH.
 */
export function feedMessage(
  messageId: number,
  operation: ChangeOperation,
  desired: DesiredListing,
  extraAttributes: Attributes = {}
): ListingFeedMessage {
  if (operation === "patch") {
    return { messageId, sku: desired.sku, operationType: "PATCH", productType: desired.product_type, patches: offerPatches(desired) }
  }
  const offerOnly = !!desired.asin
  const attributes = { ...offerAttributes(desired), ...(offerOnly ? {} : extraAttributes) }
  if (!offerOnly && desired.identifier && desired.identifier.type !== "SKU" && desired.identifier.type !== "ASIN") {
    attributes.externally_assigned_product_identifier = [
      { type: desired.identifier.type.toLowerCase(), value: desired.identifier.value, marketplace_id: desired.marketplace_id },
    ]
  }
  return {
    messageId,
    sku: desired.sku,
    operationType: "UPDATE",
    productType: desired.product_type,
    requirements: offerOnly ? "LISTING_OFFER_ONLY" : "LISTING",
    attributes,
  }
}

/** The feed document: header + messages (listings-feed-schema-v2.json). */
export function feedDocument(sellerId: string, messages: ListingFeedMessage[]) {
  return {
    header: {
      sellerId,
      version: "2.0" as const,
      issueLocale: "en_US",
      report: { includedData: ["issues"], apiVersion: "2021-08-01" },
    },
    messages,
  }
}

/**
 * Splits messages into documents of at most 25,000 messages and ~10 MiB,
 * measuring each message's JSON once.
 */
export function* splitIntoFeeds<T>(messages: Iterable<T>, maxMessages = MAX_FEED_MESSAGES, maxBytes = MAX_FEED_BYTES - 4096) {
  let batch: T[] = []
  let bytes = 0
  for (const message of messages) {
    const size = Buffer.byteLength(JSON.stringify(message)) + 1
    if (batch.length && (batch.length >= maxMessages || bytes + size > maxBytes)) {
      yield batch
      batch = []
      bytes = 0
    }
    batch.push(message)
    bytes += size
  }
  if (batch.length) yield batch
}
