import type { MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { type ListingRule, rulesForMarketplace } from "../../../utils/listings/listing-rules"
import type { ExchangeRate, PricingRule, RoundingMode } from "../../../utils/listings/pricing-rules"

export type StoreRules = {
  /** marketplace id → that marketplace's listing rules, in the order they are read */
  listing_rules: Map<string, ListingRule[]>
  /** marketplace id → its pricing rule */
  pricing_rules: Map<string, PricingRule>
  rates: ExchangeRate[]
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** The stores' listing rules, pricing rules and exchange rates: three reads for all stores. */
export async function loadStoreRules(container: MedusaContainer, storeIds: string[]): Promise<Map<string, StoreRules>> {
  const result = new Map<string, StoreRules>()
  if (!storeIds.length) return result
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const [listingRules, pricingRules, rates, marketplaces] = await Promise.all([
    amazon.listAmazonListingRules({ store_id: storeIds }, { take: null }),
    amazon.listAmazonPricingRules({ store_id: storeIds }, { take: null }),
    amazon.listAmazonExchangeRates({ store_id: storeIds }, { take: null }),
    amazon.listAmazonMarketplaces({ store_id: storeIds }, { select: ["store_id", "marketplace_id"], take: null }),
  ])
  for (const storeId of storeIds) {
    const rules: ListingRule[] = listingRules
      .filter((r) => r.store_id === storeId)
      .map((r) => ({ id: r.id, name: r.name, marketplace_id: r.marketplace_id, effect: r.effect, match: r.match, value: r.value, position: r.position }))
    const byMarketplace = new Map<string, ListingRule[]>()
    if (rules.length) {
      for (const m of marketplaces.filter((m) => (m as { store_id?: string }).store_id === storeId)) {
        const ordered = rulesForMarketplace(rules, m.marketplace_id)
        if (ordered.length) byMarketplace.set(m.marketplace_id, ordered)
      }
    }
    result.set(storeId, {
      listing_rules: byMarketplace,
      pricing_rules: new Map(
        pricingRules
          .filter((r) => r.store_id === storeId)
          .map((r) => [r.marketplace_id, toPricingRule(r)])
      ),
      rates: rates
        .filter((r) => r.store_id === storeId)
        .map((r) => ({ base: r.base_currency.toUpperCase(), quote: r.quote_currency.toUpperCase(), rate: Number(r.rate), date: r.rate_date, source: r.source })),
    })
  }
  return result
}

export function toPricingRule(r: {
  id: string
  name: string
  source_currency: string | null
  percent: unknown
  fixed_amount: unknown
  rounding: string
  min_price: unknown
  max_price: unknown
}): PricingRule {
  return {
    id: r.id,
    name: r.name,
    source_currency: r.source_currency ? r.source_currency.toUpperCase() : null,
    percent: num(r.percent) ?? 0,
    fixed_amount: num(r.fixed_amount) ?? 0,
    rounding: r.rounding as RoundingMode,
    min_price: num(r.min_price),
    max_price: num(r.max_price),
  }
}
