import type { ListingIssue } from "./desired-listing"

type ListingRow = { id: string; sku: string; asin: string | null; marketplace_id: string; variant_id: string | null; product_id: string | null; status: string; issues: unknown }

/**
 * The store's error report: one row per issue with the listing it belongs to
 * and the Medusa field to fix, plus counts per kind (no barcode, no ASIN,
 * zero stock, Amazon's own codes), errors first.
 */
export function buildIssueReport(listings: ListingRow[]) {
  const rows = listings.flatMap((listing) =>
    (Array.isArray(listing.issues) ? (listing.issues as ListingIssue[]) : []).map((issue) => ({
      listing_id: listing.id,
      sku: listing.sku,
      asin: listing.asin,
      marketplace_id: listing.marketplace_id,
      variant_id: listing.variant_id,
      product_id: listing.product_id,
      listing_status: listing.status,
      ...issue,
    }))
  )
  rows.sort((a, b) => (a.severity === b.severity ? a.sku.localeCompare(b.sku) : a.severity === "error" ? -1 : 1))
  const counts: Record<string, number> = {}
  for (const row of rows) counts[row.code] = (counts[row.code] ?? 0) + 1
  return {
    issues: rows,
    counts,
    errors: rows.filter((r) => r.severity === "error").length,
    warnings: rows.filter((r) => r.severity === "warning").length,
  }
}
