import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getProductTypeStep, type GetProductTypeInput } from "./steps/get-product-type"

export const getProductTypeWorkflow = createWorkflow("get-amazon-product-type", (input: GetProductTypeInput) =>
  new WorkflowResponse(getProductTypeStep(input))
)
