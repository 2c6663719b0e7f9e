import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type UpsertCategoryMappingInput = {
  store_id: string
  category_id: string
  product_type: string
  marketplace_id?: string | null
}

type Undo = { createdId?: string; updated?: { id: string; product_type: string } }

/** One mapping per (store, category, marketplace — null meaning all): saving again replaces the product type. */
export const upsertCategoryMappingStep = createStep(
  "amazon-upsert-category-mapping",
  async (input: UpsertCategoryMappingInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const marketplace_id = input.marketplace_id ?? null
    const [existing] = await amazon.listAmazonCategoryMappings({
      store_id: input.store_id,
      category_id: input.category_id,
      marketplace_id,
    })
    if (existing) {
      const updated = await amazon.updateAmazonCategoryMappings({ id: existing.id, product_type: input.product_type })
      const undo: Undo = { updated: { id: existing.id, product_type: existing.product_type } }
      return new StepResponse(updated, undo)
    }
    const created = await amazon.createAmazonCategoryMappings({ ...input, marketplace_id })
    const undo: Undo = { createdId: created.id }
    return new StepResponse(created, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.createdId) await amazon.deleteAmazonCategoryMappings(undo.createdId)
    if (undo.updated) await amazon.updateAmazonCategoryMappings(undo.updated)
  }
)
