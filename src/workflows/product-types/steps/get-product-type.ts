import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { marketplaceId } from "../../../lib/sp-api"
import { toMedusaError } from "../../../utils/sp-api-errors"
import { LruCache } from "../../../utils/lru-cache"
import { summarizeProductTypeSchema, type ProductTypeSummary } from "../../../utils/product-type-schema"

export type GetProductTypeInput = { store_id: string; marketplace_id: string; product_type: string }

/**
 * Schemas are large and change rarely; Amazon's checksum is the cache key (notes §5.2). Bounded: the
 * least recently used summary goes first, so browsing hundreds of product types cannot grow the process.
 */
export const SCHEMA_CACHE_SIZE = 100
const schemaCache = new LruCache<string, ProductTypeSummary["attributes"]>(SCHEMA_CACHE_SIZE)

/**
 * getDefinitionsProductType (5 rps, burst 10) → its JSON Schema (a presigned
 * download) → the attributes and which of them Amazon requires for a listing.
 */
export const getProductTypeStep = createStep(
  "amazon-get-product-type",
  async (input: GetProductTypeInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    try {
      const client = await amazon.getStoreSpApiClient(input.store_id)
      const definition = await client.productTypeDefinitions.getDefinitionsProductType({
        productType: input.product_type,
        marketplaceIds: [marketplaceId(input.marketplace_id)],
        requirements: "LISTING",
      })
      const key = definition.schema.checksum || definition.schema.link.resource
      let attributes = schemaCache.get(key)
      if (!attributes) {
        // the client's own download: Amazon's hosts only, size-bounded, retried, errors without the URL
        const schema = await client.productTypeDefinitions.downloadSchema(definition.schema.link.resource)
        attributes = summarizeProductTypeSchema(schema).attributes
        schemaCache.set(key, attributes)
      }
      const summary: ProductTypeSummary = {
        name: definition.productType,
        display_name: definition.displayName ?? definition.productType,
        required_attributes: attributes.filter((a) => a.required).map((a) => a.name),
        attributes,
      }
      return new StepResponse(summary)
    } catch (error) {
      throw toMedusaError(error, `read the product type ${input.product_type}`)
    }
  }
)
