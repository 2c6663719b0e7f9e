import { identifierKey, mappedIdentifier, mappingIsSku, type ProductIdMapping } from "./identifiers"
import type { ImportedListingStatus, ReportListing } from "./listing-row"

/** An amazon_listing row of this store and marketplace, as far as planning needs it. */
export type ExistingListing = {
  id: string
  sku: string
  variant_id: string | null
  /** the run marker when this run already imported it (see BatchContext.run_marker) */
  synced_at: string | null
  /** soft-deleted: still holds the (store, marketplace, sku) key, so it is restored rather than created */
  deleted: boolean
  /**
   * a row listings out created for a variant and Amazon never had (no accepted send, not in flight): when the
   * report shows the variant's product under the seller's own SKU, that listing takes the row over
   */
  unsent?: boolean
  /** the row is a variation parent listings out created (product-level, no variant): never a product of its own */
  variation_parent?: boolean
}

export type KnownVariant = { id: string; product_id: string; sku: string | null }

/** What the database knows about one batch's SKUs, read in a few queries (the step's lookups). */
export type BatchFacts = {
  /** listings of this marketplace with the batch's SKUs (soft-deleted ones too) */
  listingsBySku: Map<string, ExistingListing>
  /** listings of this marketplace of the candidate variants, by variant id */
  listingsByVariant: Map<string, ExistingListing>
  /** variants that still exist, by id (for listings that are already linked) */
  variantsById: Map<string, KnownVariant>
  /** variants by their SKU */
  variantsBySku: Map<string, KnownVariant>
  /** variants by identifierKey of the mapped field's value */
  variantsByIdentifier: Map<string, KnownVariant[]>
}

export type BatchContext = {
  mapping: ProductIdMapping
  /**
   * synced_at written by this run (its start time): a listing carrying it was imported by this very run —
   * the inactive report repeats rows of the all-listings report — so it is not counted twice, without
   * holding 200,000 SKUs in memory.
   */
  run_marker: string
}

/** The amazon_listing fields the import owns; desired_hash / sent_hash belong to listings-out and are never written here. */
export type ListingFields = {
  sku: string
  asin: string | null
  status: ImportedListingStatus
  price: number | null
  quantity: number | null
  /** Amazon's fulfillment channel (DEFAULT, AMAZON_EU …) and condition: kept so listings out never changes them */
  fulfillment_channel: string | null
  condition_type: string | null
}

export type ListingLink = ListingFields & {
  /** the existing row to update (restore first when deleted) — absent: create one */
  existing_id: string | null
  restore: boolean
  variant_id: string
  product_id: string
  matched_by: "listing" | "identifier" | "sku"
  /** the row was our unsent listing of the variant under its Medusa SKU: it now carries Amazon's SKU */
  rekey?: boolean
}

export type SkipReason = "duplicate" | "conflict" | "ambiguous" | "variation_parent"
export type SkippedListing = { line: number; sku: string; reason: SkipReason; message: string }

export type BatchPlan = {
  link: ListingLink[]
  /** unknown SKUs: a product each; `existing_id` when an unlinked listing row already holds the SKU */
  create: Array<{ listing: ReportListing; existing_id: string | null; restore: boolean }>
  skipped: SkippedListing[]
  /** rows this run had already imported (counted once, silently) */
  already_imported: number
}

/**
 * Decides, per report row, what the import does — pure; the step feeds it the facts of one batch.
 * Order: the listing row we already have for the SKU (a link made before wins), then the store's
 * product-ID mapping, then the variant SKU; no match → a new product. One variant is listed once per
 * marketplace (unique key), so a second SKU pointing at it is skipped with both SKUs named.
 */
export function planListingsBatch(listings: ReportListing[], facts: BatchFacts, context: BatchContext): BatchPlan {
  const plan: BatchPlan = { link: [], create: [], skipped: [], already_imported: 0 }
  const skuLines = new Map<string, number>()
  const variantSkus = new Map<string, string>()

  for (const listing of listings) {
    const firstLine = skuLines.get(listing.sku)
    if (firstLine !== undefined) {
      plan.skipped.push({
        line: listing.line,
        sku: listing.sku,
        reason: "duplicate",
        message: `SKU ${listing.sku} is in the report twice (lines ${firstLine} and ${listing.line}); the first one was imported`,
      })
      continue
    }
    skuLines.set(listing.sku, listing.line)

    const existing = facts.listingsBySku.get(listing.sku) ?? null
    if (existing && !existing.deleted && existing.synced_at === context.run_marker) {
      plan.already_imported++
      continue
    }

    if (existing?.variation_parent && !existing.deleted) {
      // a family's parent (variation.ts) is not sold: it groups the product's children and stays as it is
      plan.skipped.push({ line: listing.line, sku: listing.sku, reason: "variation_parent", message: `SKU ${listing.sku} is the variation parent of a Medusa product; it is not imported as a product of its own` })
      continue
    }
    const match = findVariant(listing, existing, facts, context.mapping)
    if (match.kind === "ambiguous") {
      plan.skipped.push({ line: listing.line, sku: listing.sku, reason: "ambiguous", message: match.message })
      continue
    }
    if (match.kind === "none") {
      plan.create.push({ listing, existing_id: existing?.id ?? null, restore: !!existing?.deleted })
      continue
    }

    const { variant, matched_by } = match
    const holder = facts.listingsByVariant.get(variant.id)
    // Amazon's SKU wins over the one we would have created: offering the variant under its Medusa SKU would
    // be a second SKU on the seller's ASIN
    const takeOver = !variantSkus.has(variant.id) && !existing && !!holder && !holder.deleted && holder.sku !== listing.sku && !!holder.unsent
    const holderSku = takeOver ? undefined : (variantSkus.get(variant.id) ?? (holder && !holder.deleted && holder.sku !== listing.sku ? holder.sku : undefined))
    if (holderSku !== undefined) {
      plan.skipped.push({
        line: listing.line,
        sku: listing.sku,
        reason: "conflict",
        message:
          `SKU ${listing.sku} matches variant ${variant.sku ?? variant.id} (by ${matched_by === "sku" ? "SKU" : context.mapping.product_id_type}), ` +
          `which is already listed here as SKU ${holderSku}; a variant can have one listing per marketplace — unlink or delete one of them`,
      })
      continue
    }
    variantSkus.set(variant.id, listing.sku)
    plan.link.push({
      ...listingFields(listing),
      existing_id: takeOver ? holder!.id : (existing?.id ?? null),
      restore: takeOver ? false : !!existing?.deleted,
      variant_id: variant.id,
      product_id: variant.product_id,
      matched_by,
      ...(takeOver ? { rekey: true } : {}),
    })
  }
  return plan
}

export function listingFields(listing: ReportListing): ListingFields {
  return {
    sku: listing.sku,
    asin: listing.asin,
    status: listing.status,
    price: listing.price,
    quantity: listing.quantity,
    fulfillment_channel: listing.fulfillment_channel,
    condition_type: listing.condition_type,
  }
}

type Match =
  | { kind: "variant"; variant: KnownVariant; matched_by: ListingLink["matched_by"] }
  | { kind: "ambiguous"; message: string }
  | { kind: "none" }

function findVariant(listing: ReportListing, existing: ExistingListing | null, facts: BatchFacts, mapping: ProductIdMapping): Match {
  if (existing?.variant_id && !existing.deleted) {
    const linked = facts.variantsById.get(existing.variant_id)
    if (linked) return { kind: "variant", variant: linked, matched_by: "listing" }
  }
  let ambiguous: string | null = null
  if (!mappingIsSku(mapping)) {
    const identifier = mappedIdentifier(listing, mapping)
    if (identifier) {
      const matches = facts.variantsByIdentifier.get(identifierKey(mapping.product_id_type, identifier)) ?? []
      if (matches.length === 1) return { kind: "variant", variant: matches[0], matched_by: "identifier" }
      if (matches.length > 1) {
        ambiguous =
          `SKU ${listing.sku}: ${matches.length} variants have ${mapping.product_id_type} ${identifier} ` +
          `(${matches.map((v) => v.sku ?? v.id).slice(0, 5).join(", ")}) and none has the SKU; give each variant its own ${mapping.product_id_type} or the Amazon SKU`
      }
    }
  }
  const bySku = facts.variantsBySku.get(listing.sku)
  if (bySku) return { kind: "variant", variant: bySku, matched_by: "sku" }
  return ambiguous ? { kind: "ambiguous", message: ambiguous } : { kind: "none" }
}
