import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ProductIdType, StoreSettings } from "../../../modules/amazon/types"

export type UpdateAmazonStoreStepInput = {
  id: string
  name?: string
  email?: string
  sales_channel_id?: string
  product_id_type?: ProductIdType
  product_id_attribute?: string
  /** merged into the stored settings key by key */
  settings?: Partial<StoreSettings>
}

const UPDATABLE = ["name", "email", "sales_channel_id", "product_id_type", "product_id_attribute", "settings"] as const

export const updateAmazonStoreStep = createStep(
  "amazon-update-store",
  async ({ id, settings, ...fields }: UpdateAmazonStoreStepInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const { marketplaces: _m, category_mappings: _c, attribute_mappings: _a, ...before } = await amazon.retrieveAmazonStore(id, {
      select: ["id", ...UPDATABLE],
    })
    const mergedSettings = settings ? { ...((before.settings as Record<string, unknown>) ?? {}), ...settings } : undefined
    const store = await amazon.updateAmazonStores({
      id,
      ...fields,
      ...(mergedSettings ? { settings: mergedSettings } : {}),
    })
    return new StepResponse(store, before)
  },
  async (before, { container }) => {
    if (!before) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    await amazon.updateAmazonStores(before)
  }
)
