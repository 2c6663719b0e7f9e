/**
 * Which Medusa price an Amazon offer gets, and in which form. Pure: the loaders feed facts, the table
 * tests feed cases.
 *
 * - Only the variant's base price reaches Amazon: a price with a price list (sale or override, draft or
 *   active, customer group, B2B), a rule other than the region (customer group, …) or a quantity tier is
 *   another audience's price. Sale price lists are not sent either (Amazon's sale price is its own
 *   `discounted_price` schedule; sending a Medusa sale as the regular price would make it permanent).
 * - Amazon expects tax-inclusive prices everywhere but the US and Canada (Seller Central pricing help:
 *   "prices on amazon.com/.ca exclude sales tax"; EU/UK VAT, JP consumption tax, AU GST … are included).
 *   Medusa says per region or currency whether its prices include tax (`price_preference`); when the two
 *   disagree the marketplace country's default tax rate converts. Without a rate for that country Medusa's
 *   own checkout charges that country's buyers the price as it is (no tax line), and so does Amazon.
 * - Amounts are rounded to the currency's minor unit (ISO 4217 via Intl: JPY 0 decimals, EUR 2).
 */
import { currencyDigits } from "../orders/decimal"

export type PriceFact = {
  amount: number
  currency_code: string
  region_id?: string | null
  /** set when the price belongs to a price list: never Amazon's */
  price_list_id?: string | null
  /** rule attributes other than region_id (customer_group_id, …): never Amazon's */
  other_rules?: string[]
  /** quantity tiers (B2B): only a price for one unit is Amazon's */
  min_quantity?: number | null
}

export type PriceTax = {
  /** Medusa's price preference for the marketplace's region, when one is set */
  region_inclusive: boolean | null
  /** Medusa's price preference for the marketplace's currency, when one is set */
  currency_inclusive: boolean | null
  /** whether Amazon expects this marketplace's prices with tax */
  marketplace_inclusive: boolean
  /** the marketplace country's default tax rate in percent (Medusa tax module), null when none is set up */
  rate_percent: number | null
  /** the country, for messages */
  country_code: string
}


/** The base price a marketplace gets: the region's base price wins over the currency's. */
export function pickBasePrice(prices: PriceFact[], currencyCode: string, regionId: string | null): PriceFact | null {
  const base = prices.filter(
    (p) =>
      p.currency_code.toLowerCase() === currencyCode.toLowerCase() &&
      !p.price_list_id &&
      !(p.other_rules ?? []).length &&
      !(p.min_quantity !== null && p.min_quantity !== undefined && p.min_quantity > 1)
  )
  const regional = regionId ? base.find((p) => p.region_id === regionId) : undefined
  return regional ?? base.find((p) => !p.region_id) ?? null
}

/** Half away from zero at the currency's precision, without binary drift (1.005 → 1.01). */
export function roundToCurrency(amount: number, currencyCode: string): number {
  const decimals = currencyDigits(currencyCode)
  const factor = 10 ** decimals
  const scaled = Number((Math.abs(amount) * factor).toPrecision(15))
  return (Math.sign(amount) * Math.round(scaled)) / factor
}

/**
 * The amount Amazon should show: Medusa's price converted to the marketplace's tax convention, rounded
 * to the currency. A price with a region rule follows the region's preference, else the currency's
 * (Medusa's own order); no preference = tax-exclusive (Medusa's default).
 */
export function amazonPrice(price: PriceFact, tax: PriceTax): number {
  return roundToCurrency(taxAdjustedAmount(price, tax), price.currency_code)
}

/** Medusa's price in the marketplace's tax convention, not yet rounded (pricing rules round once, at the end). */
export function taxAdjustedAmount(price: PriceFact, tax: PriceTax): number {
  const medusaInclusive = (price.region_id ? tax.region_inclusive : null) ?? tax.currency_inclusive ?? tax.region_inclusive ?? false
  let amount = Number(price.amount)
  if (medusaInclusive !== tax.marketplace_inclusive && tax.rate_percent !== null) {
    const factor = 1 + tax.rate_percent / 100
    amount = tax.marketplace_inclusive ? amount * factor : amount / factor
  }
  return amount
}
