import { createHash } from "node:crypto"
import type { ProductIdType, StoreSettings } from "../../modules/amazon/types"
import { checkIdentifier } from "./gtin"
import type { PriceFact, PriceTax } from "./price"
import { type ExchangeRate, priceForMarketplace, type PricedOffer, type PricingRule } from "./pricing-rules"
import type { AsinCandidate } from "./catalog-match"
import type { VariationState } from "./variation"

/** What we know of a Medusa variant, as the listing needs it (loaded in bulk by the compute step). */
export type VariantFacts = {
  id: string
  sku: string | null
  title: string | null
  barcode: string | null
  ean: string | null
  upc: string | null
  metadata: Record<string, unknown> | null
  /** grams, Medusa's convention */
  weight: number | null
  manage_inventory: boolean
  /** sellable units across the sales channel's locations (stocked − reserved); null when not managed */
  available: number | null
  /** prices of the variant: currency, (optional) region rule, and what marks another audience's price (price.ts) */
  prices: PriceFact[]
  product: {
    id: string
    title: string
    status: string
    weight: number | null
    category_ids: string[]
    in_sales_channel: boolean
  }
}

export type ListingContext = {
  marketplace_id: string
  currency_code: string
  region_id: string | null
  /** Medusa's tax inclusivity for this region/currency vs Amazon's for the marketplace (price.ts) */
  tax: PriceTax
  product_id_type: ProductIdType
  product_id_attribute: string
  settings: Pick<StoreSettings, "stock_buffer" | "handling_time_days">
  /** Medusa category id → Amazon product type (for listings that need a new ASIN) */
  category_product_types: Map<string, string>
  /** the marketplace's pricing rule (pricing-rules.ts); absent = the base price as it is */
  pricing_rule?: PricingRule | null
  /** tax conventions of the rule's source currency, when it is not the marketplace's */
  source_tax?: PriceTax
  /** the store's exchange-rate table */
  rates?: ExchangeRate[]
}

export type ListingIssue = {
  source: "medusa" | "amazon"
  code: string
  severity: "error" | "warning"
  message: string
  /** the Medusa field to fix, when there is one */
  field?: string
  /** ambiguous_asin: the ASINs Amazon's catalog has for the barcode, for the admin to choose from */
  candidates?: AsinCandidate[]
  /** several_seller_offers: the seller's SKUs on the ASIN (same condition), for the admin to choose from */
  sku_candidates?: Array<{
    sku: string
    fulfillment_channel: string | null
    condition_type: string | null
    product_type: string | null
    quantity?: number | null
    price?: number | null
    status?: "active" | "inactive" | "incomplete" | "suppressed"
  }>
}

/** The offer we want Amazon to have. Everything that goes into the hash. */
export type DesiredListing = {
  sku: string
  marketplace_id: string
  identifier: { type: ProductIdType; value: string } | null
  asin: string | null
  product_type: string
  /** condition_type: new_new for offers we create; an imported offer keeps Amazon's (existing-offer.ts) */
  condition: string
  /**
   * Amazon's fulfillment channel when it is not "DEFAULT" (an FBA offer: AMAZON_EU, AMAZON_NA …). Absent =
   * merchant-fulfilled — absent rather than "DEFAULT" so the hash of every merchant offer stays what it was.
   */
  fulfillment_channel?: string
  price: { amount: number; currency: string } | null
  /** merchant stock to offer; null = leave Amazon's quantity as it is (FBA offers, stock Medusa does not manage) */
  quantity: number | null
  handling_days: number
  package_weight_kg: number | null
  /** the listing should not be offered (product unpublished, removed from the channel, variant deleted) */
  withdrawn: boolean
  /** member of a variation family (new ASINs only, variation.ts); absent = standalone, so older hashes stay */
  variation?: VariationState
}

export type ListingPlan = {
  desired: DesiredListing | null
  hash: string | null
  issues: ListingIssue[]
  /** how the price came to be (source → rule → conversion → rounding → clamp → sent); never hashed */
  price_trace?: PricedOffer
}

/** Stable JSON (sorted keys) → SHA-256: the same state always hashes the same. */
export function hashState(value: unknown): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
        : v
  return createHash("sha256").update(JSON.stringify(stable(value))).digest("hex")
}

const FIELD_LABELS: Record<string, string> = {
  sku: "SKU",
  barcode: "Barcode",
  ean: "EAN",
  upc: "UPC",
  isbn: 'metadata key "isbn"',
}

function fieldValue(variant: VariantFacts, attribute: string): string | null {
  // Medusa variants have no ISBN column: "isbn" is read from metadata.isbn, as listings import writes it
  const key = attribute === "isbn" ? "metadata.isbn" : attribute
  if (key.startsWith("metadata.")) {
    const value = variant.metadata?.[key.slice("metadata.".length)]
    return value === undefined || value === null ? null : String(value)
  }
  const value = (variant as unknown as Record<string, unknown>)[key]
  return value === undefined || value === null ? null : String(value)
}

function fieldLabel(attribute: string): string {
  return attribute.startsWith("metadata.") ? `metadata key "${attribute.slice(9)}"` : (FIELD_LABELS[attribute] ?? attribute)
}

/**
 * The variant's price as Amazon should show it: the base price in the marketplace currency (a region
 * price for the marketplace's region wins; price lists never), with or without tax as the marketplace
 * expects, rounded to the currency.
 */
export function pickPrice(variant: VariantFacts, ctx: ListingContext): number | null {
  return priceVariant(variant, ctx).amount
}

/** pickPrice with its trace, through the marketplace's pricing rule when it has one (pricing-rules.ts). */
export function priceVariant(variant: VariantFacts, ctx: ListingContext): PricedOffer {
  return priceForMarketplace({
    prices: variant.prices,
    currency: ctx.currency_code,
    region_id: ctx.region_id,
    tax: ctx.tax,
    source_tax: ctx.source_tax,
    rule: ctx.pricing_rule ?? null,
    rates: ctx.rates ?? [],
  })
}

/**
 * The listing a variant should have in one marketplace, and what stands in the
 * way. Pure: the compute step feeds it facts, the table tests feed it cases.
 * `knownAsin` is what Amazon already told us (catalog match or import).
 */
export function planListing(variant: VariantFacts | null, ctx: ListingContext, knownAsin: string | null, knownProductType: string | null): ListingPlan {
  if (!variant) {
    return { desired: null, hash: null, issues: [] }
  }
  const sku = variant.sku?.trim()
  const issues: ListingIssue[] = []
  const name = sku || variant.title || variant.id
  if (!sku) {
    issues.push({
      source: "medusa",
      code: "no_sku",
      severity: "error",
      message: `Variant "${variant.title ?? variant.id}" of "${variant.product.title}" has no SKU; Amazon identifies offers by SKU. Set one on the variant.`,
      field: "sku",
    })
    return { desired: null, hash: null, issues }
  }

  const withdrawn = variant.product.status !== "published" || !variant.product.in_sales_channel

  let identifier: DesiredListing["identifier"] = null
  let asin = knownAsin
  const raw = fieldValue(variant, ctx.product_id_attribute)
  const check = checkIdentifier(ctx.product_id_type, raw)
  if (check.ok) {
    identifier = { type: ctx.product_id_type, value: check.value }
    if (ctx.product_id_type === "ASIN") asin = check.value
  } else if (!asin) {
    const what = fieldLabel(ctx.product_id_attribute)
    issues.push(
      check.reason === "missing"
        ? {
            source: "medusa",
            code: "no_product_id",
            severity: "error",
            message: `Variant ${name} has no ${ctx.product_id_type}; set ${what} or map another field in the store's product-ID setting.`,
            field: ctx.product_id_attribute,
          }
        : {
            source: "medusa",
            code: "invalid_product_id",
            severity: "error",
            message: `Variant ${name}: ${check.reason}; correct ${what}.`,
            field: ctx.product_id_attribute,
          }
    )
  }

  const priced = priceVariant(variant, ctx)
  const amount = priced.amount
  if (amount === null || !(amount > 0)) {
    issues.push({
      source: "medusa",
      code: priced.issue?.code === "no_exchange_rate" ? "no_exchange_rate" : "no_price",
      severity: "error",
      message:
        priced.issue && ctx.pricing_rule
          ? `Variant ${name} has no price for this marketplace: ${priced.issue.message}.`
          : `Variant ${name} has no ${ctx.currency_code.toUpperCase()} price for this marketplace; add one.`,
      field: "prices",
    })
  }

  let quantity = 0
  if (!variant.manage_inventory || variant.available === null) {
    issues.push({
      source: "medusa",
      code: "stock_not_managed",
      severity: "warning",
      message: `Variant ${name} does not manage inventory, so Amazon is sent 0; turn on "Manage inventory" to offer it.`,
      field: "manage_inventory",
    })
  } else {
    quantity = Math.max(0, Math.floor(variant.available) - ctx.settings.stock_buffer)
  }
  if (quantity === 0 && !withdrawn) {
    issues.push({
      source: "medusa",
      code: "zero_stock",
      severity: "warning",
      message: `Variant ${name} has no stock to offer${ctx.settings.stock_buffer ? ` (after the buffer of ${ctx.settings.stock_buffer})` : ""}.`,
      field: "inventory",
    })
  }

  const categoryType = variant.product.category_ids.map((id) => ctx.category_product_types.get(id)).find(Boolean)
  const grams = variant.weight ?? variant.product.weight
  const desired: DesiredListing = {
    sku,
    marketplace_id: ctx.marketplace_id,
    identifier,
    asin,
    // An offer on an existing ASIN goes as that ASIN's product type (catalog / import) or Amazon's generic
    // PRODUCT; the category mapping is for creating a new ASIN, and Amazon refuses it for someone else's ASIN.
    product_type: asin ? (knownProductType ?? "PRODUCT") : (categoryType ?? "PRODUCT"),
    condition: "new_new",
    price: amount !== null && amount > 0 ? { amount, currency: ctx.currency_code.toUpperCase() } : null,
    quantity: withdrawn ? 0 : quantity,
    handling_days: ctx.settings.handling_time_days,
    package_weight_kg: grams ? Math.round(grams) / 1000 : null,
    withdrawn,
  }
  return { desired, hash: hashState(desired), issues, price_trace: priced }
}

/** Fields the fast path (patchListingsItem) and PATCH feed messages can change on an existing offer. */
const PATCHABLE: (keyof DesiredListing)[] = ["price", "quantity", "handling_days", "withdrawn"]

export type ChangeOperation = "update" | "patch"

/**
 * Whether a new desired state can go as a small patch (price/stock of an offer
 * Amazon already accepted) or needs the full offer.
 */
export function changeOperation(sent: DesiredListing | null, desired: DesiredListing): ChangeOperation {
  if (!sent || !sent.asin) return "update"
  const changed = (Object.keys(desired) as (keyof DesiredListing)[]).filter(
    (key) => JSON.stringify(desired[key]) !== JSON.stringify(sent[key])
  )
  return changed.every((key) => PATCHABLE.includes(key)) ? "patch" : "update"
}

/**
 * Whether a desired state can be sent at all. A new offer needs an ASIN (or
 * an identifier to find one), a price and stock; an offer Amazon already has
 * always gets its price/stock changes — above all a drop to zero.
 */
export function sendability(
  plan: ListingPlan,
  alreadyOffered: boolean
): { send: true } | { send: false; reason: "blocked" | "zero_stock" | "withdrawn" } {
  if (!plan.desired) return { send: false, reason: "blocked" }
  if (alreadyOffered) return { send: true }
  if (plan.desired.withdrawn) return { send: false, reason: "withdrawn" }
  if (plan.issues.some((i) => i.severity === "error")) return { send: false, reason: "blocked" }
  if (plan.desired.quantity === 0) return { send: false, reason: "zero_stock" }
  return { send: true }
}
