import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueSyncRunStep, type QueueSyncRunInput } from "./steps/queue-sync-run"

export const AMAZON_SYNC_REQUESTED = "amazon.sync_requested"

/**
 * "Sync now": records a queued run and hands it to whichever process picks
 * the event up (with Redis, any worker), so the request returns at once.
 */
export const queueSyncRunWorkflow = createWorkflow("queue-amazon-sync-run", (input: QueueSyncRunInput) => {
  const run = queueSyncRunStep(input)
  emitEventStep({
    eventName: AMAZON_SYNC_REQUESTED,
    data: transform({ run }, ({ run }) => ({ run_id: run.id, store_id: run.store_id, type: run.type })),
  })
  return new WorkflowResponse(run)
})
