import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkEveryStoreStep } from "./steps/check-every-store"

/** The daily health check over every store (the job's workflow). */
export const checkAmazonAuthorizationsWorkflow = createWorkflow("check-amazon-authorizations", () => {
  return new WorkflowResponse(checkEveryStoreStep())
})
