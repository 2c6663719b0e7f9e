import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/**
 * Soft-deletes the store with its marketplaces and mappings (cascade). Its
 * listings, orders, feeds and runs stay as history: Medusa orders made from
 * Amazon orders are the merchant's, and a restore brings everything back.
 */
export const deleteAmazonStoreStep = createStep(
  "amazon-delete-store",
  async (storeId: string, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    await amazon.softDeleteAmazonStores(storeId)
    return new StepResponse(storeId, storeId)
  },
  async (storeId, { container }) => {
    if (!storeId) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    await amazon.restoreAmazonStores(storeId)
  }
)
