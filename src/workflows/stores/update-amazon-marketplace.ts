import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAmazonMarketplaceStep, type UpdateAmazonMarketplaceInput } from "./steps/update-amazon-marketplace"
import { validateRegionStep } from "./steps/validate-region"

export const updateAmazonMarketplaceWorkflow = createWorkflow(
  "update-amazon-marketplace",
  (input: UpdateAmazonMarketplaceInput) => {
    when({ input }, ({ input }) => !!input.region_id).then(() => {
      validateRegionStep(transform({ input }, ({ input }) => input.region_id!))
    })
    return new WorkflowResponse(updateAmazonMarketplaceStep(input))
  }
)
