import { Router } from "express"
import { SandboxContext } from "../context"
import { orderFinanceEvents, type FinanceEventRow } from "../finances"
import { sendError, spApiRoute, type SpApiCall } from "../http"

const API = "financesV0"
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/
const TWO_MINUTES = 2 * 60_000

/**
 * Finances v0: listFinancialEvents and listFinancialEventsByOrderId (sandbox/finances.ts builds the events).
 * Amazon's rules: PostedAfter/PostedBefore more than 2 minutes before now, PostedBefore after PostedAfter and
 * only with PostedAfter, MaxResultsPerPage 1–100, NextToken with the same arguments; > 180 days apart → empty.
 */
export function financesRoutes(ctx: SandboxContext, router: Router): void {
  const page = (call: SpApiCall, rows: FinanceEventRow[], res: Parameters<Parameters<typeof spApiRoute>[3]>[1]) => {
    const max = call.query.int("MaxResultsPerPage") ?? 100
    if (Number.isNaN(max) || max < 1 || max > 100) return sendError(res, 400, "InvalidInput", "MaxResultsPerPage must be between 1 and 100.")
    let offset = 0
    const token = call.query.str("NextToken")
    if (token !== undefined) {
      const decoded = decode(token)
      if (!decoded || decoded.s !== call.sellerId) return sendError(res, 400, "InvalidInput", "Invalid NextToken.")
      offset = decoded.o
    }
    rows.sort((a, b) => a.postedAt - b.postedAt || String(a.event.AmazonOrderId).localeCompare(String(b.event.AmazonOrderId)))
    const slice = rows.slice(offset, offset + max)
    const FinancialEvents: Record<string, unknown[]> = { RefundEventList: [], GuaranteeClaimEventList: [], ChargebackEventList: [], ShipmentEventList: [], AdjustmentEventList: [] }
    for (const row of slice) FinancialEvents[row.list].push(row.event)
    const payload: Record<string, unknown> = { FinancialEvents }
    if (offset + max < rows.length) payload.NextToken = encode({ s: call.sellerId, o: offset + max })
    res.json({ payload })
  }

  spApiRoute(ctx, router, { operationId: "listFinancialEvents", api: API, method: "get", path: "/finances/v0/financialEvents" }, (_req, res, call) => {
    const now = ctx.clock.now()
    const after = call.query.str("PostedAfter")
    const before = call.query.str("PostedBefore")
    const afterMs = after === undefined ? undefined : Date.parse(after)
    const beforeMs = before === undefined ? now - TWO_MINUTES : Date.parse(before)
    if (afterMs !== undefined && Number.isNaN(afterMs)) return sendError(res, 400, "InvalidInput", "PostedAfter is not an ISO 8601 date-time.")
    if (Number.isNaN(beforeMs)) return sendError(res, 400, "InvalidInput", "PostedBefore is not an ISO 8601 date-time.")
    if (before !== undefined && after === undefined) return sendError(res, 400, "InvalidInput", "PostedBefore requires PostedAfter.")
    if (afterMs !== undefined && afterMs > now - TWO_MINUTES) return sendError(res, 400, "InvalidInput", "PostedAfter must be more than two minutes before the time of the request.")
    if (before !== undefined && beforeMs > now - TWO_MINUTES) return sendError(res, 400, "InvalidInput", "PostedBefore must be more than two minutes before the time of the request.")
    if (afterMs !== undefined && beforeMs <= afterMs) return sendError(res, 400, "InvalidInput", "PostedBefore must be later than PostedAfter.")
    const from = afterMs ?? beforeMs - 180 * 86_400_000
    const rows = beforeMs - from > 180 * 86_400_000
      ? []
      : [...ctx.state.orders.values()]
          .filter((o) => o.sellerId === call.sellerId)
          .flatMap((o) => orderFinanceEvents(o, now))
          .filter((r) => r.postedAt >= from && r.postedAt < beforeMs)
    page(call, rows, res)
  })

  spApiRoute(ctx, router, { operationId: "listFinancialEventsByOrderId", api: API, method: "get", path: "/finances/v0/orders/:orderId/financialEvents" }, (req, res, call) => {
    const orderId = String(req.params.orderId)
    if (!ORDER_ID.test(orderId)) return sendError(res, 400, "InvalidInput", `Invalid orderId '${orderId}'.`)
    const order = ctx.state.orders.get(orderId)
    // Amazon answers an order without events (or not the seller's) with empty lists, not 404
    const rows = order && order.sellerId === call.sellerId ? orderFinanceEvents(order, ctx.clock.now()) : []
    page(call, rows, res)
  })
}

function encode(value: { s: string; o: number }): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url")
}

function decode(token: string): { s: string; o: number } | null {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8"))
    return typeof v?.s === "string" && Number.isInteger(v?.o) && v.o >= 0 ? v : null
  } catch {
    return null
  }
}
