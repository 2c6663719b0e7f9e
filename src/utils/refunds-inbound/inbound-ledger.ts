import { formatDecimal, parseDecimal } from "../orders/decimal"
import type { InboundRefundEvent, InboundRefundKind, OutboundLedgerRow } from "./finance-events"

/**
 * Amazon → Medusa refunds, the pure part: what an inbound Finances event writes to the ledger (`amazon_refund`,
 * direction `in`) and how much of it Medusa records. The sync (sync-inbound-refunds.ts) does the reading and writing.
 */

/** What the admin reads for each kind of event ("Refunded by Amazon (A-to-z claim)"). */
export const INBOUND_KIND_LABEL: Record<InboundRefundKind, string> = {
  refund: "refund",
  guarantee_claim: "A-to-z claim",
  chargeback: "chargeback",
}

/** The Medusa refund's note: names the ledger row, so a rerun after a crash finds it instead of refunding again. */
export const medusaRefundNote = (rowId: string) => `Amazon refund ${rowId}`

export type InboundRowInput = {
  store_id: string
  marketplace_id: string | null
  direction: "in"
  kind: "refund"
  source_ref: string
  amazon_order_id: string
  medusa_order_id: string | null
  status: "planned" | "recorded"
  lines: Array<Record<string, unknown>>
  currency: string | null
  amount: string
  reason: InboundRefundKind
  note: string | null
  echo_of: string | null
  posted_at: Date
}

/**
 * The ledger row of one event. Its source_ref is Amazon's event identity (eventRef: order, posted date, items,
 * adjustment ids and amounts), unique per store and direction, so the same event read twice is one row.
 * An echo of our own adjustment (`echoOf`) is written `recorded` at once and never refunded in Medusa; any other
 * event is `planned` until its Medusa refund is recorded (or found not to be recordable).
 */
export function inboundRow(
  event: InboundRefundEvent,
  context: { storeId: string; marketplaceId: string | null; medusaOrderId: string | null; echoOf: string | null }
): InboundRowInput {
  return {
    store_id: context.storeId,
    marketplace_id: context.marketplaceId,
    direction: "in",
    kind: "refund",
    source_ref: event.source_ref,
    amazon_order_id: event.amazon_order_id,
    medusa_order_id: context.medusaOrderId,
    status: context.echoOf ? "recorded" : "planned",
    // the planner reads amazon_order_item_id / quantity / principal / tax / shipping / shipping_tax of each line
    lines: event.lines.map((line) => ({ ...line, reason: event.kind })),
    currency: event.currency,
    amount: event.amount,
    reason: event.kind,
    note: context.echoOf
      ? `echo of ${context.echoOf}: Amazon's Finances record of our own adjustment, recorded in Medusa through that row`
      : null,
    echo_of: context.echoOf,
    posted_at: new Date(event.posted_at),
  }
}

export type RefundDecision =
  | { refund: false; note: string }
  | { refund: true; amount: string; surplus: string | null; note: string | null }

/**
 * How much of an inbound event Medusa records on the payment: never more than the payment's captured amount minus
 * what is already refunded on it. What Amazon took beyond that (a chargeback fee, a refund of a charge the Medusa
 * order does not hold) stays in the ledger as a surplus with a note, not refunded. Amounts are decimal strings.
 */
export function decideRefund(amount: string | null, refundable: string, currency: string | null): RefundDecision {
  const wanted = parseDecimal(amount) ?? 0n
  const left = parseDecimal(refundable) ?? 0n
  const cur = currency ? ` ${currency}` : ""
  if (wanted <= 0n) return { refund: false, note: `Nothing to refund in Medusa: the event nets to ${formatDecimal(wanted)}${cur}.` }
  if (left <= 0n) {
    return { refund: false, note: `The payment has nothing left to refund in Medusa; ${formatDecimal(wanted)}${cur} kept here as a surplus, not refunded.` }
  }
  if (wanted <= left) return { refund: true, amount: formatDecimal(wanted), surplus: null, note: null }
  const surplus = wanted - left
  return {
    refund: true,
    amount: formatDecimal(left),
    surplus: formatDecimal(surplus),
    note: `Amazon refunded ${formatDecimal(wanted)}${cur}; Medusa recorded ${formatDecimal(left)} (all that was left on the payment); the surplus of ${formatDecimal(surplus)}${cur} is kept here, not refunded.`,
  }
}

type LedgerRowLike = { id: string; direction: "in" | "out"; kind: string; status: string; feed_document_id?: string | null; echo_of?: string | null }

/**
 * What an event of an order may be the echo of: the order's outbound refunds, a row still `queued` with an uploaded
 * document counted as sent (a feed Amazon may have taken whose answer was lost — the sender finds it by that id), and
 * the outbound ids already matched to an earlier event (one adjustment, one echo).
 */
export function echoCandidates(ledger: LedgerRowLike[]): { outbound: OutboundLedgerRow[]; taken: Set<string> } {
  const outbound = ledger
    .filter((r) => r.direction === "out" && r.kind === "refund")
    .map((r) => (r.status === "queued" && r.feed_document_id ? { ...r, status: "sent" } : r)) as unknown as OutboundLedgerRow[]
  const taken = new Set(ledger.filter((r) => r.direction === "in" && r.echo_of).map((r) => r.echo_of!))
  return { outbound, taken }
}
