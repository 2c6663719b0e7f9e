import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { decideListing, type ListingDecision } from "../../../utils/listings/listing-rules"
import { loadRuleProducts } from "./load-rule-products"
import { loadStoreRules } from "./load-store-rules"

export type ListingRulesExplanation = {
  /** marketplaces that have listing rules (the others list every product of the channel) */
  marketplace_ids: string[]
  products: Array<{ product_id: string; title: string; marketplaces: Array<{ marketplace_id: string } & ListingDecision> }>
  count: number
  limit: number
  offset: number
}

/**
 * For the dry run: per product of the store's sales channel, per marketplace with rules, whether it is listed
 * and which rule decided (decideListing, the same function the planner uses). Paged over the channel's products.
 */
export async function explainListingRules(
  container: MedusaContainer,
  store: { id: string; sales_channel_id: string | null },
  page: { limit: number; offset: number }
): Promise<ListingRulesExplanation> {
  const rules = (await loadStoreRules(container, [store.id])).get(store.id)
  const marketplaceIds = [...(rules?.listing_rules.keys() ?? [])]
  const empty = { marketplace_ids: marketplaceIds, products: [], count: 0, ...page }
  if (!marketplaceIds.length || !store.sales_channel_id) return empty
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({ entity: "product_sales_channel", fields: ["product_id"], filters: { sales_channel_id: store.sales_channel_id } })
  const all = [...new Set((links as Array<{ product_id: string }>).map((l) => l.product_id))].sort()
  const ids = all.slice(page.offset, page.offset + page.limit)
  const products = await loadRuleProducts(container, ids)
  return {
    marketplace_ids: marketplaceIds,
    products: ids.flatMap((id) => {
      const product = products.get(id)
      if (!product) return []
      return [
        {
          product_id: id,
          title: product.title,
          marketplaces: marketplaceIds.map((marketplace_id) => ({ marketplace_id, ...decideListing(rules!.listing_rules.get(marketplace_id)!, product) })),
        },
      ]
    }),
    count: all.length,
    ...page,
  }
}
