import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { retryOrderStep } from "./steps/retry-order"

/** The admin's retry button on an Amazon order: import it again, send its failed packages again. */
export const retryAmazonOrderWorkflow = createWorkflow("retry-amazon-order", (input: { id: string }) => {
  return new WorkflowResponse(retryOrderStep(input.id))
})
