import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { searchProductTypesStep, type SearchProductTypesInput } from "./steps/search-product-types"

export const searchProductTypesWorkflow = createWorkflow("search-amazon-product-types", (input: SearchProductTypesInput) =>
  new WorkflowResponse(searchProductTypesStep(input))
)
