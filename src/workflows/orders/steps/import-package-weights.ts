import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { asin as toAsin, marketplaceId as toMarketplaceId } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { packageWeightGrams } from "../../../utils/orders/package-weight"

export type ImportPackageWeightsInput = {
  store_id: string
  marketplace_id: string
  lines: Array<{ variant_id: string; asin: string | null }>
}

/**
 * For stores that ask for it: variants without a weight get the package weight of Amazon's catalog item
 * (getCatalogItem includedData=dimensions: 2 rps, burst 2 — catalog items model), in grams. Best effort:
 * an order never fails because the catalog had no weight.
 * Compensation: the weights go back to empty.
 */
export const importPackageWeightsStep = createStep(
  "amazon-import-package-weights",
  async (input: ImportPackageWeightsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const lines = input.lines.filter((l) => l.asin)
    if (!lines.length) return new StepResponse([] as string[], [] as string[])
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "weight"], filters: { id: lines.map((l) => l.variant_id) } })
    const weightless = new Set((data as Array<{ id: string; weight: number | null }>).filter((v) => !v.weight).map((v) => v.id))
    const todo = lines.filter((l) => weightless.has(l.variant_id))
    if (!todo.length) return new StepResponse([] as string[], [] as string[])

    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const product = container.resolve(Modules.PRODUCT)
    const client = await amazon.getStoreSpApiClient(input.store_id)
    const updated: string[] = []
    for (const line of todo) {
      try {
        const item = await client.catalogItems.getCatalogItem({
          asin: toAsin(line.asin!),
          marketplaceIds: [toMarketplaceId(input.marketplace_id)],
          includedData: ["dimensions"],
        })
        const grams = packageWeightGrams(item, input.marketplace_id)
        if (grams) {
          await product.updateProductVariants(line.variant_id, { weight: grams })
          updated.push(line.variant_id)
        }
      } catch (error) {
        logger.warn(`[amazon] no package weight for ASIN ${line.asin}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return new StepResponse(updated, updated)
  },
  async (variantIds, { container }) => {
    if (!variantIds?.length) return
    const product = container.resolve(Modules.PRODUCT)
    for (const id of variantIds) await product.updateProductVariants(id, { weight: null })
  }
)
