import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertAttributeMappingStep, type UpsertAttributeMappingInput } from "./steps/upsert-attribute-mapping"

export const upsertAttributeMappingWorkflow = createWorkflow(
  "upsert-amazon-attribute-mapping",
  (input: UpsertAttributeMappingInput) => new WorkflowResponse(upsertAttributeMappingStep(input))
)
