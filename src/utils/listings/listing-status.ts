import type { ListingIssue } from "./desired-listing"

/** What Amazon says of a listing (Listings Items 2021-08-01 `Item`: summaries + issues), the parts we read. */
export type AmazonListingsItem = {
  sku: string
  summaries?: Array<{ marketplaceId: string; asin?: string; productType?: string; status?: string[] }>
  issues?: Array<{
    code?: string
    message?: string
    severity?: string
    attributeNames?: string[]
    categories?: string[]
    enforcements?: { actions?: Array<{ action?: string }>; exemption?: { status?: string } }
  }>
}

export type ReadBackStatus = "active" | "inactive" | "incomplete" | "suppressed"

export type ReadBack = { status: ReadBackStatus; asin: string | null; product_type: string | null; issues: ListingIssue[] }

/** Enforcements that take the offer off sale (IssueEnforcementAction in the listings model). */
const OFF_SALE = new Set(["LISTING_SUPPRESSED", "CATALOG_ITEM_REMOVED"])

/**
 * Amazon's word on a listing, as our status. An accepted submission is not a live offer: Amazon
 * may still suppress it (missing main image, invalid price …) or leave it without an ASIN.
 * - an issue enforced with LISTING_SUPPRESSED / CATALOG_ITEM_REMOVED (not exempt) → suppressed
 * - summary status BUYABLE → active; DISCOVERABLE only (no stock, closed) → inactive
 * - neither: incomplete when Amazon names what is missing or wrong, else inactive
 * Returns null when Amazon has no summary for the marketplace yet (still processing: stays accepted).
 */
export function readListingsItem(item: AmazonListingsItem | null, marketplaceId: string): ReadBack | null {
  const summary = item?.summaries?.find((s) => s.marketplaceId === marketplaceId)
  if (!item || !summary) return null
  const issues = (item.issues ?? []).map(toIssue)
  const suppressed = (item.issues ?? []).some(
    (i) => i.enforcements?.exemption?.status !== "EXEMPT" && (i.enforcements?.actions ?? []).some((a) => OFF_SALE.has(a.action ?? ""))
  )
  const statuses = summary.status ?? []
  const status: ReadBackStatus = suppressed
    ? "suppressed"
    : statuses.includes("BUYABLE")
      ? "active"
      : statuses.includes("DISCOVERABLE")
        ? "inactive"
        : issues.length
          ? "incomplete"
          : "inactive"
  return { status, asin: summary.asin ?? null, product_type: summary.productType ?? null, issues }
}

function toIssue(issue: NonNullable<AmazonListingsItem["issues"]>[number]): ListingIssue {
  const suppressing = (issue.enforcements?.actions ?? []).map((a) => a.action).filter((a): a is string => !!a && OFF_SALE.has(a))
  const attribute = issue.attributeNames?.[0]
  return {
    source: "amazon",
    code: String(issue.code ?? "unknown"),
    severity: String(issue.severity ?? "ERROR").toUpperCase() === "ERROR" ? "error" : "warning",
    message: `${issue.message ?? "Amazon reported a problem without a message"}${suppressing.length ? ` (Amazon: ${suppressing.join(", ").toLowerCase().replace(/_/g, " ")})` : ""}`,
    ...(attribute ? { field: `amazon:${attribute}` } : {}),
  }
}
