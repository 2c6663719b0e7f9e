import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { importEveryStoreStep } from "./steps/import-every-store"

/** The daily listings import over every store that has it on (the job's workflow). */
export const importAllAmazonListingsWorkflow = createWorkflow("import-all-amazon-listings", () => {
  return new WorkflowResponse(importEveryStoreStep())
})
