import type { PriceTax } from "../src/utils/listings/price"
import { priceForMarketplace, type PricingRule } from "../src/utils/listings/pricing-rules"
import type { BenchRow } from "./bench-row"

/**
 * Pricing 100k variants for one marketplace (issue 16: ≤ 2 s), the pure pipeline the listings planner runs
 * per variant: pick the base price (a price list and a B2B price beside it, never sent) → tax convention →
 * rule (+10 %, +0.50) → EUR→GBP at the store's rate → .99 → clamp [4.99, 500]. Also without a rule (today's
 * path). Warm-up first; the figure is printed, not asserted.
 */
const VARIANTS = 100_000

export async function benchPricingRules(): Promise<BenchRow[]> {
  const variants = Array.from({ length: VARIANTS }, (_, i) => [
    { amount: 5 + (i % 9973) / 10, currency_code: "eur" },
    { amount: 3, currency_code: "eur", price_list_id: "plist_sale" },
    { amount: 4, currency_code: "eur", other_rules: ["customer_group_id"] },
    { amount: 6 + (i % 997) / 10, currency_code: "gbp" },
  ])
  const tax: PriceTax = { region_inclusive: null, currency_inclusive: false, marketplace_inclusive: true, rate_percent: 20, country_code: "GB" }
  const rule: PricingRule = { id: "amzprule_bench", name: "UK", source_currency: "EUR", percent: 10, fixed_amount: 0.5, rounding: "ends_99", min_price: 4.99, max_price: 500 }
  const rates = [{ base: "EUR", quote: "GBP", rate: 0.8573, date: "2026-12-04", source: "ecb" }, { base: "EUR", quote: "USD", rate: 1.05, date: "2026-12-04", source: "ecb" }]
  const run = (withRule: boolean) => {
    let sum = 0
    const started = performance.now()
    for (const prices of variants) {
      const priced = priceForMarketplace({ prices, currency: "GBP", region_id: null, tax, rule: withRule ? rule : null, rates })
      sum += priced.amount ?? 0
    }
    return { ms: performance.now() - started, sum }
  }
  run(true) // warm-up (JIT, the currency-digits cache)
  const ruled = run(true)
  const plain = run(false)
  return [
    { bench: `pricing rules · ${VARIANTS / 1000}k variants · EUR→GBP +10 % .99 clamp`, metric: "seconds", value: (ruled.ms / 1000).toFixed(3), goal: "≤ 2", note: `trace kept per variant; checksum ${ruled.sum.toFixed(2)}` },
    { bench: `pricing rules · ${VARIANTS / 1000}k variants · no rule (GBP base price)`, metric: "seconds", value: (plain.ms / 1000).toFixed(3), goal: "≤ 2" },
  ]
}
