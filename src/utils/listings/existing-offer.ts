import { type DesiredListing, hashState, type ListingIssue, type ListingPlan, type VariantFacts } from "./desired-listing"

/**
 * What Amazon already has for a listing, as our amazon_listing row knows it (listings import or an accepted send).
 * An offer of a seller with years of history is the seller's: we change its price and stock, nothing else.
 */
export type KnownOffer = {
  /** the listing's SKU at Amazon (seller-sku) — may differ from the variant's SKU it was linked to by EAN/ASIN */
  sku: string
  /** "DEFAULT" or an FBA channel (AMAZON_EU …); null = unknown (an offer we created: merchant) */
  fulfillment_channel: string | null
  /** condition_type read by import; null = unknown (new_new) */
  condition_type: string | null
  /** Amazon has this offer (import found it, or we sent it and Amazon accepted) */
  offered: boolean
}

/** FBA channels are AMAZON_NA, AMAZON_EU, AMAZON_JP …; only "DEFAULT" is merchant-fulfilled. */
export function isFbaChannel(channel: string | null | undefined): boolean {
  return !!channel && channel.toUpperCase() !== "DEFAULT"
}

/**
 * The desired state of a listing made to fit the offer Amazon has: sent under the listing's own SKU (never a
 * second SKU on the same ASIN), with its own condition, and — for FBA offers, and for stock Medusa does not
 * manage on an offer that exists — no quantity at all (null = leave Amazon's). The hash is recomputed so it
 * reflects what will really be sent. Pure.
 */
export function adoptKnownOffer(plan: ListingPlan, variant: Pick<VariantFacts, "manage_inventory" | "available"> | null, known: KnownOffer | null): ListingPlan {
  if (!plan.desired || !known) return plan
  const desired: DesiredListing = { ...plan.desired, sku: known.sku }
  let issues = plan.issues
  if (known.condition_type) desired.condition = known.condition_type
  const fba = isFbaChannel(known.fulfillment_channel)
  if (fba) {
    // Amazon holds FBA stock: no quantity, no DEFAULT, not even a zero when the product is withdrawn
    desired.fulfillment_channel = known.fulfillment_channel!.toUpperCase()
    desired.quantity = null
    issues = issues.filter((i) => i.code !== "stock_not_managed" && i.code !== "zero_stock")
  } else if (known.offered && !desired.withdrawn && variant && (!variant.manage_inventory || variant.available === null)) {
    // a 0 would take a live offer off sale because Medusa does not count its stock: its quantity stays Amazon's
    desired.quantity = null
    issues = issues
      .filter((i) => i.code !== "zero_stock")
      .map((i) =>
        i.code === "stock_not_managed"
          ? { ...i, message: i.message.replace(/so Amazon is sent 0;.*$/, "so its quantity on Amazon is left as it is; turn on \"Manage inventory\" to send Medusa's stock.") }
          : i
      )
  }
  return { desired, hash: hashState(desired), issues: issues as ListingIssue[] }
}

/** The parts of an existing offer a change can touch — each is its own patch (feed-messages.ts). */
export type PatchField = "price" | "quantity" | "handling_days" | "package_weight_kg" | "variation"

/**
 * Which parts of an offer Amazon has must be patched to bring it to `desired`. Against what we last sent when
 * we sent something; for an imported offer never sent by us, against Amazon's price and quantity as import read
 * them. Anything else that differs (identifier, product type, condition, SKU) is never sent to an existing
 * offer: those are the seller's. An empty list means Amazon already has the desired state. Pure.
 */
export function patchFields(
  sent: DesiredListing | null,
  desired: DesiredListing,
  amazon: { price: number | null; quantity: number | null }
): PatchField[] {
  const fields: PatchField[] = []
  const fba = isFbaChannel(desired.fulfillment_channel)
  // a withdrawn offer only loses its stock: its price and the rest stay as Amazon has them
  if (desired.withdrawn) {
    const zeroed = sent ? sent.quantity === 0 && sent.withdrawn : amazon.quantity === 0
    return !fba && desired.quantity !== null && !zeroed ? ["quantity"] : []
  }
  if (sent) {
    if (desired.price && JSON.stringify(desired.price) !== JSON.stringify(sent.price)) fields.push("price")
    if (!fba && desired.quantity !== null && (desired.quantity !== sent.quantity || desired.withdrawn !== sent.withdrawn)) fields.push("quantity")
    if (!fba && desired.quantity !== null && desired.handling_days !== sent.handling_days) fields.push("handling_days")
    if (desired.package_weight_kg !== null && desired.package_weight_kg !== sent.package_weight_kg) fields.push("package_weight_kg")
    // a family member we created: a new theme / parent / option value is patched (never a full UPDATE, variation.ts)
    if (desired.variation && JSON.stringify(desired.variation) !== JSON.stringify(sent.variation ?? null)) fields.push("variation")
    return fields
  }
  if (desired.price && (amazon.price === null || Number(amazon.price) !== desired.price.amount)) fields.push("price")
  if (!fba && desired.quantity !== null && amazon.quantity !== desired.quantity) fields.push("quantity")
  return fields
}

/** An amazon_listing row as a switch-off needs it. */
export type SwitchedOffListing = {
  sku: string
  marketplace_id: string
  asin: string | null
  product_type: string | null
  status: string
  fulfillment_channel: string | null
  condition_type: string | null
  sent_hash: string | null
  sent_state: unknown
  desired_hash: string | null
}

/**
 * What switching a marketplace off (or the store losing its sales channel) does to one listing: a merchant
 * offer Amazon has gets its quantity set to 0 — or is deleted, when the store says so — so it never stays
 * buyable with stock nobody updates. FBA offers (Amazon's stock), listings Amazon does not have and listings
 * already withdrawn this way are left alone (null). Pure.
 */
export function switchOffChange(
  listing: SwitchedOffListing,
  action: "zero" | "delete",
  handlingDays: number
): { operation: "patch" | "delete"; payload: DesiredListing & { patch_fields?: PatchField[] }; hash: string } | null {
  if (isFbaChannel(listing.fulfillment_channel)) return null
  const offered = !!listing.sent_hash || (!!listing.asin && ["accepted", "active", "inactive", "incomplete", "suppressed"].includes(listing.status))
  if (!offered || listing.status === "deleted") return null
  const sent = listing.sent_state as (DesiredListing & { patch_fields?: PatchField[] }) | null
  const { patch_fields: _fields, ...base } = sent ?? ({} as DesiredListing & { patch_fields?: PatchField[] })
  const desired: DesiredListing = {
    sku: listing.sku,
    marketplace_id: listing.marketplace_id,
    identifier: base.identifier ?? null,
    asin: base.asin ?? listing.asin,
    product_type: base.product_type ?? listing.product_type ?? "PRODUCT",
    condition: base.condition ?? listing.condition_type ?? "new_new",
    price: null,
    quantity: 0,
    handling_days: base.handling_days ?? handlingDays,
    package_weight_kg: null,
    withdrawn: true,
  }
  const hash = hashState({ ...desired, switched_off: action })
  if (hash === listing.desired_hash) return null
  return action === "delete"
    ? { operation: "delete", payload: desired, hash }
    : { operation: "patch", payload: { ...desired, patch_fields: ["quantity"] }, hash }
}
