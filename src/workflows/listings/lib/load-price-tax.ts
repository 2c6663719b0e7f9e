import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { pricesIncludeTax } from "../../../lib/sp-api/marketplaces"
import type { PriceTax } from "../../../utils/listings/price"

/** `key` names the answer (a marketplace of one store: two stores may give it different regions). */
export type PriceTaxTarget = { key: string; marketplace_id: string; country_code: string; currency_code: string; region_id: string | null }

/**
 * Per marketplace: whether Medusa's prices for its region / currency include tax (pricing module's
 * price preferences), whether Amazon expects them to, and the country's default tax rate (tax module's
 * top-level tax region for the marketplace country) to convert between the two. Two reads for all.
 */
export async function loadPriceTax(container: MedusaContainer, targets: PriceTaxTarget[]): Promise<Map<string, PriceTax>> {
  const result = new Map<string, PriceTax>()
  if (!targets.length) return result
  const pricing = container.resolve(Modules.PRICING)
  const tax = container.resolve(Modules.TAX)
  const preferences = await pricing.listPricePreferences({}, { take: null })
  const inclusive = (attribute: string, value: string | null) =>
    value === null ? null : (preferences.find((p) => p.attribute === attribute && p.value?.toLowerCase() === value.toLowerCase())?.is_tax_inclusive ?? null)
  const countries = [...new Set(targets.map((t) => t.country_code.toLowerCase()))]
  const regions = (await tax.listTaxRegions({ country_code: countries }, { take: null })).filter((r) => !r.parent_id && !r.province_code)
  const rates = regions.length ? (await tax.listTaxRates({ tax_region_id: regions.map((r) => r.id) }, { take: null })).filter((r) => r.is_default) : []
  for (const target of targets) {
    const region = regions.find((r) => r.country_code?.toLowerCase() === target.country_code.toLowerCase())
    const rate = region ? rates.find((r) => r.tax_region_id === region.id)?.rate : undefined
    result.set(target.key, {
      region_inclusive: inclusive("region_id", target.region_id),
      currency_inclusive: inclusive("currency_code", target.currency_code),
      marketplace_inclusive: pricesIncludeTax(target.country_code),
      rate_percent: rate === null || rate === undefined ? null : Number(rate),
      country_code: target.country_code.toUpperCase(),
    })
  }
  return result
}
