import { marketplace } from "./marketplaces"
import type { OrderItemRecord, OrderRecord } from "./types"

/**
 * An order's money as Amazon's Orders API 2026-01-01 reports it (`proceeds`): per item ITEM, SHIPPING,
 * GIFT_WRAP and COD_FEE charges, DISCOUNT (a promotion) and TAX split by what they are on, and the order's
 * grandTotal with the same categories aggregated plus order-level ones (DELIVERY_TIP).
 *
 * Tax follows the marketplace, as Amazon shows prices: in the US and Canada a unit price is before tax and
 * the tax comes on top (proceedsTotal = charges − discounts + tax); everywhere else the unit price has the
 * VAT (consumption tax in JP) inside, TAX says how much of it is VAT, and proceedsTotal = charges −
 * discounts. A business order (Amazon Business, BUSINESS_PRICE) in a VAT marketplace is priced before VAT
 * with the VAT on top, as Amazon's UK example order shows. Each tax amount is rounded to the currency's
 * minor unit per charge; ITEM is unitPrice × quantity unless a quantity price (B2B tier) says otherwise.
 */

const TAX_EXCLUSIVE_COUNTRIES = new Set(["US", "CA"])
const ZERO_DECIMALS = new Set(["JPY"])

type Money = { amount: string; currencyCode: string }
type Breakdown = { type: string; subtotal: Money; detailedBreakdowns?: { subtype: string; value: Money }[] }

export interface ItemProceeds {
  proceedsTotal: Money
  breakdowns: Breakdown[]
}

export interface OrderProceeds {
  grandTotal: Money
  breakdowns: (Breakdown & { status?: string })[]
}

const CHARGES = ["ITEM", "SHIPPING", "GIFT_WRAP", "COD_FEE"] as const
type ChargeType = (typeof CHARGES)[number]

/** Amounts of one item in minor units (cents, yen): charges, discounts and tax by the charge they are on. */
export interface ItemMoney {
  charges: Record<ChargeType, number>
  discounts: Record<ChargeType, number>
  taxes: Record<ChargeType, number>
  taxAdded: boolean
  total: number
}

export function digitsOf(currency: string): number {
  return ZERO_DECIMALS.has(currency.toUpperCase()) ? 0 : 2
}

export function pricesIncludeTax(order: Pick<OrderRecord, "marketplaceId" | "business">): boolean {
  const country = marketplace(order.marketplaceId)?.countryCode ?? "DE"
  return !TAX_EXCLUSIVE_COUNTRIES.has(country) && !order.business
}

/** The standard rate the sandbox charges when an item names none (percent). */
export function defaultTaxRate(marketplaceId: string): number {
  const country = marketplace(marketplaceId)?.countryCode ?? "DE"
  const rates: Record<string, number> = { US: 0, CA: 13, DE: 19, FR: 20, IT: 22, ES: 21, NL: 21, BE: 21, PL: 23, SE: 25, GB: 20, JP: 10, TR: 20, BR: 0, MX: 16, AU: 10 }
  return rates[country] ?? 20
}

export function itemMoney(order: OrderRecord, item: OrderItemRecord): ItemMoney {
  const scale = 10 ** digitsOf(item.currency)
  const minor = (amount: number | undefined) => Math.round((amount ?? 0) * scale)
  const inclusive = pricesIncludeTax(order)
  const rate = item.taxRate ?? defaultTaxRate(order.marketplaceId)
  const charges: Record<ChargeType, number> = {
    ITEM: item.itemPrice !== undefined ? minor(item.itemPrice) : minor(item.unitPrice) * item.quantityOrdered,
    SHIPPING: minor(item.shippingPrice),
    GIFT_WRAP: minor(item.giftWrapPrice),
    COD_FEE: minor(item.codFee),
  }
  const discounts: Record<ChargeType, number> = {
    ITEM: minor(item.promotion?.itemDiscount),
    SHIPPING: minor(item.promotion?.shippingDiscount),
    GIFT_WRAP: 0,
    COD_FEE: 0,
  }
  const taxes = {} as Record<ChargeType, number>
  for (const k of CHARGES) {
    const taxable = charges[k] - discounts[k]
    // tax on what the buyer pays for the charge: on top of a net price, or the part of a gross one that is VAT
    taxes[k] = inclusive ? Math.round((taxable * rate) / (100 + rate)) : Math.round((taxable * rate) / 100)
  }
  const sum = (r: Record<ChargeType, number>) => CHARGES.reduce((n, k) => n + r[k], 0)
  const total = sum(charges) - sum(discounts) + (inclusive ? 0 : sum(taxes))
  return { charges, discounts, taxes, taxAdded: !inclusive, total }
}

function money(minorUnits: number, currency: string): Money {
  const digits = digitsOf(currency)
  return { amount: (minorUnits / 10 ** digits).toFixed(digits), currencyCode: currency }
}

/** The ItemProceeds of one item: only the categories it has (ITEM always), TAX and DISCOUNT with their subtypes. */
export function renderItemProceeds(order: OrderRecord, item: OrderItemRecord): ItemProceeds {
  const m = itemMoney(order, item)
  const c = item.currency
  const breakdowns: Breakdown[] = []
  for (const k of CHARGES) if (k === "ITEM" || m.charges[k] !== 0) breakdowns.push({ type: k, subtotal: money(m.charges[k], c) })
  const discounted = CHARGES.filter((k) => m.discounts[k] !== 0)
  if (discounted.length) {
    breakdowns.push({
      type: "DISCOUNT",
      subtotal: money(-discounted.reduce((n, k) => n + m.discounts[k], 0), c),
      detailedBreakdowns: discounted.map((k) => ({ subtype: k, value: money(-m.discounts[k], c) })),
    })
  }
  const taxed = CHARGES.filter((k) => m.taxes[k] !== 0)
  if (taxed.length) {
    breakdowns.push({
      type: "TAX",
      subtotal: money(taxed.reduce((n, k) => n + m.taxes[k], 0), c),
      detailedBreakdowns: taxed.map((k) => ({ subtype: k, value: money(m.taxes[k], c) })),
    })
  }
  return { proceedsTotal: money(m.total, c), breakdowns }
}

/** The order's proceeds: its items' categories summed, a delivery tip on its own, and the grand total of all. */
export function renderOrderProceeds(order: OrderRecord, currency: string): OrderProceeds {
  const totals = new Map<string, number>()
  let grand = 0
  for (const item of order.items) {
    const m = itemMoney(order, item)
    grand += m.total
    for (const k of CHARGES) totals.set(k, (totals.get(k) ?? 0) + m.charges[k])
    totals.set("DISCOUNT", (totals.get("DISCOUNT") ?? 0) - CHARGES.reduce((n, k) => n + m.discounts[k], 0))
    totals.set("TAX", (totals.get("TAX") ?? 0) + CHARGES.reduce((n, k) => n + m.taxes[k], 0))
  }
  const breakdowns: OrderProceeds["breakdowns"] = [...totals].filter(([k, v]) => k === "ITEM" || v !== 0).map(([type, v]) => ({ type, subtotal: money(v, currency) }))
  if (order.tip) {
    const tip = Math.round(order.tip * 10 ** digitsOf(currency))
    breakdowns.push({ type: "DELIVERY_TIP", status: "FINALIZED", subtotal: money(tip, currency) })
    grand += tip
  }
  return { grandTotal: money(grand, currency), breakdowns }
}
