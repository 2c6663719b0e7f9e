import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { marketplaceId } from "../../../lib/sp-api"
import { toMedusaError } from "../../../utils/sp-api-errors"

export type SearchProductTypesInput = {
  store_id: string
  marketplace_id: string
  keywords?: string
  item_name?: string
}

/** searchDefinitionsProductTypes (5 rps, burst 10 — product type definitions model). */
export const searchProductTypesStep = createStep(
  "amazon-search-product-types",
  async (input: SearchProductTypesInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    try {
      const client = await amazon.getStoreSpApiClient(input.store_id)
      const result = await client.productTypeDefinitions.searchDefinitionsProductTypes({
        marketplaceIds: [marketplaceId(input.marketplace_id)],
        ...(input.keywords ? { keywords: input.keywords.split(/[\s,]+/).filter(Boolean) } : {}),
        ...(input.item_name ? { itemName: input.item_name } : {}),
      })
      return new StepResponse(
        (result.productTypes ?? []).map((p) => ({ name: p.name, display_name: p.displayName ?? p.name }))
      )
    } catch (error) {
      throw toMedusaError(error, "search Amazon's product types")
    }
  }
)
