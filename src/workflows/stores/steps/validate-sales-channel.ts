import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Refuses a sales channel id that does not exist, before anything is written. */
export const validateSalesChannelStep = createStep(
  "amazon-validate-sales-channel",
  async (salesChannelId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: salesChannelId } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Sales channel "${salesChannelId}" does not exist`)
    }
    return new StepResponse(salesChannelId)
  }
)
