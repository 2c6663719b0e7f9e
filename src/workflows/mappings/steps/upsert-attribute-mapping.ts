import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type UpsertAttributeMappingInput = {
  store_id: string
  product_type: string
  attribute: string
  source_type: "field" | "option" | "metadata" | "constant"
  source_value: string
  marketplace_id?: string | null
}

type Undo = { createdId?: string; updated?: { id: string; source_type: UpsertAttributeMappingInput["source_type"]; source_value: string } }

/** One source per (store, product type, attribute, marketplace — null meaning all). */
export const upsertAttributeMappingStep = createStep(
  "amazon-upsert-attribute-mapping",
  async (input: UpsertAttributeMappingInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const marketplace_id = input.marketplace_id ?? null
    const [existing] = await amazon.listAmazonAttributeMappings({
      store_id: input.store_id,
      product_type: input.product_type,
      attribute: input.attribute,
      marketplace_id,
    })
    if (existing) {
      const updated = await amazon.updateAmazonAttributeMappings({
        id: existing.id,
        source_type: input.source_type,
        source_value: input.source_value,
      })
      const undo: Undo = {
        updated: { id: existing.id, source_type: existing.source_type, source_value: existing.source_value },
      }
      return new StepResponse(updated, undo)
    }
    const created = await amazon.createAmazonAttributeMappings({ ...input, marketplace_id })
    const undo: Undo = { createdId: created.id }
    return new StepResponse(created, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.createdId) await amazon.deleteAmazonAttributeMappings(undo.createdId)
    if (undo.updated) await amazon.updateAmazonAttributeMappings(undo.updated)
  }
)
