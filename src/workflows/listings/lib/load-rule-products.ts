import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { RuleProduct } from "../../../utils/listings/listing-rules"

type RawProduct = {
  id: string
  title?: string
  collection_id?: string | null
  type_id?: string | null
  categories?: Array<{ id: string } | null> | null
  tags?: Array<{ id: string } | null> | null
  sales_channels?: Array<{ id: string } | null> | null
}

const ids = (list: Array<{ id: string } | null> | null | undefined) => (list ?? []).flatMap((x) => (x ? [x.id] : []))

/** What listing rules match on, per product (collection, type, categories, tags, sales channels): one query. */
export async function loadRuleProducts(container: MedusaContainer, productIds: string[]): Promise<Map<string, RuleProduct & { title: string }>> {
  const result = new Map<string, RuleProduct & { title: string }>()
  if (!productIds.length) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "collection_id", "type_id", "categories.id", "tags.id", "sales_channels.id"],
    filters: { id: [...new Set(productIds)] },
  })
  for (const p of data as unknown as RawProduct[]) {
    result.set(p.id, {
      title: p.title ?? p.id,
      collection_id: p.collection_id ?? null,
      type_id: p.type_id ?? null,
      category_ids: ids(p.categories),
      tag_ids: ids(p.tags),
      sales_channel_ids: ids(p.sales_channels),
    })
  }
  return result
}
