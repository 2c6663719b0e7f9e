import type { DesiredListing } from "./desired-listing"
import { FAST_PATH_MAX_DEFAULT } from "./limits"
import { shouldHold } from "./safety-hold"

type ChangeRow = { id: string; listing_id: string; marketplace_id: string; sku: string; operation: string; status: string; payload: unknown; created_at?: Date | string }
type ListingRow = { id: string; sent_state: unknown; quantity: number | null; variant_id: string | null; product_id: string | null }

const FIELDS: Array<keyof DesiredListing> = ["asin", "product_type", "price", "quantity", "handling_days", "package_weight_kg", "identifier", "withdrawn"]

/**
 * The dry run: what the next send would do per listing — its fields old → new
 * (old = what Amazon last accepted), fast path or feed, and whether the safety
 * hold would stop it. Pure, so the admin's preview and the sender agree.
 */
export function previewListingChanges(
  changes: ChangeRow[],
  listings: ListingRow[],
  options: { fastPath: boolean; offersWithStock: number; fastPathMax?: number }
) {
  const byId = new Map(listings.map((l) => [l.id, l]))
  const newest = new Map<string, ChangeRow>()
  for (const change of changes) newest.set(change.listing_id, change) // changes come oldest first
  const rows = [...newest.values()].map((change) => {
    const listing = byId.get(change.listing_id)
    const sent = (listing?.sent_state ?? null) as DesiredListing | null
    const next = change.payload as DesiredListing
    // a patch of an offer Amazon has changes only its patch_fields (existing-offer.ts): the rest is not sent
    const only = (next as { patch_fields?: string[] }).patch_fields
    const fields = FIELDS.filter((field) => !only || only.includes(field)).flatMap((field) => {
      const before = sent ? (sent[field] ?? null) : null
      const after = next[field] ?? null
      return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field, old: before, new: after }]
    })
    return {
      change_id: change.id,
      listing_id: change.listing_id,
      variant_id: listing?.variant_id ?? null,
      product_id: listing?.product_id ?? null,
      sku: change.sku,
      marketplace_id: change.marketplace_id,
      operation: change.operation,
      held: change.status === "held",
      fields,
      // how the price was computed (source → rule → conversion → rounding → clamp → sent) and the listing rule that decided
      price_trace: (next as { price_trace?: unknown }).price_trace ?? null,
      listing_rule: (next as { listing_rule?: unknown }).listing_rule ?? null,
    }
  })
  const patches = rows.filter((r) => r.operation === "patch" && !r.held).length
  const viaFastPath = options.fastPath && patches <= (options.fastPathMax ?? FAST_PATH_MAX_DEFAULT)
  const drops = rows
    .filter((r) => !r.held)
    .flatMap((r) => {
      const quantity = r.fields.find((f) => f.field === "quantity")
      return quantity && quantity.new === 0 ? [{ listing_id: r.listing_id, from: Number(quantity.old ?? byId.get(r.listing_id)?.quantity ?? 0), to: 0 }] : []
    })
  const hold = shouldHold(drops, options.offersWithStock)
  return {
    changes: rows.map((r) => ({ ...r, path: r.operation === "patch" && viaFastPath ? "fast_path" : "feed" })),
    counts: {
      total: rows.length,
      held: rows.filter((r) => r.held).length,
      fast_path: viaFastPath ? patches : 0,
      feed: rows.length - rows.filter((r) => r.held).length - (viaFastPath ? patches : 0),
    },
    would_hold: hold.hold,
  }
}
