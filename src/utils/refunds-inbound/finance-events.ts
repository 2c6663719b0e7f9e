import { createHash } from "node:crypto"
import type { FinancialEvents, ShipmentEvent } from "../../lib/sp-api/apis/finances"
import { formatDecimal, parseDecimal } from "../orders/decimal"

/**
 * Amazon → Medusa refunds: Finances events (refunds Amazon made — Refund at First Scan, Seller-Central refunds,
 * A-to-z guarantee claims, chargebacks) turned into inbound ledger rows (`amazon_refund`, direction `in`).
 * Pure; the job reads the events through a FinanceEventSource and writes what this returns.
 */

/** Which Finances list the event came from. */
export type InboundRefundKind = "refund" | "guarantee_claim" | "chargeback"

/** One refunded order item, amounts as positive decimal strings (money back to the buyer). */
export interface InboundRefundLine {
  amazon_order_item_id: string | null
  order_adjustment_item_id: string | null
  seller_sku: string | null
  quantity: number
  principal: string
  tax: string
  shipping: string
  shipping_tax: string
  /** promotions given back (a refund of a discounted item returns less: principal − promotion) */
  promotion: string
  /** every other charge type (gift wrap, COD, goodwill, restocking fee as a negative) */
  other: string
  /** what the buyer got back for this item */
  amount: string
}

/** One inbound refund event, normalised from Amazon's ShipmentEvent shape. */
export interface InboundRefundEvent {
  kind: InboundRefundKind
  /** the ledger's source_ref: Amazon's event identity (hash of order, posted date, items and amounts) */
  source_ref: string
  amazon_order_id: string
  posted_at: string
  marketplace_name: string | null
  currency: string | null
  lines: InboundRefundLine[]
  /** total back to the buyer, decimal string */
  amount: string
}

/** Where inbound events come from: Finances v0 listFinancialEvents today, 2024-06-19 listTransactions later. */
export interface FinanceEventSource {
  /** Pages of refund-like events posted in [postedAfter, postedBefore). */
  listRefundEvents(range: { postedAfter: string; postedBefore?: string }): AsyncIterable<InboundRefundEvent[]>
}

const LISTS: Array<[keyof FinancialEvents, InboundRefundKind]> = [
  ["RefundEventList", "refund"],
  ["GuaranteeClaimEventList", "guarantee_claim"],
  ["ChargebackEventList", "chargeback"],
]

const COMPONENT: Record<string, keyof Pick<InboundRefundLine, "principal" | "tax" | "shipping" | "shipping_tax">> = {
  Principal: "principal",
  Tax: "tax",
  ShippingCharge: "shipping",
  ShippingTax: "shipping_tax",
}

/** Refund-like events of one Finances page. Events without an AmazonOrderId or PostedDate are dropped (reported by `skipped`). */
export function refundEventsOf(events: FinancialEvents): { events: InboundRefundEvent[]; skipped: number } {
  const out: InboundRefundEvent[] = []
  let skipped = 0
  for (const [list, kind] of LISTS) {
    for (const raw of (events[list] as ShipmentEvent[] | undefined) ?? []) {
      const event = normaliseEvent(kind, raw)
      if (event) out.push(event)
      else skipped++
    }
  }
  return { events: out, skipped }
}

export function normaliseEvent(kind: InboundRefundKind, raw: ShipmentEvent): InboundRefundEvent | null {
  const orderId = raw.AmazonOrderId?.trim()
  const posted = raw.PostedDate?.trim()
  if (!orderId || !posted || Number.isNaN(Date.parse(posted))) return null
  let currency: string | null = null
  const lines: InboundRefundLine[] = (raw.ShipmentItemAdjustmentList ?? raw.ShipmentItemList ?? []).map((item) => {
    const parts = { principal: 0n, tax: 0n, shipping: 0n, shipping_tax: 0n, promotion: 0n, other: 0n }
    for (const charge of [...(item.ItemChargeAdjustmentList ?? []), ...(item.ItemChargeList ?? [])]) {
      const value = parseDecimal(charge.ChargeAmount?.CurrencyAmount as unknown as string | number | undefined) ?? 0n
      currency ??= charge.ChargeAmount?.CurrencyCode || null
      const key = COMPONENT[charge.ChargeType ?? ""] ?? "other"
      parts[key] -= value // Amazon posts a refund as negative charges; the ledger keeps money back as positive
    }
    for (const promo of [...(item.PromotionAdjustmentList ?? []), ...(item.PromotionList ?? [])]) {
      const value = parseDecimal(promo.PromotionAmount?.CurrencyAmount as unknown as string | number | undefined) ?? 0n
      currency ??= promo.PromotionAmount?.CurrencyCode || null
      parts.promotion += value // a reversed promotion is posted positive: the buyer gets that much less back
    }
    const amount = parts.principal + parts.tax + parts.shipping + parts.shipping_tax + parts.other - parts.promotion
    return {
      amazon_order_item_id: item.OrderItemId || null,
      order_adjustment_item_id: item.OrderAdjustmentItemId || null,
      seller_sku: item.SellerSKU || null,
      quantity: item.QuantityShipped ?? 0,
      principal: formatDecimal(parts.principal),
      tax: formatDecimal(parts.tax),
      shipping: formatDecimal(parts.shipping),
      shipping_tax: formatDecimal(parts.shipping_tax),
      promotion: formatDecimal(parts.promotion),
      other: formatDecimal(parts.other),
      amount: formatDecimal(amount),
    }
  })
  // order-level charges (rare on refunds): one line without an item
  const orderLevel = (raw.OrderChargeAdjustmentList ?? []).reduce((n, c) => {
    currency ??= c.ChargeAmount?.CurrencyCode || null
    return n - (parseDecimal(c.ChargeAmount?.CurrencyAmount as unknown as string | number | undefined) ?? 0n)
  }, 0n)
  if (orderLevel !== 0n) {
    lines.push({
      amazon_order_item_id: null, order_adjustment_item_id: null, seller_sku: null, quantity: 0,
      principal: "0.00", tax: "0.00", shipping: "0.00", shipping_tax: "0.00", promotion: "0.00",
      other: formatDecimal(orderLevel), amount: formatDecimal(orderLevel),
    })
  }
  const total = lines.reduce((n, l) => n + (parseDecimal(l.amount) ?? 0n), 0n)
  const postedAt = new Date(posted).toISOString()
  return {
    kind,
    source_ref: eventRef(kind, orderId, postedAt, lines),
    amazon_order_id: orderId,
    posted_at: postedAt,
    marketplace_name: raw.MarketplaceName || null,
    currency,
    lines,
    amount: formatDecimal(total),
  }
}

/**
 * Amazon's event identity: the same event read by two runs (overlapping windows, a retried page) hashes the same,
 * so the ledger's unique (store, direction, source_ref) keeps one row. Lines are sorted, so order of items in a
 * page does not matter; amounts are in the hash so two partial refunds of one item posted in the same second differ.
 */
export function eventRef(kind: InboundRefundKind, orderId: string, postedAt: string, lines: InboundRefundLine[]): string {
  const items = lines
    .map((l) => [l.amazon_order_item_id ?? "", l.order_adjustment_item_id ?? "", l.quantity, l.amount].join(":"))
    .sort()
  const digest = createHash("sha256").update(JSON.stringify([kind, orderId, postedAt, items])).digest("hex")
  return `fin:${kind}:${orderId}:${digest.slice(0, 32)}`
}

/** The store's own outbound adjustment, as the ledger holds it (direction out, kind refund). */
export interface OutboundLedgerRow {
  id: string
  amazon_order_id: string
  status: string
  /** when the feed was created (the event can only follow it) */
  created_at: string | Date
  lines: Array<{ amazon_order_item_id?: string | null; principal?: string | null; tax?: string | null; shipping?: string | null; shipping_tax?: string | null }>
}

/**
 * The outbound adjustment (sent or accepted by Amazon, not yet matched) this inbound event is the echo of: same order,
 * every event item among the row's items with the same amount to the cent, posted after the row was created.
 * `taken` holds outbound ids already matched to another event, so one adjustment is never matched twice.
 */
export function matchOutbound(event: InboundRefundEvent, outbound: OutboundLedgerRow[], taken: Set<string>): OutboundLedgerRow | null {
  const posted = Date.parse(event.posted_at)
  for (const row of outbound) {
    if (taken.has(row.id) || row.amazon_order_id !== event.amazon_order_id) continue
    if (row.status !== "accepted" && row.status !== "sent") continue
    if (posted < new Date(row.created_at).getTime()) continue
    const byItem = new Map<string, bigint>()
    for (const l of row.lines ?? []) {
      const amount = [l.principal, l.tax, l.shipping, l.shipping_tax].reduce((n, v) => n + (parseDecimal(v) ?? 0n), 0n)
      byItem.set(l.amazon_order_item_id ?? "", (byItem.get(l.amazon_order_item_id ?? "") ?? 0n) + amount)
    }
    const eventByItem = new Map<string, bigint>()
    for (const l of event.lines) {
      eventByItem.set(l.amazon_order_item_id ?? "", (eventByItem.get(l.amazon_order_item_id ?? "") ?? 0n) + (parseDecimal(l.amount) ?? 0n))
    }
    if (eventByItem.size !== byItem.size) continue
    let same = true
    for (const [item, amount] of eventByItem) if (byItem.get(item) !== amount) same = false
    if (same) return row
  }
  return null
}
