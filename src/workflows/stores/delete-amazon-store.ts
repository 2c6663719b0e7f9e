import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAmazonStoreStep } from "./steps/delete-amazon-store"

export const deleteAmazonStoreWorkflow = createWorkflow("delete-amazon-store", (input: { id: string }) => {
  return new WorkflowResponse(deleteAmazonStoreStep(input.id))
})
