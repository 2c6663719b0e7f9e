import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueSyncRunStep, type QueueSyncRunInput } from "./steps/queue-sync-run"

export const AMAZON_SYNC_REQUESTED = "amazon.sync_requested"

/**
 * "Sync now": records a queued run and hands it to whichever process picks
 * the event up (with Redis, any worker), so the request returns at once.
 * A request that joined a run already under way queues nothing.
 */
export const queueSyncRunWorkflow = createWorkflow("queue-amazon-sync-run", (input: QueueSyncRunInput) => {
  const queued = queueSyncRunStep(input)
  when({ queued }, ({ queued }) => !queued.joined).then(() => {
    emitEventStep({
      eventName: AMAZON_SYNC_REQUESTED,
      data: transform({ queued }, ({ queued }) => ({ run_id: queued.run.id, store_id: queued.run.store_id, type: queued.run.type })),
    })
  })
  return new WorkflowResponse(queued)
})
