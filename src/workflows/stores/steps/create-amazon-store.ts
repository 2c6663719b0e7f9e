import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { getMarketplace } from "../../../lib/sp-api/marketplaces"
import type { ProductIdType, StoreSettings } from "../../../modules/amazon/types"

export type CreateAmazonStoreStepInput = {
  name: string
  email: string
  marketplace_id: string
  sales_channel_id: string
  product_id_type: ProductIdType
  product_id_attribute: string
  settings?: Partial<StoreSettings>
}

/**
 * Creates the store (pending until connected) with its home marketplace
 * enabled; the other marketplaces of the region arrive when it is connected.
 */
export const createAmazonStoreStep = createStep(
  "amazon-create-store",
  async (input: CreateAmazonStoreStepInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const marketplace = getMarketplace(input.marketplace_id)!
    const store = await amazon.createAmazonStores({
      ...input,
      region: marketplace.region,
      settings: input.settings ?? {},
    })
    await amazon.createAmazonMarketplaces({ store_id: store.id, marketplace_id: marketplace.id, enabled: true })
    return new StepResponse(store, store.id)
  },
  async (storeId, { container }) => {
    if (!storeId) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    await amazon.deleteAmazonStores(storeId) // cascades to the marketplace row
  }
)
