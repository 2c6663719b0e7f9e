import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteMappingStep, type DeleteMappingInput } from "./steps/delete-mapping"

export const deleteMappingWorkflow = createWorkflow("delete-amazon-mapping", (input: DeleteMappingInput) =>
  new WorkflowResponse(deleteMappingStep(input))
)
