/** Fields the rules routes answer with. */
export const LISTING_RULE_FIELDS = ["id", "name", "marketplace_id", "effect", "match", "value", "position", "created_at", "updated_at"]
export const PRICING_RULE_FIELDS = ["id", "name", "marketplace_id", "source_currency", "percent", "fixed_amount", "rounding", "min_price", "max_price", "created_at", "updated_at"]
export const EXCHANGE_RATE_FIELDS = ["id", "base_currency", "quote_currency", "rate", "rate_date", "source", "updated_at"]

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** bigNumber columns as plain numbers. */
export const pricingRuleResponse = (rule: Record<string, unknown>) => ({
  ...rule,
  percent: num(rule.percent) ?? 0,
  fixed_amount: num(rule.fixed_amount) ?? 0,
  min_price: num(rule.min_price),
  max_price: num(rule.max_price),
})
export const rateResponse = (r: Record<string, unknown>) => ({ ...r, rate: Number(r.rate) })
