import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAmazonStoreStep, type UpdateAmazonStoreStepInput } from "./steps/update-amazon-store"
import { validateSalesChannelStep } from "./steps/validate-sales-channel"

export const updateAmazonStoreWorkflow = createWorkflow(
  "update-amazon-store",
  (input: UpdateAmazonStoreStepInput) => {
    when({ input }, ({ input }) => !!input.sales_channel_id).then(() => {
      validateSalesChannelStep(transform({ input }, ({ input }) => input.sales_channel_id!))
    })
    return new WorkflowResponse(updateAmazonStoreStep(input))
  }
)
