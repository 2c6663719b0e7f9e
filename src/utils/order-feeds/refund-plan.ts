import { pricesIncludeTax } from "../../lib/sp-api/marketplaces"
import type { AmazonOrderLine } from "../orders/types"
import { currencyDigits, formatDecimal, parseDecimal } from "../orders/decimal"
import { ADJUSTMENT_REASONS, type AdjustmentReason } from "./xml-feed"

/**
 * The outbound refund planner (pure): what a "Refund on Amazon" request may send, per order item, given the
 * order's Amazon proceeds and the refund ledger (both directions).
 *
 * - Each item's principal is capped at what is left of its proceeds (ITEM − its discounts) after every ledger line
 *   that is not rejected (ours and Amazon's own); quantities likewise.
 * - Shipping (and shipping tax) is refunded at most once per item, whole.
 * - Tax-inclusive marketplaces (everywhere but US/CA) send the gross Principal and no Tax component — Amazon rejects a
 *   separate Tax there ("The requested refund amount for the tax … is not eligible", selling-partner-api-docs#767).
 *   US/CA send Principal + the item's Tax share; Amazon treats tax as a one-time bucket, so an item whose tax was
 *   already refunded gets no second Tax (said in a note).
 * - Items Amazon refunded itself (ledger rows direction `in`, e.g. a return Amazon refunded) are refused with the
 *   reason: the seller must not pay the buyer twice. An `in` row that is the echo of our own adjustment (`echo_of`)
 *   is not Amazon's refund and is not counted at all (its outbound row is).
 */

export type LedgerLine = {
  amazon_order_item_id: string
  quantity?: number | null
  principal?: string | null
  tax?: string | null
  shipping?: string | null
  shipping_tax?: string | null
  reason?: string | null
}

export type LedgerEntry = {
  id?: string
  direction: "in" | "out"
  kind?: "refund" | "cancel"
  status: string
  lines: LedgerLine[]
  posted_at?: Date | string | null
  source_ref?: string
  /** inbound row that is Amazon's echo of our own outbound adjustment: the outbound row counts, this one not */
  echo_of?: string | null
}

export type RefundRequestItem = {
  amazon_order_item_id: string
  /** units to refund (their share of the item's proceeds); default: every unit not refunded yet */
  quantity?: number
  /** or a principal amount (decimal string, gross in tax-inclusive marketplaces) — a partial refund */
  amount?: string
  /** refund this item's shipping (and its tax) too */
  shipping?: boolean
}

export type RefundRequest = {
  items: RefundRequestItem[]
  reason?: AdjustmentReason
}

export type RefundPlanOrder = {
  amazon_order_id: string
  currency: string
  /** the marketplace's country (pricesIncludeTax) */
  country_code: string
  fulfillment_channel: "MFN" | "AFN"
  /** Amazon's status in lower or upper case: decides the default reason */
  amazon_status: string
  items: AmazonOrderLine[]
}

export type PlannedLine = {
  amazon_order_item_id: string
  sku: string | null
  quantity: number
  principal: string
  tax: string
  shipping: string
  shipping_tax: string
  reason: AdjustmentReason
}

export type RefundPlan = {
  currency: string
  tax_inclusive: boolean
  reason: AdjustmentReason
  lines: PlannedLine[]
  /** items (or the whole request) that cannot be refunded, and why */
  refused: Array<{ amazon_order_item_id: string | null; reason: string }>
  notes: string[]
  total: string
}

/** Ledger rows whose lines count as money gone back (or about to). */
const COUNTING = new Set(["planned", "queued", "sent", "accepted", "recorded"])

const micros = (value: string | null | undefined) => parseDecimal(value ?? "0") ?? 0n

function roundMinor(value: bigint, digits: number): bigint {
  const unit = 10n ** BigInt(6 - Math.min(6, digits))
  const half = unit / 2n
  return value >= 0n ? ((value + half) / unit) * unit : -((-value + half) / unit) * unit
}

const min = (a: bigint, b: bigint) => (a < b ? a : b)
const dec = (value: bigint) => formatDecimal(value)

export function defaultAdjustmentReason(amazonStatus: string): AdjustmentReason {
  return /shipped/i.test(amazonStatus) && !/unshipped/i.test(amazonStatus) ? "CustomerReturn" : "NoInventory"
}

export function isAdjustmentReason(value: unknown): value is AdjustmentReason {
  return typeof value === "string" && (ADJUSTMENT_REASONS as readonly string[]).includes(value)
}

export function planRefund(order: RefundPlanOrder, ledger: LedgerEntry[], request: RefundRequest): RefundPlan {
  const digits = currencyDigits(order.currency)
  const taxInclusive = pricesIncludeTax(order.country_code)
  const reason = request.reason ?? defaultAdjustmentReason(order.amazon_status)
  const plan: RefundPlan = { currency: order.currency, tax_inclusive: taxInclusive, reason, lines: [], refused: [], notes: [], total: "0.00" }
  if (order.fulfillment_channel !== "MFN") {
    plan.refused.push({ amazon_order_item_id: null, reason: "Fulfilled by Amazon (AFN): refunds of FBA orders are made by Amazon; refund it in Seller Central." })
    return plan
  }
  if (!isAdjustmentReason(reason)) {
    plan.refused.push({ amazon_order_item_id: null, reason: `"${String(reason)}" is not one of Amazon's adjustment reasons` })
    return plan
  }
  if (!request.items?.length) {
    plan.refused.push({ amazon_order_item_id: null, reason: "Choose at least one item to refund." })
    return plan
  }
  // an echo (Amazon's Finances record of our own adjustment) is the outbound row again: counted once, through that row
  const counted = ledger.filter((entry) => COUNTING.has(entry.status) && (entry.kind ?? "refund") === "refund" && !entry.echo_of)
  let total = 0n
  const seen = new Set<string>()
  for (const wanted of request.items) {
    const id = wanted.amazon_order_item_id
    if (seen.has(id)) {
      plan.refused.push({ amazon_order_item_id: id, reason: "The item is named twice in the request." })
      continue
    }
    seen.add(id)
    const line = order.items.find((l) => l.order_item_id === id)
    if (!line) {
      plan.refused.push({ amazon_order_item_id: id, reason: `Order ${order.amazon_order_id} has no item ${id}.` })
      continue
    }
    const amazonRefunds = counted.filter((e) => e.direction === "in" && e.lines.some((l) => l.amazon_order_item_id === id))
    if (amazonRefunds.length) {
      const when = amazonRefunds[0].posted_at ? ` on ${new Date(amazonRefunds[0].posted_at).toISOString().slice(0, 10)}` : ""
      plan.refused.push({
        amazon_order_item_id: id,
        reason: `Amazon already refunded this item itself${when} (a return Amazon refunded, an A-to-z claim or a refund made in Seller Central). It is recorded in Medusa; refunding it again would pay the buyer twice.`,
      })
      continue
    }
    const before = counted.flatMap((e) => e.lines.filter((l) => l.amazon_order_item_id === id))
    const money = line.money
    const itemGross = money ? micros(money.charges.ITEM) - micros(money.discounts.ITEM) : micros(line.unit_price) * BigInt(line.quantity)
    const itemTax = money && !taxInclusive ? micros(money.taxes.ITEM) : 0n
    const shipGross = money ? micros(money.charges.SHIPPING) - micros(money.discounts.SHIPPING) : micros(line.shipping_price)
    const shipTax = money && !taxInclusive ? micros(money.taxes.SHIPPING) : 0n
    const donePrincipal = before.reduce((s, l) => s + micros(l.principal), 0n)
    const doneTax = before.reduce((s, l) => s + micros(l.tax), 0n)
    const doneQuantity = before.reduce((s, l) => s + (l.quantity ?? 0), 0)
    const shippingDone = before.some((l) => micros(l.shipping) > 0n || micros(l.shipping_tax) > 0n)
    const leftPrincipal = itemGross - donePrincipal
    const leftQuantity = Math.max(0, line.quantity - doneQuantity)

    let principal = 0n
    let quantity = 0
    if (wanted.amount !== undefined && wanted.amount !== null && wanted.amount !== "") {
      const asked = parseDecimal(String(wanted.amount))
      if (asked === null || asked <= 0n) {
        plan.refused.push({ amazon_order_item_id: id, reason: `"${wanted.amount}" is not a positive amount.` })
        continue
      }
      if (asked > leftPrincipal) {
        plan.refused.push({
          amazon_order_item_id: id,
          reason: `At most ${dec(leftPrincipal > 0n ? leftPrincipal : 0n)} ${order.currency} of this item is left to refund (Amazon's proceeds ${dec(itemGross)}, already refunded ${dec(donePrincipal)}).`,
        })
        continue
      }
      principal = roundMinor(asked, digits)
    } else if (wanted.quantity !== 0 || !wanted.shipping) {
      quantity = wanted.quantity ?? leftQuantity
      if (!Number.isInteger(quantity) || quantity <= 0 || quantity > leftQuantity) {
        plan.refused.push({ amazon_order_item_id: id, reason: `${leftQuantity} of ${line.quantity} unit(s) are left to refund; ${wanted.quantity ?? 0} asked.` })
        continue
      }
      // the last units take what is left, so shares never add up to more (or less) than Amazon's proceeds
      principal = quantity === leftQuantity ? leftPrincipal : min(leftPrincipal, roundMinor((itemGross * BigInt(quantity)) / BigInt(line.quantity), digits))
    }
    let tax = 0n
    if (!taxInclusive && principal > 0n && itemTax > 0n) {
      if (doneTax > 0n) {
        plan.notes.push(`Item ${id}: its tax was already refunded once; Amazon refunds tax once per item, so only the price is sent.`)
      } else {
        tax = principal === itemGross ? itemTax : roundMinor((itemTax * principal) / (itemGross || 1n), digits)
      }
    }
    let shipping = 0n
    let shippingTax = 0n
    if (wanted.shipping) {
      if (shippingDone) {
        plan.refused.push({ amazon_order_item_id: id, reason: "This item's shipping was already refunded; Amazon refunds shipping once." })
        if (principal === 0n) continue
      } else if (shipGross <= 0n) {
        plan.notes.push(`Item ${id}: Amazon charged no shipping on it.`)
      } else {
        shipping = shipGross
        shippingTax = shipTax
      }
    }
    if (principal <= 0n && shipping <= 0n) {
      if (!plan.refused.some((r) => r.amazon_order_item_id === id)) plan.refused.push({ amazon_order_item_id: id, reason: "Nothing of this item is left to refund." })
      continue
    }
    const lineTotal = principal + tax + shipping + shippingTax
    total += lineTotal
    plan.lines.push({
      amazon_order_item_id: id,
      sku: line.sku ?? null,
      quantity,
      principal: dec(principal),
      tax: dec(tax),
      shipping: dec(shipping),
      shipping_tax: dec(shippingTax),
      reason,
    })
  }
  plan.total = dec(total)
  return plan
}

/** A plan is sendable when it has lines and refused nothing (a partly refused request is shown, not half-sent). */
export function isSendable(plan: RefundPlan): boolean {
  return plan.lines.length > 0 && plan.refused.length === 0
}
