import type { ChangeOperation, DesiredListing } from "./desired-listing"
import { getMarketplace } from "../../lib/sp-api/marketplaces"
import { languageTag } from "./attribute-shape"
import { isFbaChannel, type PatchField } from "./existing-offer"
import { familyAttributes } from "./variation"

/** JSON_LISTINGS_FEED caps (listings-feed-schema-v2.json maxItems; Amazon's feeds best practices: < 10 MiB). */
export const MAX_FEED_MESSAGES = 25_000
export const MAX_FEED_BYTES = 10 * 1024 * 1024

type Attributes = Record<string, unknown[]>
type Entry = Record<string, unknown>

/**
 * An offer's attributes as Amazon has them now (getListingsItem / searchListingsItems includedData=attributes):
 * the base a patch merges into, so what the seller set beside our price and stock survives.
 */
export type CurrentAttributes = Record<string, unknown[] | undefined>

/** "DEFAULT" = merchant-fulfilled stock (notes §5.2). Never for an FBA offer, never without a quantity. */
function fulfillmentAvailability(desired: DesiredListing) {
  return [
    {
      fulfillment_channel_code: "DEFAULT",
      quantity: desired.quantity,
      lead_time_to_ship_max_days: desired.handling_days,
    },
  ]
}

/** Merchant stock is ours to send only for a merchant offer with a quantity Medusa manages. */
function sendsStock(desired: DesiredListing): boolean {
  return !isFbaChannel(desired.fulfillment_channel) && desired.quantity !== null
}

function ourPrice(amount: number) {
  return [{ schedule: [{ value_with_tax: amount }] }]
}

function purchasableOffer(desired: DesiredListing) {
  if (!desired.price) return null
  return [
    {
      marketplace_id: desired.marketplace_id,
      currency: desired.price.currency,
      audience: "ALL",
      our_price: ourPrice(desired.price.amount),
    },
  ]
}

/** The offer attributes of a new listing on an existing ASIN (requirements LISTING_OFFER_ONLY). */
export function offerAttributes(desired: DesiredListing): Attributes {
  const m = desired.marketplace_id
  const attributes: Attributes = {
    condition_type: [{ value: desired.condition, marketplace_id: m }],
  }
  if (sendsStock(desired)) attributes.fulfillment_availability = fulfillmentAvailability(desired)
  if (desired.asin) attributes.merchant_suggested_asin = [{ value: desired.asin, marketplace_id: m }]
  const offer = purchasableOffer(desired)
  if (offer) attributes.purchasable_offer = offer
  if (desired.package_weight_kg) {
    attributes.item_package_weight = [{ value: desired.package_weight_kg, unit: "kilograms", marketplace_id: m }]
  }
  return attributes
}

/** What a patch of an offer changes when nothing narrower is known: its price and (merchant) stock. */
export function defaultPatchFields(desired: DesiredListing): PatchField[] {
  return [...(desired.price ? (["price"] as const) : []), ...(sendsStock(desired) ? (["quantity"] as const) : [])]
}

/**
 * fulfillment_availability with our quantity merged into Amazon's merchant entry: its lead time (unless the
 * handling time is what changed) and anything else the seller set stay. Null when the stock must not be sent:
 * an FBA offer — by our record, or by what Amazon shows now (the seller moved it to FBA since the import).
 */
export function stockValue(desired: DesiredListing, fields: PatchField[], current: CurrentAttributes | null): Entry[] | null {
  if (!sendsStock(desired)) return null
  if (!current?.fulfillment_availability?.length) return fulfillmentAvailability(desired)
  const entries = current.fulfillment_availability as Entry[]
  const merchant = entries.findIndex((e) => e?.fulfillment_channel_code === "DEFAULT")
  if (merchant === -1) return entries.some((e) => isFbaChannel(e?.fulfillment_channel_code as string)) ? null : fulfillmentAvailability(desired)
  const before = entries[merchant]
  const merged: Entry = { ...before, quantity: desired.quantity }
  if (fields.includes("handling_days") || before.lead_time_to_ship_max_days === undefined) merged.lead_time_to_ship_max_days = desired.handling_days
  return entries.map((e, i) => (i === merchant ? merged : e))
}

/**
 * purchasable_offer with only our price changed. A PATCH "replace" of /attributes/purchasable_offer replaces the
 * whole attribute, so the value carries Amazon's: the consumer (audience ALL) offer of this marketplace keeps
 * its sale price (discounted_price), minimum/maximum seller allowed price, quantity discounts and every other
 * part, and our_price keeps its schedule's other fields; B2B offers and other marketplaces' are left as they are.
 */
export function priceValue(desired: DesiredListing, current: CurrentAttributes | null): Entry[] | null {
  if (!desired.price) return null
  const offers = (current?.purchasable_offer ?? []) as Entry[]
  const ours = offers.findIndex(
    (o) => (o?.marketplace_id === undefined || o.marketplace_id === desired.marketplace_id) && (o?.audience === undefined || o.audience === "ALL")
  )
  if (ours === -1) return [...offers, ...purchasableOffer(desired)!]
  const before = offers[ours]
  const prices = Array.isArray(before.our_price) ? (before.our_price as Entry[]) : []
  const first = prices[0] ?? {}
  const schedule = Array.isArray(first.schedule) ? (first.schedule as Entry[]) : []
  const ourPriceValue = [{ ...first, schedule: [{ ...(schedule[0] ?? {}), value_with_tax: desired.price.amount }, ...schedule.slice(1)] }, ...prices.slice(1)]
  const merged: Entry = { ...before, currency: before.currency ?? desired.price.currency, our_price: ourPriceValue }
  return offers.map((o, i) => (i === ours ? merged : o))
}

type Patch = { op: "replace"; path: string; value: Array<Record<string, unknown>> }

/**
 * JSON Patch operations for a change of an offer Amazon has: one per changed part and nothing else — a stock
 * change touches fulfillment_availability only, a price change purchasable_offer only (merged into `current`,
 * Amazon's attributes read just before), a weight change item_package_weight. Never a quantity or DEFAULT for an
 * FBA offer. May be empty (nothing of ours to send), in which case nothing is sent.
 */
export function offerPatches(desired: DesiredListing, fields: PatchField[] = defaultPatchFields(desired), current: CurrentAttributes | null = null): Patch[] {
  const patches: Patch[] = []
  if (fields.includes("quantity") || fields.includes("handling_days")) {
    const stock = stockValue(desired, fields, current)
    if (stock) patches.push({ op: "replace", path: "/attributes/fulfillment_availability", value: stock })
  }
  if (fields.includes("price")) {
    const offer = priceValue(desired, current)
    if (offer) patches.push({ op: "replace", path: "/attributes/purchasable_offer", value: offer })
  }
  if (fields.includes("variation") && desired.variation) {
    // the three family attributes and a child's theme values, each replaced whole (never removed: that breaks the family)
    const m = desired.marketplace_id
    for (const [path, value] of Object.entries(familyAttributes(desired.variation, m))) {
      patches.push({ op: "replace", path: `/attributes/${path}`, value: value as Array<Record<string, unknown>> })
    }
    const tag = languageTag(getMarketplace(m)?.country_code ?? "US")
    for (const [name, value] of Object.entries(desired.variation.attributes ?? {})) {
      patches.push({ op: "replace", path: `/attributes/${name}`, value: [{ value, language_tag: tag, marketplace_id: m }] })
    }
  }
  if (fields.includes("package_weight_kg") && desired.package_weight_kg) {
    patches.push({
      op: "replace",
      path: "/attributes/item_package_weight",
      value: [{ value: desired.package_weight_kg, unit: "kilograms", marketplace_id: desired.marketplace_id }],
    })
  }
  return patches
}

export type ListingFeedMessage =
  | {
      messageId: number
      sku: string
      operationType: "UPDATE"
      productType: string
      requirements: "LISTING_OFFER_ONLY" | "LISTING" | "LISTING_PRODUCT_ONLY"
      attributes: Attributes
    }
  | {
      messageId: number
      sku: string
      operationType: "PATCH"
      productType: string
      patches: Patch[]
    }
  | { messageId: number; sku: string; operationType: "DELETE" }

/** What a patch message needs beyond the desired state: which parts changed and Amazon's current attributes. */
export type PatchInput = { fields?: PatchField[]; current?: CurrentAttributes | null }

/**
 * One feed message for one change. A new offer on a known ASIN is a full UPDATE with LISTING_OFFER_ONLY; a
 * listing without an ASIN is a full LISTING with the mapped product-type attributes. An offer Amazon already
 * has only ever gets a PATCH of the parts that changed (UPDATE would replace every attribute the seller set:
 * shipping group, list price, B2B prices, condition note) — or a DELETE when the store says so on switch-off.
 */
export function feedMessage(
  messageId: number,
  operation: ChangeOperation | "delete",
  desired: DesiredListing,
  extraAttributes: Attributes = {},
  patch: PatchInput = {}
): ListingFeedMessage {
  if (operation === "delete") return { messageId, sku: desired.sku, operationType: "DELETE" }
  if (operation === "patch") {
    return {
      messageId,
      sku: desired.sku,
      operationType: "PATCH",
      productType: desired.product_type,
      patches: offerPatches(desired, patch.fields ?? defaultPatchFields(desired), patch.current ?? null),
    }
  }
  const offerOnly = !!desired.asin
  // a variation parent (variation.ts) is a product without an offer: its facts and the family attributes only
  const parent = !offerOnly && desired.variation?.role === "parent"
  const attributes = {
    ...(parent ? {} : offerAttributes(desired)),
    ...(offerOnly ? {} : extraAttributes),
    ...(!offerOnly && desired.variation ? familyAttributes(desired.variation, desired.marketplace_id) : {}),
  }
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
    requirements: offerOnly ? "LISTING_OFFER_ONLY" : parent ? "LISTING_PRODUCT_ONLY" : "LISTING",
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
