import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { beginSyncRunStep } from "../sync/steps/begin-sync-run"
import { holdStoreLockStep, releaseStoreLockStep, storeLockKey } from "../sync/steps/store-lock"
import { finishSyncRunStep } from "../sync/steps/finish-sync-run"
import type { SyncWorkflowInput } from "../sync/sync-workflows"
import { checkListingWorkStep } from "./steps/check-listing-work"
import { pollListingFeedsStep } from "./steps/poll-listing-feeds"
import { sendListingChangesStep } from "./steps/send-listing-changes"

/** Longest a send may hold the store's listings lock (it is renewed while the sender lives; a killed one's lapses within a minute). */
const LOCK_MAX_HOLD_SECONDS = 15 * 60

/**
 * One store's outbox to Amazon, as one sync run, under the store's listings
 * lock (a second sender — another worker, a second event — finds it taken and
 * stops at once: the running one drains what is there).
 */
export type SendListingChangesWorkflowInput = SyncWorkflowInput & {
  settle_ms?: number
  /** how long to wait for a busy lock (0: give up at once, the running sender drains what is there) */
  lock_wait_seconds?: number
}

export const sendListingChangesWorkflow = createWorkflow("send-amazon-listing-changes", (input: SendListingChangesWorkflowInput) => {
  const lockKey = transform({ input }, ({ input }) => storeLockKey("listings", input.store_id)!)
  // a sender woken while another holds the lock waits for it: changes queued in its last moments are not left for the cron.
  // "sync now" (a queued run) joins the send under way instead: it is recorded skipped, naming that send, which picks up
  // whatever is queued while it runs
  const held = holdStoreLockStep(
    transform({ input, lockKey }, ({ input, lockKey }) => ({
      key: lockKey,
      max_hold_seconds: LOCK_MAX_HOLD_SECONDS,
      wait_seconds: input.lock_wait_seconds ?? (input.run_id ? 60 : 0),
      on_busy: "fail" as const,
      ...(input.run_id ? { sync_run: { id: input.run_id, store_id: input.store_id, type: "listings" as const } } : {}),
    }))
  )
  const hasWork = checkListingWorkStep(transform({ input }, ({ input }) => input.store_id))
  const finished = when({ input, hasWork, held }, ({ input, hasWork, held }) => held.acquired && (hasWork || !!input.run_id)).then(() => {
    const run = beginSyncRunStep(
      transform({ input }, ({ input }) => ({ store_id: input.store_id, type: "listings" as const, trigger: input.trigger, run_id: input.run_id }))
    )
    const result = sendListingChangesStep(
      transform({ input, run }, ({ input, run }) => ({ store_id: input.store_id, run_id: run.id, settle_ms: input.settle_ms }))
    )
    const polled = pollListingFeedsStep(transform({ input }, ({ input }) => ({ store_id: input.store_id })))
    return finishSyncRunStep(
      transform({ result, polled }, ({ result, polled }) => ({
        ...result,
        counts: {
          ...result.counts,
          feeds_read: polled.finished,
          accepted_in_feeds: polled.accepted,
          rejected_in_feeds: polled.rejected,
          requeued: polled.requeued,
        },
        errors: [...result.errors, ...polled.errors.map((message) => ({ code: "feed_read", message }))],
      }))
    )
  })
  releaseStoreLockStep(transform({ held, finished }, ({ held }) => held))
  return new WorkflowResponse(transform({ finished }, ({ finished }) => finished ?? null))
})
