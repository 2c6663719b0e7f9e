import { getMarketplace, pricesIncludeTax } from "../../lib/sp-api/marketplaces"
import { ceilToMinor, currencyDigits, formatDecimal, multiplyDecimal, parseDecimal } from "./decimal"
import type { AmazonChargeType, AmazonLineMoney, AmazonOrderCharge, AmazonOrderLine } from "./types"

/** A Medusa order of a US or CA marketplace carries tax-exclusive prices, any other tax-inclusive ones. */
export function isTaxInclusiveMarketplace(marketplaceId: string): boolean {
  const country = getMarketplace(marketplaceId)?.country_code
  return !country || pricesIncludeTax(country)
}

const CHARGES: readonly AmazonChargeType[] = ["ITEM", "SHIPPING", "GIFT_WRAP", "COD_FEE", "OTHER"]

/** One charge of one line in micros (decimal.ts): what the buyer pays for it (tax in, discount off), the tax in that, the discount taken off. */
type Charge = { paid: bigint; tax: bigint; discount: bigint }

const micros = (value: string | null | undefined) => parseDecimal(value) ?? 0n
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n)

/** A line of a row stored before proceeds were read: its unit price × quantity and shipping, no tax. */
function fallbackMoney(line: AmazonOrderLine): AmazonLineMoney {
  return {
    charges: { ITEM: multiplyDecimal(line.unit_price ?? "0", line.quantity), SHIPPING: line.shipping_price },
    taxes: {},
    discounts: {},
    total: null,
    promotion_ids: [],
    tax_collection: null,
  }
}

/**
 * What the buyer pays for each charge of a line. Amazon's breakdowns carry the tax either on top of the
 * charges (proceedsTotal = charges − discounts + tax, as in every example of the 2026-01-01 model) or
 * inside them (proceedsTotal = charges − discounts, as VAT-inclusive prices are shown): the line's own
 * total tells which; a line without proceedsTotal or without tax follows its marketplace. What the
 * breakdowns leave unexplained against proceedsTotal is kept as an OTHER charge (or taken off ITEM), so
 * the line always comes to Amazon's figure.
 */
export function lineCharges(line: AmazonOrderLine, taxInclusive: boolean): Record<AmazonChargeType, Charge> {
  const money = line.money ?? fallbackMoney(line)
  const base = sum(CHARGES.map((k) => micros(money.charges[k])))
  const discount = sum(CHARGES.map((k) => micros(money.discounts[k])))
  const tax = sum(CHARGES.map((k) => micros(money.taxes[k])))
  const total = parseDecimal(money.total)
  const taxAdded = total === null || tax === 0n ? !taxInclusive : total === base - discount + tax ? true : total === base - discount ? false : !taxInclusive
  const charges = Object.fromEntries(
    CHARGES.map((k) => {
      const t = micros(money.taxes[k])
      const d = micros(money.discounts[k])
      return [k, { paid: micros(money.charges[k]) - d + (taxAdded ? t : 0n), tax: t, discount: d }]
    })
  ) as Record<AmazonChargeType, Charge>
  if (total !== null) {
    const residual = total - sum(CHARGES.map((k) => charges[k].paid))
    if (residual > 0n) charges.OTHER.paid += residual
    else charges.ITEM.paid += residual
  }
  return charges
}

export type MedusaTaxLine = { code: string; rate: string; description: string }
export type MedusaAdjustment = { code: string; amount: string; description: string; is_tax_inclusive?: boolean }

/** The money fields of one Medusa line item. */
export type MedusaLineMoney = { unit_price: string; is_tax_inclusive: boolean; tax_lines: MedusaTaxLine[]; adjustments: MedusaAdjustment[] }

/** A Medusa shipping method carrying one kind of Amazon charge (shipping, gift wrap, COD fee, other, tip). */
export type MedusaChargeMethod = {
  charge: string
  name: string
  amount: string
  is_tax_inclusive: boolean
  tax_lines: MedusaTaxLine[]
  adjustments: MedusaAdjustment[]
}

export type MedusaOrderMoney = {
  tax_inclusive: boolean
  /** by Amazon order item id */
  lines: Record<string, MedusaLineMoney>
  /** the SHIPPING method first (always there), then gift wrap, COD fee, other charges, order-level charges */
  methods: MedusaChargeMethod[]
  /** Amazon's order total (grandTotal): what the Medusa order comes to, and the payment captured */
  total: string
  /** the tax Amazon charged, in total (Medusa's tax_total) */
  tax_total: string
  /** tax Medusa cannot express as a rate (tax on an amount of 0): kept in the price, so the total still matches */
  untaxed_tax: string
}

const METHOD_NAMES: Record<string, string> = {
  GIFT_WRAP: "Gift wrap",
  COD_FEE: "Cash on delivery fee",
  OTHER: "Other Amazon charges",
  DELIVERY_TIP: "Delivery tip",
}

const TAX_CODE = "amazon_tax"
const PROMOTION_CODE = "AMAZON_PROMOTION"
const PRICE_CODE = "AMAZON_PRICE"

/**
 * The tax line under which Medusa computes exactly Amazon's tax for a charge the buyer pays `paid` for
 * (tax included). Medusa's tax is `net × rate` both for tax-inclusive prices (net = price ÷ (1 + rate))
 * and exclusive ones (net = price), with net = paid − tax: so rate = tax ÷ (paid − tax), with 24
 * decimals (Medusa keeps 20 significant digits: the error is below 10⁻²⁰ of the amount and is gone once
 * Medusa stores the total).
 */
function taxLine(tax: bigint, paid: bigint, inclusive: boolean, facilitator: boolean): MedusaTaxLine[] {
  if (tax === 0n || paid - tax === 0n) return []
  return [
    {
      code: TAX_CODE,
      rate: quotient(tax * 100n, paid - tax),
      description:
        (inclusive ? "Tax included in Amazon's price" : "Tax Amazon charged on top of the price") +
        (facilitator ? " (collected and remitted by Amazon as marketplace facilitator)" : ""),
    },
  ]
}

/** numerator ÷ denominator as a decimal string with 24 places (both plain integers). */
export function quotient(numerator: bigint, denominator: bigint): string {
  const PLACES = 24
  const scaled = (numerator * 10n ** BigInt(PLACES)) / denominator
  const negative = scaled < 0n
  const text = (negative ? -scaled : scaled).toString().padStart(PLACES + 1, "0")
  const whole = text.slice(0, -PLACES)
  const fraction = text.slice(-PLACES).replace(/0+$/, "")
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`
}

const dec = (value: bigint) => formatDecimal(value)

/**
 * The Medusa money of an Amazon order: each line's unit price, tax line and adjustments, and one shipping
 * method per kind of charge, such that Medusa's own computed totals are Amazon's to the cent:
 * - line items: Amazon's unit price (before quantity calculations); Amazon's DISCOUNT as an adjustment
 *   coded with its promotion ids; what quantity pricing (or a tax-inclusive price a net unit price
 *   cannot show) leaves between unit price × quantity and Amazon's line as an AMAZON_PRICE adjustment;
 * - prices and adjustments tax-inclusive per marketplace (US, CA: exclusive), tax as a rate that gives
 *   Amazon's tax amount;
 * - shipping (always), gift wrap, COD fee and other charges as shipping methods with their tax and
 *   discount, order-level charges (a delivery tip) and what Amazon's total has beyond the lines as more.
 */
export function orderMoney(input: {
  marketplace_id: string
  currency_code: string
  /** Amazon's grandTotal (null: the lines' sum) */
  total: string | null
  lines: AmazonOrderLine[]
  order_charges?: AmazonOrderCharge[]
}): MedusaOrderMoney {
  const inclusive = isTaxInclusiveMarketplace(input.marketplace_id)
  const digits = currencyDigits(input.currency_code)
  const perLine = input.lines.map((line) => ({ line, charges: lineCharges(line, inclusive) }))
  const orderCharges = (input.order_charges ?? []).map((c) => ({ type: c.type, amount: micros(c.amount) })).filter((c) => c.amount !== 0n)

  // a line canceled down to 0 units that Amazon still charges for cannot be a price: it is an order charge
  for (const { line, charges } of perLine) {
    if (line.quantity > 0 || charges.ITEM.paid === 0n) continue
    orderCharges.push({ type: "OTHER", amount: charges.ITEM.paid })
    charges.ITEM = { paid: 0n, tax: 0n, discount: 0n }
  }
  const linesTotal = sum(perLine.flatMap(({ charges }) => CHARGES.map((k) => charges[k].paid)))
  const amazonTotal = parseDecimal(input.total) ?? linesTotal + sum(orderCharges.map((c) => c.amount))
  const residual = amazonTotal - linesTotal - sum(orderCharges.map((c) => c.amount))
  if (residual > 0n) orderCharges.push({ type: "OTHER", amount: residual })
  else if (residual < 0n && perLine.length) {
    // Amazon's total is below what its lines say: a reduction it did not itemise, taken off the largest line
    const largest = perLine.reduce((a, b) => (b.charges.ITEM.paid > a.charges.ITEM.paid ? b : a))
    largest.charges.ITEM.paid += residual
  }

  let untaxed = 0n
  const lines: Record<string, MedusaLineMoney> = {}
  for (const { line, charges } of perLine) {
    const item = charges.ITEM
    const facilitator = line.money?.tax_collection === "MARKETPLACE_FACILITATOR"
    const tax_lines = taxLine(item.tax, item.paid, inclusive, facilitator)
    if (!tax_lines.length) untaxed += item.tax
    // what unit price × quantity − adjustments must come to: the price with tax when prices include it, without when not
    const target = inclusive || !tax_lines.length ? item.paid : item.paid - item.tax
    const quantity = BigInt(line.quantity)
    const promotion = item.discount
    let unit = micros(line.unit_price)
    if (quantity > 0n && unit * quantity < target + promotion) unit = ceilToMinor(target + promotion, quantity, digits)
    const rest = quantity > 0n ? unit * quantity - target - promotion : 0n
    const adjustments: MedusaAdjustment[] = []
    if (promotion !== 0n) {
      const ids = line.money?.promotion_ids ?? []
      adjustments.push({ code: ids.join(",") || PROMOTION_CODE, amount: dec(promotion), description: "Amazon promotion", is_tax_inclusive: inclusive })
    }
    if (rest !== 0n) {
      adjustments.push({ code: PRICE_CODE, amount: dec(rest), description: "Amazon's price for the quantity ordered", is_tax_inclusive: inclusive })
    }
    lines[line.order_item_id] = { unit_price: dec(unit), is_tax_inclusive: inclusive, tax_lines, adjustments }
  }

  const methods: MedusaChargeMethod[] = []
  for (const k of CHARGES.filter((c) => c !== "ITEM")) {
    const paid = sum(perLine.map(({ charges }) => charges[k].paid))
    const tax = sum(perLine.map(({ charges }) => charges[k].tax))
    const discount = sum(perLine.map(({ charges }) => charges[k].discount))
    if (k !== "SHIPPING" && paid === 0n && discount === 0n) continue
    const facilitator = perLine.some(({ line }) => line.money?.tax_collection === "MARKETPLACE_FACILITATOR")
    const tax_lines = taxLine(tax, paid, inclusive, facilitator)
    if (!tax_lines.length) untaxed += tax
    const taxed = tax_lines.length > 0
    const net = taxed ? paid - tax : paid
    // Medusa takes a shipping method's adjustment before tax: with tax-inclusive amounts the discount is
    // given net (discount × net ÷ paid), so that amount − discount comes to what the buyer paid
    const adjustment = !taxed || !inclusive ? dec(discount) : paid === 0n ? dec(discount) : quotient(discount * net, paid * 1_000_000n)
    methods.push({
      charge: k,
      name: METHOD_NAMES[k] ?? "Shipping",
      amount: dec((inclusive || !taxed ? paid : net) + discount),
      is_tax_inclusive: inclusive,
      tax_lines,
      adjustments: discount !== 0n ? [{ code: promotionCodeOf(perLine.map((p) => p.line), k), amount: adjustment, description: "Amazon promotion" }] : [],
    })
  }
  for (const charge of orderCharges) {
    methods.push({ charge: charge.type, name: METHOD_NAMES[charge.type] ?? METHOD_NAMES.OTHER, amount: dec(charge.amount), is_tax_inclusive: inclusive, tax_lines: [], adjustments: [] })
  }

  const taxTotal = sum(perLine.flatMap(({ charges }) => CHARGES.map((k) => charges[k].tax)))
  const inCurrency = (value: bigint) => (digits === 0 && value % 1_000_000n === 0n ? (value / 1_000_000n).toString() : dec(value))
  return { tax_inclusive: inclusive, lines, methods, total: inCurrency(amazonTotal), tax_total: inCurrency(taxTotal - untaxed), untaxed_tax: inCurrency(untaxed) }
}

function promotionCodeOf(lines: AmazonOrderLine[], charge: AmazonChargeType): string {
  const ids = [...new Set(lines.filter((l) => (parseDecimal(l.money?.discounts[charge]) ?? 0n) !== 0n).flatMap((l) => l.money?.promotion_ids ?? []))]
  return ids.join(",") || PROMOTION_CODE
}
