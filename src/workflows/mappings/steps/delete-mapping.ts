import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type DeleteMappingInput = { store_id: string; id: string; kind: "category" | "attribute" }

/** Soft-deletes one mapping of the store (404 for another store's); restored on compensation. */
export const deleteMappingStep = createStep(
  "amazon-delete-mapping",
  async ({ store_id, id, kind }: DeleteMappingInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const found =
      kind === "category"
        ? await amazon.listAmazonCategoryMappings({ id, store_id })
        : await amazon.listAmazonAttributeMappings({ id, store_id })
    if (!found.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Mapping "${id}" not found in this store`)
    }
    if (kind === "category") await amazon.softDeleteAmazonCategoryMappings(id)
    else await amazon.softDeleteAmazonAttributeMappings(id)
    return new StepResponse(id, { id, kind })
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.kind === "category") await amazon.restoreAmazonCategoryMappings(undo.id)
    else await amazon.restoreAmazonAttributeMappings(undo.id)
  }
)
