import type AmazonModuleService from "../../../modules/amazon/service"
import type { DesiredListing, ListingIssue } from "../../../utils/listings/desired-listing"

export type ChangeRow = {
  id: string
  listing_id: string
  marketplace_id: string
  sku: string
  operation: "update" | "patch" | "delete"
  payload: DesiredListing
  hash: string
  attempts: number
  feed_message_id?: number | null
  created_at?: Date | string
}

function ourIssues(existing: unknown): ListingIssue[] {
  return Array.isArray(existing) ? (existing as ListingIssue[]).filter((i) => i.source === "medusa") : []
}

/** The issues we raised on these listings (kept when Amazon's answer replaces Amazon's). */
async function ourIssuesById(amazon: AmazonModuleService, changes: Array<{ change: ChangeRow }>): Promise<Map<string, ListingIssue[]>> {
  const listings = await amazon.listAmazonListings({ id: changes.map((c) => c.change.listing_id) }, { select: ["id", "issues"] })
  return new Map(listings.map((l) => [l.id, ourIssues(l.issues)]))
}

/**
 * Amazon took the change: the listing now is what we sent. Its issues keep
 * ours and Amazon's warnings; the offer is active when it has stock.
 */
export async function recordAccepted(
  amazon: AmazonModuleService,
  changes: Array<{ change: ChangeRow; issues: ListingIssue[] }>,
  feedId: string | null
): Promise<void> {
  if (!changes.length) return
  const now = new Date()
  const issuesById = await ourIssuesById(amazon, changes)
  await amazon.updateAmazonListingChanges(
    changes.map(({ change }) => ({ id: change.id, status: "accepted" as const, completed_at: now, error: null }))
  )
  await amazon.updateAmazonListings(
    changes.map(({ change, issues }) => ({
      id: change.listing_id,
      sent_hash: change.hash,
      sent_state: change.payload as unknown as Record<string, unknown>,
      asin: change.payload.asin,
      product_type: change.payload.product_type,
      status: (change.payload.quantity > 0 ? "active" : "inactive") as "active" | "inactive",
      quantity: change.payload.quantity,
      price: change.payload.price?.amount ?? null,
      currency_code: change.payload.price?.currency ?? null,
      issues: [...(issuesById.get(change.listing_id) ?? []), ...issues] as unknown as Record<string, unknown>,
      synced_at: now,
      ...(feedId ? { last_feed_id: feedId } : {}),
    }))
  )
}

/** Amazon refused the change: it is data (issues on the listing), not an exception (STYLE §7). */
export async function recordRejected(
  amazon: AmazonModuleService,
  changes: Array<{ change: ChangeRow; issues: ListingIssue[] }>,
  feedId: string | null
): Promise<void> {
  if (!changes.length) return
  const now = new Date()
  const issuesById = await ourIssuesById(amazon, changes)
  await amazon.updateAmazonListingChanges(
    changes.map(({ change, issues }) => ({
      id: change.id,
      status: "rejected" as const,
      completed_at: now,
      error: { issues } as unknown as Record<string, unknown>,
    }))
  )
  await amazon.updateAmazonListings(
    changes.map(({ change, issues }) => ({
      id: change.listing_id,
      status: "error" as const,
      issues: [...(issuesById.get(change.listing_id) ?? []), ...issues] as unknown as Record<string, unknown>,
      synced_at: now,
      ...(feedId ? { last_feed_id: feedId } : {}),
    }))
  )
}

/**
 * Back to the queue (Amazon down, FATAL feed, our own feed pacing): a later run sends the newest state.
 * Only a failed attempt counts toward giving up; waiting for our own quota does not.
 */
export async function releaseToQueue(amazon: AmazonModuleService, changeIds: string[], error?: string, countAttempt = true): Promise<void> {
  if (!changeIds.length) return
  const rows = await amazon.listAmazonListingChanges({ id: changeIds }, { select: ["id", "attempts"] })
  await amazon.updateAmazonListingChanges(
    rows.map((row) => ({
      id: row.id,
      status: "pending" as const,
      claimed_by: null,
      claimed_at: null,
      feed_message_id: null,
      attempts: countAttempt ? row.attempts + 1 : row.attempts,
      ...(error ? { error: { message: error } as unknown as Record<string, unknown> } : {}),
    }))
  )
}
