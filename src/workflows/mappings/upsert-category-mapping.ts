import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertCategoryMappingStep, type UpsertCategoryMappingInput } from "./steps/upsert-category-mapping"

export const upsertCategoryMappingWorkflow = createWorkflow(
  "upsert-amazon-category-mapping",
  (input: UpsertCategoryMappingInput) => new WorkflowResponse(upsertCategoryMappingStep(input))
)
