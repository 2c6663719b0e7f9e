import { marketplaceId, type SpApiClient } from "../../../lib/sp-api"
import type { ProductTypeSchema } from "../../../utils/listings/attribute-shape"

/** Schemas are large and change rarely: Amazon's checksum is the cache key (notes §5.2), the oldest go first. */
const CACHE_SIZE = 50
const cache = new Map<string, ProductTypeSchema>()

/**
 * The JSON Schema of a product type for LISTING in one marketplace: getDefinitionsProductType (5 rps,
 * burst 10) → its schema document (presigned download). Throws Amazon's error: a listing is not sent
 * shaped on a guess.
 */
export async function loadProductTypeSchema(client: SpApiClient, productType: string, marketplace: string): Promise<ProductTypeSchema> {
  const definition = await client.productTypeDefinitions.getDefinitionsProductType({
    productType,
    marketplaceIds: [marketplaceId(marketplace)],
    requirements: "LISTING",
  })
  const key = definition.schema.checksum || definition.schema.link.resource
  const hit = cache.get(key)
  if (hit) return hit
  const schema = (await client.productTypeDefinitions.downloadSchema(definition.schema.link.resource)) as ProductTypeSchema
  cache.set(key, schema)
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return schema
}
