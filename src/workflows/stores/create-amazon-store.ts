import { createSalesChannelsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAmazonStoreStep, type CreateAmazonStoreStepInput } from "./steps/create-amazon-store"
import { validateSalesChannelStep } from "./steps/validate-sales-channel"

export type CreateAmazonStoreWorkflowInput = Omit<CreateAmazonStoreStepInput, "sales_channel_id"> & {
  /** existing channel to list from and import into; absent: a new "Amazon – <name>" channel */
  sales_channel_id?: string
}

export const createAmazonStoreWorkflow = createWorkflow(
  "create-amazon-store",
  (input: CreateAmazonStoreWorkflowInput) => {
    when({ input }, ({ input }) => !!input.sales_channel_id).then(() => {
      validateSalesChannelStep(transform({ input }, ({ input }) => input.sales_channel_id!))
    })

    const created = when({ input }, ({ input }) => !input.sales_channel_id).then(() =>
      createSalesChannelsStep(
        transform({ input }, ({ input }) => ({
          data: [{ name: `Amazon – ${input.name}`, description: "Orders imported from Amazon, products listed on Amazon" }],
        }))
      )
    )

    const storeInput = transform({ input, created }, ({ input, created }) => ({
      ...input,
      sales_channel_id: input.sales_channel_id ?? created![0].id,
    }))

    const store = createAmazonStoreStep(storeInput)
    return new WorkflowResponse(store)
  }
)
