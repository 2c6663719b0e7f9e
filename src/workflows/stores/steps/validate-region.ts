import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** A marketplace's orders go into a Medusa region: it must exist. */
export const validateRegionStep = createStep("amazon-validate-region", async (regionId: string, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: regionId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region "${regionId}" does not exist`)
  }
  return new StepResponse(data[0])
})
