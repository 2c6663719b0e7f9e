import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type UpdateAmazonMarketplaceInput = {
  store_id: string
  marketplace_id: string
  enabled?: boolean
  listings_export?: boolean
  listings_import?: boolean
  include_inactive?: boolean
  orders_import?: boolean
  region_id?: string | null
}

const TOGGLES = ["enabled", "listings_export", "listings_import", "include_inactive", "orders_import", "region_id"] as const

export const updateAmazonMarketplaceStep = createStep(
  "amazon-update-marketplace",
  async ({ store_id, marketplace_id, ...changes }: UpdateAmazonMarketplaceInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const [row] = await amazon.listAmazonMarketplaces({ store_id, marketplace_id })
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Marketplace ${marketplace_id} is not part of this Amazon store; connecting the store adds every marketplace the seller sells in.`
      )
    }
    const before = Object.fromEntries(TOGGLES.map((key) => [key, row[key]]))
    const updated = await amazon.updateAmazonMarketplaces({ id: row.id, ...changes })
    return new StepResponse(updated, { id: row.id, ...before })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonMarketplaces(before)
  }
)
