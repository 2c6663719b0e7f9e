import type AmazonModuleService from "../../../modules/amazon/service"
import type { DesiredListing, ListingIssue } from "../../../utils/listings/desired-listing"
import type { PatchField } from "../../../utils/listings/existing-offer"

export type ChangeRow = {
  id: string
  listing_id: string
  marketplace_id: string
  sku: string
  operation: "update" | "patch" | "delete"
  /** patch_fields: which parts of an existing offer a patch touches (existing-offer.ts) */
  payload: DesiredListing & { patch_fields?: PatchField[] }
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
 * ours and Amazon's warnings. Taken is not live: the status is "accepted"
 * until Amazon's listing is read back (read-back-listings.ts).
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
      // a deleted offer is no longer Amazon's: switching back on creates it anew (an UPDATE, not a patch)
      ...(change.operation === "delete"
        ? { sent_hash: null, sent_state: null, desired_hash: null }
        : { sent_hash: change.hash, sent_state: change.payload as unknown as Record<string, unknown> }),
      asin: change.payload.asin,
      product_type: change.payload.product_type,
      // a delete (switch-off with the store's "delete" setting) leaves no offer
      status: change.operation === "delete" ? ("deleted" as const) : ("accepted" as const),
      // null: Amazon's quantity was left as it is (FBA, unmanaged stock)
      ...(change.payload.quantity === null ? {} : { quantity: change.payload.quantity }),
      // no price: the change left Amazon's price alone (a switch-off zeroes the stock only)
      ...(change.payload.price ? { price: change.payload.price.amount, currency_code: change.payload.price.currency } : {}),
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
