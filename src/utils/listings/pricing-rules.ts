/**
 * Pricing rules: the price a marketplace gets, from a Medusa base price, in fixed order
 * source → tax convention → rule (± %, ± fixed) → currency conversion → rounding → clamp → sent,
 * with a trace of every step for the dry run. Pure and fast (the bench prices 100k variants).
 *
 * - Without a rule the price is exactly what it was before rules existed (amazonPrice's arithmetic: the marketplace
 *   currency's base price, a region price for the marketplace's region first), so no hash moves.
 * - Price lists never reach Amazon (pickBasePrice leaves them out), with or without a rule.
 * - Amounts are kept in the marketplace currency's minor units from the conversion on (JPY 0 digits), so
 *   rounding and clamping never drift.
 */
import { currencyDigits } from "../orders/decimal"
import { pickBasePrice, type PriceFact, type PriceTax, taxAdjustedAmount } from "./price"

export const ROUNDING_MODES = ["none", "whole", "ends_99", "ends_95"] as const
export type RoundingMode = (typeof ROUNDING_MODES)[number]

export type PricingRule = {
  id: string
  name: string
  /** the Medusa base price's currency to start from; null = the marketplace currency (its region price first) */
  source_currency: string | null
  /** +10 = ten percent more, −5 = five percent less */
  percent: number
  /** added after the percent, in the source currency */
  fixed_amount: number
  rounding: RoundingMode
  /** bounds of the price sent, in the marketplace currency; null = none */
  min_price: number | null
  max_price: number | null
}

/** One exchange rate: 1 `base` = `rate` `quote`, as of `date` (YYYY-MM-DD), from `source` (manual, ecb …). */
export type ExchangeRate = { base: string; quote: string; rate: number; date: string; source: string }

export type PriceTraceStep = {
  step: "source" | "tax" | "rule" | "conversion" | "rounding" | "clamp" | "sent"
  amount: number
  currency: string
  note: string
  rate?: number
  rate_date?: string
  rate_source?: string
}

export type PricedOffer = {
  /** what Amazon is sent; null = no price (the issue says why) */
  amount: number | null
  currency: string
  trace: PriceTraceStep[]
  rule_id: string | null
  issue?: { code: "no_price" | "no_exchange_rate" | "price_not_positive"; message: string }
}

const digitsCache = new Map<string, number>()
/** currencyDigits goes through Intl (slow in a loop of 100k): one lookup per currency. */
export function digitsOf(currency: string): number {
  const key = currency.toUpperCase()
  let digits = digitsCache.get(key)
  if (digits === undefined) {
    digits = currencyDigits(key)
    digitsCache.set(key, digits)
  }
  return digits
}

function toMinor(amount: number, digits: number): number {
  const scaled = Number((Math.abs(amount) * 10 ** digits).toPrecision(15))
  return Math.sign(amount) * Math.round(scaled)
}

function fromMinor(minor: number, digits: number): number {
  return minor / 10 ** digits
}

/**
 * Rounding in minor units. "ends_99" / "ends_95": the nearest price ending in .99 / .95 of the currency's major unit
 * (20.90 → 20.99, 21.00 → 20.99, 21.60 → 21.99), never below the first such price (0.99). A currency without
 * minor units (JPY) has no .99: it rounds to whole units instead (the trace says so).
 */
export function roundMinor(minor: number, digits: number, mode: RoundingMode): { minor: number; applied: RoundingMode } {
  if (mode === "none") return { minor, applied: mode }
  const unit = 10 ** digits
  if (mode === "whole" || digits === 0) return { minor: Math.round(minor / unit) * unit, applied: "whole" }
  const off = mode === "ends_99" ? unit / 100 : unit / 20
  const rounded = Math.round((minor + off) / unit) * unit - off
  return { minor: rounded > 0 ? rounded : unit - off, applied: mode }
}

/** 1 `from` in `to`: direct, inverse, or across the ECB's base (EUR) — the older date of the two counts. */
export function findRate(rates: ExchangeRate[], from: string, to: string): ExchangeRate | null {
  const f = from.toUpperCase()
  const t = to.toUpperCase()
  if (f === t) return null
  const direct = rates.find((r) => r.base === f && r.quote === t)
  if (direct) return direct
  const inverse = rates.find((r) => r.base === t && r.quote === f)
  if (inverse && inverse.rate > 0) return { base: f, quote: t, rate: 1 / inverse.rate, date: inverse.date, source: inverse.source }
  for (const pivot of ["EUR", "USD"]) {
    const a = findDirectOrInverse(rates, f, pivot)
    const b = findDirectOrInverse(rates, pivot, t)
    if (a && b) {
      return { base: f, quote: t, rate: a.rate * b.rate, date: a.date < b.date ? a.date : b.date, source: a.source === b.source ? a.source : `${a.source}+${b.source}` }
    }
  }
  return null
}

function findDirectOrInverse(rates: ExchangeRate[], from: string, to: string): ExchangeRate | null {
  if (from === to) return { base: from, quote: to, rate: 1, date: "9999-12-31", source: "identity" }
  const direct = rates.find((r) => r.base === from && r.quote === to)
  if (direct) return direct
  const inverse = rates.find((r) => r.base === to && r.quote === from)
  return inverse && inverse.rate > 0 ? { base: from, quote: to, rate: 1 / inverse.rate, date: inverse.date, source: inverse.source } : null
}

const fmt = (amount: number, currency: string) => `${amount.toFixed(digitsOf(currency))} ${currency}`

export type PriceInput = {
  prices: PriceFact[]
  /** the marketplace's currency and region */
  currency: string
  region_id: string | null
  /** tax conventions of the marketplace currency's price (no rule) … */
  tax: PriceTax
  /** … and of the rule's source currency's price (a rule with another source currency); defaults to `tax` */
  source_tax?: PriceTax
  rule: PricingRule | null
  rates: ExchangeRate[]
}

/** The price one variant is sent in one marketplace, and how it came to be. */
export function priceForMarketplace(input: PriceInput): PricedOffer {
  const currency = input.currency.toUpperCase()
  const rule = input.rule
  const sourceCurrency = (rule?.source_currency ?? currency).toUpperCase()
  const converting = sourceCurrency !== currency
  // another currency's price is its base price without a region (the region is the marketplace's)
  const base = pickBasePrice(input.prices, sourceCurrency, converting ? null : input.region_id)
  if (!base) {
    return {
      amount: null,
      currency,
      trace: [],
      rule_id: rule?.id ?? null,
      issue: { code: "no_price", message: `no ${sourceCurrency} base price${rule?.source_currency ? ` (pricing rule "${rule.name}" starts from ${sourceCurrency})` : ""}` },
    }
  }
  const trace: PriceTraceStep[] = [
    { step: "source", amount: Number(base.amount), currency: sourceCurrency, note: base.region_id ? "region base price" : "base price" },
  ]
  if (!rule) {
    // amazonPrice's arithmetic (tax convention, half away from zero at the currency's digits), with the digits cached
    const digits = digitsOf(currency)
    const amount = fromMinor(toMinor(taxAdjustedAmount(base, input.tax), digits), digits)
    if (amount !== Number(base.amount)) trace.push({ step: "tax", amount, currency, note: taxNote(input.tax) })
    trace.push({ step: "sent", amount, currency, note: "sent" })
    return amount > 0
      ? { amount, currency, trace, rule_id: null }
      : { amount: null, currency, trace, rule_id: null, issue: { code: "price_not_positive", message: `the price is ${fmt(amount, currency)}` } }
  }

  const tax = converting ? (input.source_tax ?? input.tax) : input.tax
  let amount = taxAdjustedAmount(base, tax)
  if (amount !== Number(base.amount)) trace.push({ step: "tax", amount: roundTrace(amount, sourceCurrency), currency: sourceCurrency, note: taxNote(tax) })
  if (rule.percent || rule.fixed_amount) {
    amount = amount * (1 + rule.percent / 100) + rule.fixed_amount
    const parts = [rule.percent ? `${rule.percent > 0 ? "+" : "−"}${Math.abs(rule.percent)} %` : "", rule.fixed_amount ? `${rule.fixed_amount > 0 ? "+" : "−"}${fmt(Math.abs(rule.fixed_amount), sourceCurrency)}` : ""]
    trace.push({ step: "rule", amount: roundTrace(amount, sourceCurrency), currency: sourceCurrency, note: `${rule.name}: ${parts.filter(Boolean).join(" ")}` })
  }
  if (converting) {
    const rate = findRate(input.rates, sourceCurrency, currency)
    if (!rate) {
      return {
        amount: null,
        currency,
        trace,
        rule_id: rule.id,
        issue: { code: "no_exchange_rate", message: `no ${sourceCurrency}→${currency} exchange rate; add one to the store's rate table or refresh the rates` },
      }
    }
    amount = amount * rate.rate
    trace.push({
      step: "conversion",
      amount: roundTrace(amount, currency),
      currency,
      note: `× ${rate.rate} (${rate.source}, ${rate.date})`,
      rate: rate.rate,
      rate_date: rate.date,
      rate_source: rate.source,
    })
  }
  const digits = digitsOf(currency)
  let minor = toMinor(amount, digits)
  const rounded = roundMinor(minor, digits, rule.rounding)
  if (rounded.applied !== "none") {
    minor = rounded.minor
    const label = rounded.applied === "whole" ? (rule.rounding === "whole" ? "whole units" : `whole units (${currency} has no .${rule.rounding.slice(5)})`) : `ends in .${rounded.applied.slice(5)}`
    trace.push({ step: "rounding", amount: fromMinor(minor, digits), currency, note: label })
  }
  const min = rule.min_price === null ? null : toMinor(rule.min_price, digits)
  const max = rule.max_price === null ? null : toMinor(rule.max_price, digits)
  if (min !== null && minor < min) {
    minor = min
    trace.push({ step: "clamp", amount: fromMinor(minor, digits), currency, note: `raised to the minimum ${fmt(rule.min_price!, currency)}` })
  } else if (max !== null && minor > max) {
    minor = max
    trace.push({ step: "clamp", amount: fromMinor(minor, digits), currency, note: `lowered to the maximum ${fmt(rule.max_price!, currency)}` })
  }
  const sent = fromMinor(minor, digits)
  trace.push({ step: "sent", amount: sent, currency, note: "sent" })
  if (!(minor > 0)) return { amount: null, currency, trace, rule_id: rule.id, issue: { code: "price_not_positive", message: `the rule makes the price ${fmt(sent, currency)}` } }
  return { amount: sent, currency, trace, rule_id: rule.id }
}

function roundTrace(amount: number, currency: string): number {
  const digits = digitsOf(currency)
  return fromMinor(toMinor(amount, digits), digits)
}

function taxNote(tax: PriceTax): string {
  return tax.marketplace_inclusive ? `${tax.country_code} tax ${tax.rate_percent} % added (Amazon shows prices with tax)` : `${tax.country_code} tax ${tax.rate_percent} % taken out (Amazon shows prices without tax)`
}

/** "19.00 EUR (base price) → +10 % → 20.90 EUR → × 0.86 → 17.97 GBP → ends in .99 → 17.99 GBP" for the admin. */
export function traceText(trace: PriceTraceStep[]): string {
  return trace
    .map((s) => (s.step === "source" ? `${fmt(s.amount, s.currency)} (${s.note})` : s.step === "sent" ? `sent ${fmt(s.amount, s.currency)}` : `${s.note} → ${fmt(s.amount, s.currency)}`))
    .join(" → ")
}
