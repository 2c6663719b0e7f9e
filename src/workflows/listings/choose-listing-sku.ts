import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshListingsWorkflow } from "./refresh-listings"
import { chooseListingSkuStep, type ChooseListingSkuInput } from "./steps/choose-listing-sku"

/** "This is my SKU": the listing adopts one of the seller's offers on its ASIN, then is recomputed (a patch of that offer). */
export const chooseListingSkuWorkflow = createWorkflow("choose-amazon-listing-sku", (input: ChooseListingSkuInput) => {
  const chosen = chooseListingSkuStep(input)
  refreshListingsWorkflow.runAsStep({
    input: transform({ input, chosen }, ({ input, chosen }) => ({
      variant_ids: chosen.variant_id ? [chosen.variant_id] : [],
      store_ids: [input.store_id],
    })),
  })
  return new WorkflowResponse(chosen)
})
