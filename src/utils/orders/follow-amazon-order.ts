/**
 * Following an Amazon order after its import: what Amazon says besides the mapped record (the sales
 * channel, a buyer's cancellation request), and what a change of an imported order means for its Medusa
 * order (quantities Amazon canceled, units the merchant shipped in Seller Central). Pure.
 */
import type { AmazonOrderLine } from "./types"

/** Amazon's `salesChannel.channelName` for orders placed outside Amazon (Multi-Channel Fulfillment). */
export const NON_AMAZON_CHANNEL = "NON_AMAZON"

/** The buyer asked Amazon to cancel: the merchant must not ship (Orders 2026-01-01 `ItemCancellationRequest`). */
export type BuyerCancelRequest = {
  reason: string | null
  /** the lines the request names */
  order_item_ids: string[]
}

/** What the ledger row keeps of an Amazon order besides the mapped record. */
export type AmazonOrderFollowUp = {
  channel_name: string
  buyer_cancel_request: BuyerCancelRequest | null
}

type RawItem = {
  orderItemId?: unknown
  cancellation?: {
    cancellationRequest?: { requester?: unknown; cancelReason?: unknown } | null
    cancellationExecution?: { cancelledBy?: unknown } | null
  } | null
}

/**
 * From one Amazon `Order` (already checked readable): its channel, and a buyer's cancellation request
 * still open — one that names a line Amazon has not canceled yet (`cancellationExecution` absent). A
 * canceled order has no open request.
 */
export function followUpOf(order: unknown): AmazonOrderFollowUp {
  const o = (order ?? {}) as {
    salesChannel?: { channelName?: unknown } | null
    fulfillment?: { fulfillmentStatus?: unknown } | null
    orderItems?: unknown
  }
  const channel = typeof o.salesChannel?.channelName === "string" && o.salesChannel.channelName ? o.salesChannel.channelName : "AMAZON"
  const items = (Array.isArray(o.orderItems) ? o.orderItems : []) as RawItem[]
  const open = items.filter((item) => {
    const request = item?.cancellation?.cancellationRequest
    return !!request && request.requester === "BUYER" && !item.cancellation?.cancellationExecution
  })
  const canceled = o.fulfillment?.fulfillmentStatus === "CANCELLED"
  if (!open.length || canceled) return { channel_name: channel, buyer_cancel_request: null }
  const reasons = [...new Set(open.map((i) => i.cancellation?.cancellationRequest?.cancelReason).filter((r): r is string => typeof r === "string" && !!r))]
  return {
    channel_name: channel,
    buyer_cancel_request: {
      reason: reasons.length ? reasons.join("; ") : null,
      order_item_ids: open.map((i) => String(i.orderItemId ?? "")).filter(Boolean),
    },
  }
}

/** One line of the imported Medusa order, as far as following Amazon needs it. */
export type MedusaOrderLine = {
  line_item_id: string
  amazon_order_item_id: string
  quantity: number
  /** units fulfilled in Medusa (at import or since) */
  fulfilled_quantity: number
}

/** How one line's reservation changes: it held `from_units` units, it holds `to_units`; `consumed_units` of the difference were shipped (they also leave the stock). */
export type ReservationChange = { line_item_id: string; from_units: number; to_units: number; consumed_units: number }

export type FollowPlan = {
  /** lines whose quantity Amazon lowered (a partial cancellation) or changed: the new quantity, and the reservation it leaves */
  quantity_changes: Array<{ line_item_id: string; order_item_id: string; from: number; to: number; reserve_quantity: number }>
  /** units the merchant shipped in Seller Central since the import: fulfilled in Medusa, without a confirmShipment */
  shipped: Array<{ line_item_id: string; order_item_id: string; quantity: number }>
  /** Amazon's changes that cannot be carried out in Medusa (a line shrunk below what Medusa already fulfilled) */
  conflicts: Array<{ order_item_id: string; message: string }>
  /** the lines' reservations afterwards: what is still to ship from Medusa's stock */
  reservations: ReservationChange[]
}

/**
 * What an imported order's Medusa lines must become for Amazon's current order: each Amazon line's
 * quantity (a canceled line has quantityOrdered 0), and its units shipped in Seller Central fulfilled in
 * Medusa. Quantities first, shipments against the new quantities; never below what Medusa already
 * fulfilled (that is a conflict the merchant resolves). AFN orders are fulfilled by Amazon at import and
 * have nothing to follow.
 */
export function planFollowUp(input: { amazon_lines: AmazonOrderLine[]; medusa_lines: MedusaOrderLine[]; channel: "MFN" | "AFN" }): FollowPlan {
  const plan: FollowPlan = { quantity_changes: [], shipped: [], conflicts: [], reservations: [] }
  if (input.channel !== "MFN") return plan
  for (const line of input.medusa_lines) {
    const amazon = input.amazon_lines.find((l) => l.order_item_id === line.amazon_order_item_id)
    if (!amazon) continue
    const target = Math.max(0, amazon.quantity)
    const shippedAtAmazon = Math.min(target, Math.max(0, amazon.quantity_shipped))
    if (target < line.fulfilled_quantity) {
      plan.conflicts.push({
        order_item_id: amazon.order_item_id,
        message: `Amazon now has ${target} of ${amazon.sku || amazon.order_item_id} on this order, but ${line.fulfilled_quantity} are already fulfilled in Medusa. Cancel the fulfillment (or handle it as a return), then retry.`,
      })
      continue
    }
    const fulfilled = Math.max(line.fulfilled_quantity, shippedAtAmazon)
    if (target !== line.quantity) {
      plan.quantity_changes.push({
        line_item_id: line.line_item_id,
        order_item_id: amazon.order_item_id,
        from: line.quantity,
        to: target,
        reserve_quantity: target - fulfilled,
      })
    }
    if (fulfilled > line.fulfilled_quantity) {
      plan.shipped.push({ line_item_id: line.line_item_id, order_item_id: amazon.order_item_id, quantity: fulfilled - line.fulfilled_quantity })
    }
    const fromUnits = line.quantity - line.fulfilled_quantity
    const toUnits = target - fulfilled
    if (fromUnits !== toUnits) {
      plan.reservations.push({ line_item_id: line.line_item_id, from_units: fromUnits, to_units: toUnits, consumed_units: fulfilled - line.fulfilled_quantity })
    }
  }
  return plan
}

export function isEmptyFollowPlan(plan: FollowPlan): boolean {
  return !plan.quantity_changes.length && !plan.shipped.length && !plan.conflicts.length
}

// ---------------------------------------------------------------- backoff of rows needing work

const MINUTE_MS = 60 * 1000
/** A held or failed order is tried again 5, 10, 20 … minutes later, at most every 6 hours. */
export const ORDER_RETRY_BASE_MS = 5 * MINUTE_MS
export const ORDER_RETRY_MAX_MS = 6 * 60 * MINUTE_MS
/** Rows needing work a run takes besides new orders: new orders always go first. */
export const ORDER_RETRIES_PER_RUN = 50

/**
 * When a held (needs attention) or failed row is tried again after its `attempts`-th try. A fix the
 * merchant makes (mapping a SKU) is picked up by the retry button at once, and a change from Amazon
 * brings the row back with the page it arrives in; the backoff only spaces out the blind retries, so a
 * pile of rows that cannot be imported never delays new orders.
 */
export function nextOrderAttemptAt(attempts: number, now: Date): Date {
  const delay = Math.min(ORDER_RETRY_MAX_MS, ORDER_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1))
  return new Date(now.getTime() + delay)
}

// ---------------------------------------------------------------- one searchOrders call for many marketplaces

/** searchOrders' `marketplaceIds` takes at most 50 (orders_2026-01-01.json). */
export const SEARCH_ORDERS_MAX_MARKETPLACES = 50

/**
 * The searchOrders calls of one run: every marketplace of the store in one call (chunks of 50), starting
 * at the oldest cursor among them — re-reading a younger marketplace's overlap changes nothing in the
 * ledger (the upsert skips unchanged orders), and no marketplace waits for another's turn.
 */
export function groupMarketplacesForSearch<T extends { marketplace_id: string; orders_cursor: Date | string | null }>(
  marketplaces: T[]
): Array<{ marketplaces: T[]; cursor: Date | null }> {
  const groups: Array<{ marketplaces: T[]; cursor: Date | null }> = []
  for (let i = 0; i < marketplaces.length; i += SEARCH_ORDERS_MAX_MARKETPLACES) {
    const chunk = marketplaces.slice(i, i + SEARCH_ORDERS_MAX_MARKETPLACES)
    // a marketplace never imported starts the initial look-back (null), which is older than any cursor
    const cursor = chunk.some((m) => !m.orders_cursor)
      ? null
      : new Date(Math.min(...chunk.map((m) => new Date(m.orders_cursor!).getTime())))
    groups.push({ marketplaces: chunk, cursor })
  }
  return groups
}
