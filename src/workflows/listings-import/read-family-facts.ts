import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SpApiClient } from "../../lib/sp-api"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { type AmazonFamilyItem, type ExistingFamilyProduct, type FamilyFacts, readFamilyFacts } from "../../utils/listings-import/families"
import { searchListingsBySku } from "../listings/lib/search-listings-by-sku"

/**
 * Amazon's word on the families of a batch's unknown SKUs: searchListingsItems by SKU (20 a call, 5 rps —
 * the client's rate limiter paces it) with summaries, attributes and relationships; then, in the same way,
 * the parents their children name that the batch does not hold (for the parent's title, ASIN and theme).
 * Only SKUs that would become new products are asked about — known ones never cost a call, so a rerun asks
 * nothing. A SKU Amazon does not show is absent (a product of its own). Errors propagate.
 */
export async function lookUpFamilies(client: SpApiClient, marketplaceId: string, skus: string[]): Promise<Map<string, FamilyFacts>> {
  const facts = new Map<string, FamilyFacts>()
  const ask = async (wanted: string[]) => {
    const rows = wanted.map((sku) => ({ sku, marketplace_id: marketplaceId }))
    for await (const { items } of searchListingsBySku<(typeof rows)[number], AmazonFamilyItem>(client, rows, { includedData: ["summaries", "attributes", "relationships"] })) {
      for (const [sku, item] of items) facts.set(sku, readFamilyFacts(item, marketplaceId))
    }
  }
  await ask([...new Set(skus)])
  const parents = [...new Set([...facts.values()].map((f) => f.parent_sku).filter((sku): sku is string => !!sku && !facts.has(sku)))]
  if (parents.length) await ask(parents)
  return facts
}

type ProductRow = {
  id: string
  options?: Array<{ id: string; title: string; values?: Array<{ value: string } | null> | null } | null> | null
  variants?: Array<{ options?: Array<{ value: string; option_id?: string | null } | null> | null } | null> | null
}

/**
 * The product each parent SKU's family already has in this store, found by (1) the parent's listing row
 * (any marketplace: product-level, no variant), (2) a product whose metadata amazon_parent_sku names it, or
 * (3) a child Amazon lists under the parent that is already a variant — with the product's options and its
 * variants' option values. Reads only; a few queries whatever the batch size.
 */
export async function readFamilyProducts(
  container: MedusaContainer,
  storeId: string,
  parentSkus: string[],
  facts: Map<string, FamilyFacts>
): Promise<Map<string, ExistingFamilyProduct>> {
  if (!parentSkus.length) return new Map()
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // candidates per parent SKU, best first; a product deleted since is passed over for the next one
  const candidates = new Map<string, string[]>()
  const offer = (sku: string, productId: string) => candidates.set(sku, [...(candidates.get(sku) ?? []), productId])

  const rows = await amazon.listAmazonListings({ store_id: storeId, sku: parentSkus }, { select: ["sku", "product_id", "variant_id"] })
  for (const row of rows) if (row.product_id && !row.variant_id) offer(row.sku, row.product_id)

  const { data: tagged } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { metadata: { amazon_parent_sku: parentSkus } } })
  for (const product of tagged as Array<{ id: string; metadata?: Record<string, unknown> | null }>) {
    const sku = product.metadata?.amazon_parent_sku
    if (typeof sku === "string" && parentSkus.includes(sku)) offer(sku, product.id)
  }

  const childOf = new Map<string, string>()
  for (const sku of parentSkus) for (const child of facts.get(sku)?.child_skus ?? []) childOf.set(child, sku)
  if (childOf.size) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["sku", "product_id"], filters: { sku: [...childOf.keys()] } })
    for (const variant of data as Array<{ sku: string; product_id: string }>) offer(childOf.get(variant.sku)!, variant.product_id)
  }

  const families = new Map<string, ExistingFamilyProduct>()
  if (!candidates.size) return families
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "options.id", "options.title", "options.values.value", "variants.options.value", "variants.options.option_id"],
    filters: { id: [...new Set([...candidates.values()].flat())] },
  })
  const products = new Map((data as ProductRow[]).map((product) => [product.id, product]))
  for (const [sku, ids] of candidates) {
    const product = ids.map((id) => products.get(id)).find(Boolean)
    if (!product) continue
    const options = (product.options ?? []).filter((o): o is NonNullable<typeof o> => !!o)
    const titleOf = new Map(options.map((o) => [o.id, o.title]))
    families.set(sku, {
      product_id: product.id,
      options: options.map((o) => ({ id: o.id, title: o.title, values: (o.values ?? []).filter((v): v is { value: string } => !!v).map((v) => v.value) })),
      variant_options: (product.variants ?? []).filter(Boolean).map((variant) =>
        Object.fromEntries((variant!.options ?? []).filter((v): v is { value: string; option_id: string } => !!v?.option_id).map((v) => [titleOf.get(v.option_id) ?? v.option_id, v.value]))
      ),
    })
  }
  return families
}
