import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkStoreAuthorizationStep } from "./steps/check-store-authorization"
import { recordStoreHealthStep } from "./steps/record-store-health"

/** One store: does Amazon still accept its authorization, and how long until it must be renewed? */
export const checkAmazonAuthorizationWorkflow = createWorkflow(
  "check-amazon-authorization",
  (input: { store_id: string }) => {
    const check = checkStoreAuthorizationStep(input.store_id)
    return new WorkflowResponse(recordStoreHealthStep(check))
  }
)
