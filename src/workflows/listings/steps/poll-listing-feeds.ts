import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { feedDocumentId, feedId } from "../../../lib/sp-api"
import { MalformedProcessingReportError, readProcessingReport } from "../../../utils/listings/processing-report"
import { amazonReason, isAuthorizationLost, toMedusaError } from "../../../utils/sp-api-errors"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import { SpApiError } from "../../../lib/sp-api"
import { type ChangeRow, recordAccepted, recordRejected, releaseToQueue } from "../lib/listing-outcomes"
import { READ_BACK_FIELDS, readBackListings, type ReadBackRow } from "../lib/read-back-listings"

const OPEN = ["submitted", "in_queue", "in_progress", "done"] as const
const STATUS: Record<string, "in_queue" | "in_progress" | "done" | "fatal" | "cancelled"> = {
  IN_QUEUE: "in_queue",
  IN_PROGRESS: "in_progress",
  DONE: "done",
  FATAL: "fatal",
  CANCELLED: "cancelled",
}

export type PollListingFeedsResult = { feeds: number; finished: number; accepted: number; rejected: number; requeued: number; errors: string[] }

/**
 * Follows the store's submitted feeds (getFeed, 2 rps burst 15) and, when
 * Amazon is done, reads the processing report (getFeedDocument, 0.0222 rps
 * burst 10 — feeds model) into per-listing results. FATAL/CANCELLED feeds
 * send their changes back to the queue (a listing PUT/PATCH may be repeated).
 * A report that cannot be read leaves everything as it was, to be read again.
 * Accepted is not live: the accepted listings are read back at once
 * (searchListingsItems); what Amazon does not show yet stays "accepted" for
 * the hourly reconcile.
 */
export const pollListingFeedsStep = createStep(
  "amazon-poll-listing-feeds",
  async (input: { store_id: string }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const result: PollListingFeedsResult = { feeds: 0, finished: 0, accepted: 0, rejected: 0, requeued: 0, errors: [] }
    const feeds = await amazon.listAmazonFeeds(
      { store_id: input.store_id, status: [...OPEN], amazon_feed_id: { $ne: null }, completed_at: null },
      { order: { submitted_at: "ASC" } }
    )
    if (!feeds.length) return new StepResponse(result)
    const client = await amazon.getStoreSpApiClient(input.store_id)
    for (const feed of feeds) {
      result.feeds++
      try {
        const status = await client.feeds.getFeed(feedId(feed.amazon_feed_id!))
        const mapped = STATUS[status.processingStatus] ?? "in_progress"
        const changes = (await amazon.listAmazonListingChanges({ claimed_by: feed.id, status: "claimed" })) as unknown as ChangeRow[]
        if (mapped === "fatal" || mapped === "cancelled") {
          await releaseToQueue(amazon, changes.map((c) => c.id), `Amazon ended feed ${feed.amazon_feed_id} as ${status.processingStatus}`)
          await amazon.updateAmazonFeeds({ id: feed.id, status: mapped, completed_at: new Date(), error: `Amazon ended the feed as ${status.processingStatus}; its changes were queued again.` })
          result.requeued += changes.length
          result.finished++
          continue
        }
        if (mapped !== "done" || !status.resultFeedDocumentId) {
          if (mapped !== feed.status) await amazon.updateAmazonFeeds({ id: feed.id, status: mapped })
          continue
        }
        const text = await client.feeds.downloadFeedDocumentText(feedDocumentId(status.resultFeedDocumentId))
        let parsed: unknown
        try {
          parsed = JSON.parse(text)
        } catch {
          throw new MalformedProcessingReportError("not JSON")
        }
        // a message of a multi-marketplace feed carries one change per marketplace: each records the message's outcome
        const byMessage = new Map<number, ChangeRow[]>()
        for (const c of changes) byMessage.set(c.feed_message_id ?? -1, [...(byMessage.get(c.feed_message_id ?? -1) ?? []), c])
        const { outcomes, summary } = readProcessingReport(parsed, [...byMessage.keys()].filter((id) => id > 0))
        const accepted = outcomes.filter((o) => o.accepted).flatMap((o) => byMessage.get(o.messageId)!.map((change) => ({ change, issues: o.issues })))
        const rejected = outcomes.filter((o) => !o.accepted).flatMap((o) => byMessage.get(o.messageId)!.map((change) => ({ change, issues: o.issues })))
        await recordAccepted(amazon, accepted, feed.id)
        await recordRejected(amazon, rejected, feed.id)
        await amazon.updateAmazonFeeds({
          id: feed.id,
          status: "done",
          result_document_id: status.resultFeedDocumentId,
          summary: (summary ?? null) as Record<string, unknown> | null,
          completed_at: new Date(),
        })
        result.accepted += accepted.length
        result.rejected += rejected.length
        result.finished++
        if (accepted.length) {
          const rows = await amazon.listAmazonListings({ id: accepted.map((a) => a.change.listing_id) }, { select: [...READ_BACK_FIELDS] })
          await readBackListings(amazon, client, rows as unknown as ReadBackRow[], { keepSubmissionIssues: true }).catch((error) => {
            if (isAuthorizationLost(error)) throw error
            result.errors.push(`Feed ${feed.amazon_feed_id}: accepted, but Amazon's listing status could not be read yet (${error instanceof Error ? error.message : String(error)}); the hourly reconcile reads it.`)
          })
        }
        // read as safely as it could be; what did not fit is said on the run, not only on the feed row
        for (const note of summary?.unrecognized ?? []) result.errors.push(`Feed ${feed.amazon_feed_id}: processing report read with a reservation: ${note}`)
      } catch (error) {
        if (isAuthorizationLost(error)) {
          result.errors.push(await markAuthorizationLost(amazon, input.store_id, amazonReason(error)))
          break
        }
        const mapped = toMedusaError(error, `read the result of feed ${feed.amazon_feed_id}`)
        const message = mapped instanceof Error ? mapped.message : error instanceof SpApiError ? amazonReason(error) : String(error)
        result.errors.push(`Feed ${feed.amazon_feed_id}: ${message}`)
        await amazon.updateAmazonFeeds({ id: feed.id, error: message })
      }
    }
    return new StepResponse(result)
  }
)
