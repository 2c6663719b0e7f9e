import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_LISTING_CHANGES_QUEUED } from "./refresh-listings"
import { resolveHeldChangesStep, type ResolveHeldChangesInput } from "./steps/resolve-held-changes"

export const resolveHeldListingChangesWorkflow = createWorkflow(
  "resolve-held-amazon-listing-changes",
  (input: ResolveHeldChangesInput) => {
    const result = resolveHeldChangesStep(input)
    emitEventStep({
      eventName: AMAZON_LISTING_CHANGES_QUEUED,
      data: transform({ input }, ({ input }) => ({ store_ids: [input.store_id] })),
    })
    return new WorkflowResponse(result)
  }
)
