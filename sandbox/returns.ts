import type { SandboxContext, ProcessingStatus } from "./context"
import { ControlInputError } from "./control"
import { REPORT_CONTENT_TYPE } from "./report-content"
import type { OrderRecord, ReportRecord } from "./types"

/**
 * Buyer returns of merchant-fulfilled orders and Amazon's returns report about them.
 *
 * GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (reporttype-values: "detailed returns information, including return request
 * date, RMA ID, label details, ASIN, and return reason code. You can request up to 60 days of data in a single report"):
 * tab-separated, English column names as below (selling-partner-api-models#284, and a real report of 2025 with the same
 * header), one line per returned item, dates as `14-Jul-2025` (no time, no zone), empty cells sometimes a single space.
 * As on Amazon: MFN orders only (FBA returns are another report), rows chosen by the return REQUEST date, a report
 * without rows ends CANCELLED (not DONE — selling-partner-api-models#2292), more than 60 days of data is FATAL here.
 * A return the seller has received has its "Return delivery date" set; the status stays Amazon's request status.
 */
export const RETURNS_REPORT_TYPE = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE"

export const RETURNS_COLUMNS = [
  "Order ID",
  "Order date",
  "Return request date",
  "Return request status",
  "Amazon RMA ID",
  "Merchant RMA ID",
  "Label type",
  "Label cost",
  "Currency code",
  "Return carrier",
  "Tracking ID",
  "Label to be paid by",
  "A-to-Z Claim",
  "Is prime",
  "ASIN",
  "Merchant SKU",
  "Item Name",
  "Return quantity",
  "Return Reason",
  "In policy",
  "Return type",
  "Resolution",
  "Invoice number",
  "Return delivery date",
  "Order Amount",
  "Order quantity",
  "SafeT Action reason",
  "SafeT claim id",
  "SafeT claim state",
  "SafeT claim creation time",
  "SafeT claim reimbursement amount",
  "Refunded Amount",
] as const

const MAX_SPAN_MS = 60 * 24 * 3600_000

/** Return request status words seen in the report. "Approved" is what an authorized (label issued) return shows. */
export type BuyerReturnStatus = "Authorized" | "Received" | "Rejected"

export interface SandboxReturn {
  rmaId: string
  requestedAt: number
  status: BuyerReturnStatus
  receivedAt?: number
  reason: string
  trackingId: string
  items: Array<{ orderItemId: string; quantity: number }>
}

export interface BuyerReturnInput {
  orderId: string
  /** the RMA to change (a second call with the same rmaId moves that return on, e.g. to Received) */
  rmaId?: string
  items?: Array<{ orderItemId?: string; sku?: string; quantity?: number }>
  status?: BuyerReturnStatus
  /** Amazon's return reason code, e.g. AMZ-PG-BAD-DESC, CR-DEFECTIVE */
  reason?: string
  /** ISO date-time or ms; default now */
  requestedAt?: string | number
  receivedAt?: string | number
}

type WithReturns = OrderRecord & { returns?: SandboxReturn[] }

export function orderReturns(order: OrderRecord): SandboxReturn[] {
  return ((order as WithReturns).returns ??= [])
}

/**
 * The buyer returns items of a shipped MFN order (Amazon authorizes the return and issues a label), or an existing
 * return moves on: received by the seller (delivery date set) or rejected. Units returned can never exceed units shipped.
 */
export function buyerReturn(ctx: SandboxContext, input: BuyerReturnInput): { rmaId: string; return: SandboxReturn } {
  const order = ctx.state.orders.get(String(input?.orderId ?? ""))
  if (!order) throw new ControlInputError(`unknown order ${input?.orderId}`)
  if (order.fulfilledBy !== "MERCHANT") throw new ControlInputError(`order ${order.orderId} is fulfilled by Amazon: its returns are in the FBA returns report`)
  const status = input.status ?? "Authorized"
  if (!["Authorized", "Received", "Rejected"].includes(status)) throw new ControlInputError(`unknown return status '${status}' (Authorized, Received, Rejected)`)
  const time = (v: string | number | undefined, fallback: number) => {
    if (v === undefined) return fallback
    const ms = typeof v === "number" ? v : Date.parse(v)
    if (Number.isNaN(ms)) throw new ControlInputError(`not a date: ${v}`)
    return ms
  }
  const now = ctx.clock.now()
  const returns = orderReturns(order)

  if (input.rmaId) {
    const existing = returns.find((r) => r.rmaId === input.rmaId)
    if (existing) {
      existing.status = status
      if (status === "Received") existing.receivedAt = time(input.receivedAt, now)
      return { rmaId: existing.rmaId, return: existing }
    }
  }

  if (!input.items?.length) throw new ControlInputError("items are required for a new return")
  const items = input.items.map((wanted) => {
    const line = order.items.find((i) => (wanted.orderItemId ? i.orderItemId === wanted.orderItemId : i.sku === wanted.sku))
    if (!line) throw new ControlInputError(`order ${order.orderId} has no item ${wanted.orderItemId ?? wanted.sku}`)
    const quantity = wanted.quantity ?? 1
    const already = returns.filter((r) => r.status !== "Rejected").flatMap((r) => r.items).filter((i) => i.orderItemId === line.orderItemId).reduce((n, i) => n + i.quantity, 0)
    if (!(quantity >= 1) || quantity + already > line.quantityShipped) {
      throw new ControlInputError(`item ${line.orderItemId} (${line.sku}): ${line.quantityShipped} unit(s) shipped, ${already} already returned — cannot return ${quantity}`)
    }
    return { orderItemId: line.orderItemId, quantity }
  })
  const rmaId = input.rmaId ?? `D${ctx.random.int(10_000_000, 99_999_999)}${"RMA"}`
  const created: SandboxReturn = {
    rmaId,
    requestedAt: time(input.requestedAt, now),
    status,
    receivedAt: status === "Received" ? time(input.receivedAt, now) : undefined,
    reason: input.reason ?? "CR-UNWANTED_ITEM",
    trackingId: `9202${ctx.random.int(100_000_000, 999_999_999)}${ctx.random.int(100_000_000, 999_999_999)}`,
    items,
  }
  returns.push(created)
  order.lastUpdatedAt = now
  return { rmaId, return: created }
}

/** `14-Jul-2025` (the report's date format: day, English month abbreviation, year; UTC). */
export function reportDate(ms: number): string {
  const d = new Date(ms)
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()]
  return `${String(d.getUTCDate()).padStart(2, "0")}-${month}-${d.getUTCFullYear()}`
}

const clean = (value: string) => value.replace(/[\t\r\n]+/g, " ")

/** The report's lines (header first) for the seller's MFN orders in the report's marketplaces, by request date. */
export function returnsReportLines(ctx: SandboxContext, report: ReportRecord): string[] | "too-long" {
  const now = ctx.clock.now()
  const end = report.dataEndTime ? Date.parse(report.dataEndTime) : now
  const start = report.dataStartTime ? Date.parse(report.dataStartTime) : end - 30 * 24 * 3600_000
  if (end - start > MAX_SPAN_MS) return "too-long"
  const lines: string[] = []
  for (const order of ctx.state.orders.values()) {
    if (order.sellerId !== report.sellerId || !report.marketplaceIds.includes(order.marketplaceId) || order.fulfilledBy !== "MERCHANT") continue
    for (const ret of orderReturns(order)) {
      if (ret.requestedAt < start || ret.requestedAt > end) continue
      for (const item of ret.items) {
        const line = order.items.find((i) => i.orderItemId === item.orderItemId)!
        const digits = line.currency === "JPY" ? 0 : 2
        const cells: Record<string, string> = {
          "Order ID": order.orderId,
          "Order date": reportDate(order.createdAt),
          "Return request date": reportDate(ret.requestedAt),
          "Return request status": ret.status === "Rejected" ? "Rejected" : "Approved",
          "Amazon RMA ID": ret.rmaId,
          "Merchant RMA ID": " ",
          "Label type": "AmazonPrePaidLabel",
          "Label cost": "4.14",
          "Currency code": line.currency,
          "Return carrier": "DHL",
          "Tracking ID": ret.trackingId,
          "Label to be paid by": "Seller",
          "A-to-Z Claim": "N",
          "Is prime": "N",
          ASIN: line.asin,
          "Merchant SKU": line.sku,
          "Item Name": clean(line.title),
          "Return quantity": String(item.quantity),
          "Return Reason": ret.reason,
          "In policy": "Y",
          "Return type": "C-Returns",
          Resolution: "StandardRefund",
          "Invoice number": " ",
          "Return delivery date": ret.receivedAt !== undefined && ret.status === "Received" ? reportDate(ret.receivedAt) : " ",
          "Order Amount": (line.unitPrice * line.quantityOrdered).toFixed(digits),
          "Order quantity": String(line.quantityOrdered),
        }
        lines.push(RETURNS_COLUMNS.map((c) => cells[c] ?? "").join("\t"))
      }
    }
  }
  return lines
}

/**
 * Finishes a due returns report (called from SandboxContext.reportStatus): DONE with a document, CANCELLED when
 * there is nothing to report, FATAL for more than 60 days of data.
 */
export function finishReturnsReport(ctx: SandboxContext, report: ReportRecord, phase: { startedAt: number; endedAt: number }): ProcessingStatus {
  const lines = returnsReportLines(ctx, report)
  if (lines === "too-long") {
    report.result = { status: "FATAL", startedAt: phase.startedAt, endedAt: phase.endedAt }
    return "FATAL"
  }
  if (!lines.length) {
    report.cancelledAt = phase.endedAt
    return "CANCELLED"
  }
  const docId = ctx.state.newDocumentId(ctx.state.sellers.get(report.sellerId)?.region ?? "na")
  const body = [RETURNS_COLUMNS.join("\t"), ...lines].join("\n") + "\n"
  ctx.state.documents.set(docId, {
    docId,
    sellerId: report.sellerId,
    kind: "report",
    contentType: REPORT_CONTENT_TYPE,
    createdAt: phase.endedAt,
    compression: "GZIP",
    render: () => [body],
  })
  report.result = { status: "DONE", startedAt: phase.startedAt, endedAt: phase.endedAt, reportDocumentId: docId }
  ctx.log(`report ${report.reportId} DONE (${lines.length} return rows)`)
  return "DONE"
}
