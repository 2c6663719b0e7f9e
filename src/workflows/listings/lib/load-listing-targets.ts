import type { MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type ProductIdType, type StoreSettings } from "../../../modules/amazon/types"
import { getMarketplace } from "../../../lib/sp-api"
import type { ListingContext } from "../../../utils/listings/desired-listing"
import { loadPriceTax } from "./load-price-tax"
import { loadStoreRules, type StoreRules } from "./load-store-rules"

export type ListingTarget = {
  store_id: string
  sales_channel_id: string
  settings: StoreSettings
  contexts: ListingContext[]
  /** listing rules by marketplace (ordered, listing-rules.ts); a marketplace without rules is absent */
  listing_rules: StoreRules["listing_rules"]
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
  const rules = await loadStoreRules(container, stores.map((s) => s.id))
  // a pricing rule starting from another currency follows that currency's tax convention (price preference)
  for (const store of stores) {
    for (const m of store.marketplaces ?? []) {
      const rule = m ? rules.get(store.id)?.pricing_rules.get(m.marketplace_id) : undefined
      const facts = m ? getMarketplace(m.marketplace_id) : undefined
      if (m && facts && rule?.source_currency && rule.source_currency.toUpperCase() !== facts.currency_code.toUpperCase()) {
        taxTargets.push({ key: `${store.id}|${m.marketplace_id}|source`, marketplace_id: m.marketplace_id, country_code: facts.country_code, currency_code: rule.source_currency, region_id: null })
      }
    }
  }
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
          pricing_rule: rules.get(store.id)?.pricing_rules.get(m.marketplace_id) ?? null,
          source_tax: taxByMarketplace.get(`${store.id}|${m.marketplace_id}|source`),
          rates: rules.get(store.id)?.rates ?? [],
        }
      })
    const listingRules = rules.get(store.id)?.listing_rules ?? new Map()
    return contexts.length ? [{ store_id: store.id, sales_channel_id: store.sales_channel_id, settings, contexts, listing_rules: listingRules }] : []
  })
}
