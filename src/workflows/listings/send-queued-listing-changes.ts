import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendForStoresStep, type SendForStoresInput } from "./steps/send-for-stores"

/** The minute job and the "changes queued" event both land here. */
export const sendQueuedListingChangesWorkflow = createWorkflow(
  "send-queued-amazon-listing-changes",
  (input: SendForStoresInput) => new WorkflowResponse(sendForStoresStep(input))
)
