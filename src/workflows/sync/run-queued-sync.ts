import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { runQueuedSyncStep, type QueuedSync } from "./steps/run-queued-sync"

export const runQueuedSyncWorkflow = createWorkflow("run-queued-amazon-sync", (input: QueuedSync) => {
  return new WorkflowResponse(runQueuedSyncStep(input))
})
