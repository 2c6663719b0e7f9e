import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateListingChangesStep } from "./steps/validate-listing-changes"

/** The dry run's "ask Amazon": VALIDATION_PREVIEW of the full listings the next send would submit. */
export const validateListingChangesWorkflow = createWorkflow("validate-amazon-listing-changes", (input: { store_id: string; change_ids: string[] }) => {
  return new WorkflowResponse(validateListingChangesStep(input))
})
