import type { MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type ProductIdType, type StoreSettings } from "../../../modules/amazon/types"
import { getMarketplace } from "../../../lib/sp-api"
import type { ListingContext } from "../../../utils/listings/desired-listing"
import { loadPriceTax } from "./load-price-tax"

export type ListingTarget = {
  store_id: string
  sales_channel_id: string
  settings: StoreSettings
  contexts: ListingContext[]
}

/**
 * Where listings go: stores with a sales channel that are connected — or paused by a lost authorization,
 * whose outbox keeps following the catalog so that re-authorizing sends today's stock, not the stock of
 * the day it stopped (sending skips stores that are not connected) — and per store the marketplaces
 * where "sell here" and "export listings" are both on.
 */
export async function loadListingTargets(container: MedusaContainer, storeIds?: string[]): Promise<ListingTarget[]> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const stores = await amazon.listAmazonStores(
    { status: ["connected", "expired", "revoked"], ...(storeIds ? { id: storeIds } : {}) },
    { relations: ["marketplaces", "category_mappings"] }
  )
  const taxTargets = stores.flatMap((store) =>
    (store.marketplaces ?? []).flatMap((m) => {
      const facts = m ? getMarketplace(m.marketplace_id) : undefined
      return m && facts ? [{ key: `${store.id}|${m.marketplace_id}`, marketplace_id: m.marketplace_id, country_code: facts.country_code, currency_code: facts.currency_code, region_id: m.region_id }] : []
    })
  )
  const taxByMarketplace = await loadPriceTax(container, taxTargets)
  return stores.flatMap((store) => {
    if (!store.sales_channel_id) return []
    const settings = { ...DEFAULT_STORE_SETTINGS, ...((store.settings as Partial<StoreSettings>) ?? {}) }
    const contexts = (store.marketplaces ?? [])
      .filter((m) => m && m.enabled && m.listings_export && m.is_participating)
      .map((m): ListingContext => {
        const facts = getMarketplace(m.marketplace_id)
        const categoryTypes = new Map<string, string>()
        for (const mapping of store.category_mappings ?? []) {
          if (!mapping) continue
          if (mapping.marketplace_id === null && !categoryTypes.has(mapping.category_id)) categoryTypes.set(mapping.category_id, mapping.product_type)
          if (mapping.marketplace_id === m.marketplace_id) categoryTypes.set(mapping.category_id, mapping.product_type)
        }
        return {
          marketplace_id: m.marketplace_id,
          currency_code: facts?.currency_code ?? "EUR",
          region_id: m.region_id,
          tax: taxByMarketplace.get(`${store.id}|${m.marketplace_id}`) ?? {
            region_inclusive: null,
            currency_inclusive: null,
            marketplace_inclusive: true,
            rate_percent: null,
            country_code: facts?.country_code ?? "??",
          },
          product_id_type: store.product_id_type as ProductIdType,
          product_id_attribute: store.product_id_attribute,
          settings,
          category_product_types: categoryTypes,
        }
      })
    return contexts.length ? [{ store_id: store.id, sales_channel_id: store.sales_channel_id, settings, contexts }] : []
  })
}
