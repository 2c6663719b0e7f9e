import type AmazonModuleService from "../../../modules/amazon/service"
import type { SpApiClient } from "../../../lib/sp-api"
import { hashState, type DesiredListing, type ListingIssue } from "../../../utils/listings/desired-listing"
import { readListingsItem, type AmazonListingsItem } from "../../../utils/listings/listing-status"
import { searchListingsBySku } from "./search-listings-by-sku"

export type ReadBackRow = {
  id: string
  sku: string
  marketplace_id: string
  status: string
  asin: string | null
  issues: unknown
  sent_state: unknown
  sent_hash: string | null
  desired_hash: string | null
  product_type?: string | null
}

/** Fields read-back needs from amazon_listing. */
export const READ_BACK_FIELDS = ["id", "sku", "marketplace_id", "status", "asin", "issues", "sent_state", "sent_hash", "desired_hash", "product_type"] as const

/**
 * Asks Amazon what became of listings it accepted: searchListingsItems by SKU (20 a call, one
 * marketplace a call) with summaries and issues. Each listing gets Amazon's status (active, inactive,
 * incomplete, suppressed), Amazon's current issues next to ours, and — for a new product Amazon gave an
 * ASIN — that ASIN, written into the sent state too so the next compute does not send it again.
 * A SKU Amazon does not show yet keeps its status (accepted). Right after a submission
 * (`keepSubmissionIssues`) the issues Amazon gave in its answer (processing report, patch response) stay
 * next to the listing's current ones; the hourly read replaces them with what Amazon says now.
 * Returns how many listings were read.
 */
export async function readBackListings(
  amazon: AmazonModuleService,
  client: SpApiClient,
  rows: ReadBackRow[],
  { keepSubmissionIssues = false }: { keepSubmissionIssues?: boolean } = {}
): Promise<number> {
  let read = 0
  const search = searchListingsBySku<ReadBackRow, AmazonListingsItem>(client, rows, { includedData: ["summaries", "issues"], issueLocale: "en_US" })
  for await (const { marketplace, chunk, items } of search) {
    const now = new Date()
    const updates = chunk.flatMap((row) => {
      const seen = readListingsItem(items.get(row.sku) ?? null, marketplace)
      if (!seen) return []
      read++
      const before = Array.isArray(row.issues) ? (row.issues as ListingIssue[]) : []
      // a submission issue Amazon still reports comes in its current words (e.g. with the suppression it caused)
      const kept = before.filter((issue) => issue.source === "medusa" || (keepSubmissionIssues && !seen.issues.some((i) => i.code === issue.code)))
      const update: Record<string, unknown> & { id: string } = { id: row.id, status: seen.status, issues: [...kept, ...seen.issues], synced_at: now }
      // the listing's product type is Amazon's (a patch cannot change it): patches name it (read-current-offers.ts)
      if (seen.product_type && seen.product_type !== row.product_type) update.product_type = seen.product_type
      if (seen.asin && seen.asin !== row.asin) {
        update.asin = seen.asin
        const sent = row.sent_state as DesiredListing | null
        if (sent && !sent.asin) {
          // learnt, not changed: the state Amazon has now carries the ASIN, so the next compute sends nothing
          // the price trace and listing rule ride along in sent_state but are never part of the hash
          const { price_trace: _trace, listing_rule: _rule, ...state } = sent as DesiredListing & { price_trace?: unknown; listing_rule?: unknown }
          update.sent_state = { ...sent, asin: seen.asin }
          update.sent_hash = hashState({ ...state, asin: seen.asin })
          if (row.desired_hash === row.sent_hash) update.desired_hash = update.sent_hash
        }
      }
      return [update]
    })
    if (updates.length) await amazon.updateAmazonListings(updates as never)
  }
  return read
}
