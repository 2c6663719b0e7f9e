import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshListingsWorkflow } from "./refresh-listings"
import { chooseListingAsinStep, type ChooseListingAsinInput } from "./steps/choose-listing-asin"

/** "This is the ASIN": settles an ambiguous barcode, then recomputes the listing so its offer is queued on that ASIN. */
export const chooseListingAsinWorkflow = createWorkflow("choose-amazon-listing-asin", (input: ChooseListingAsinInput) => {
  const chosen = chooseListingAsinStep(input)
  refreshListingsWorkflow.runAsStep({
    input: transform({ input, chosen }, ({ input, chosen }) => ({
      variant_ids: chosen.variant_id ? [chosen.variant_id] : [],
      store_ids: [input.store_id],
    })),
  })
  return new WorkflowResponse(chosen)
})
