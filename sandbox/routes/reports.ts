import { Router } from "express"
import { SandboxContext } from "../context"
import { presignedUrl } from "../documents"
import { sendError, spApiRoute } from "../http"
import { ReportRecord } from "../types"
import { decodeToken, encodeToken } from "./orders"

const API = "reports_2021-06-30"
const STATUSES = ["CANCELLED", "DONE", "FATAL", "IN_PROGRESS", "IN_QUEUE"]

/**
 * Reports API 2021-06-30 (notes §6). The three merchant listings reports are generated from the
 * seller's listings in the first requested marketplace; other report types are accepted and end FATAL.
 */
export function reportsRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "createReport", api: API, method: "post", path: "/reports/2021-06-30/reports" }, (req, res, call) => {
    const body = (req.body ?? {}) as { reportType?: unknown; marketplaceIds?: unknown; dataStartTime?: unknown; dataEndTime?: unknown }
    if (typeof body.reportType !== "string" || !body.reportType) return sendError(res, 400, "InvalidInput", "reportType is required.")
    if (!Array.isArray(body.marketplaceIds) || body.marketplaceIds.length < 1 || body.marketplaceIds.length > 25) {
      return sendError(res, 400, "InvalidInput", "marketplaceIds must contain 1 to 25 marketplace ids.")
    }
    const marketplaceIds = body.marketplaceIds.map(String)
    const foreign = marketplaceIds.filter((m) => !call.seller.marketplaceIds.includes(m))
    if (foreign.length) return sendError(res, 400, "InvalidInput", `The seller does not participate in marketplace(s) ${foreign.join(", ")}.`)
    const report: ReportRecord = {
      reportId: ctx.state.newReportId(),
      sellerId: call.sellerId,
      reportType: body.reportType,
      marketplaceIds,
      dataStartTime: typeof body.dataStartTime === "string" ? body.dataStartTime : undefined,
      dataEndTime: typeof body.dataEndTime === "string" ? body.dataEndTime : undefined,
      createdAt: ctx.clock.now(),
    }
    ctx.state.reports.set(report.reportId, report)
    res.status(202).json({ reportId: report.reportId })
  })

  spApiRoute(ctx, router, { operationId: "getReports", api: API, method: "get", path: "/reports/2021-06-30/reports" }, (_req, res, call) => {
    const q = call.query
    interface Filters {
      reportTypes: string[]
      statuses?: string[]
      marketplaceIds?: string[]
      since: number
      until: number
      pageSize: number
    }
    let filters: Filters
    let offset = 0
    const token = q.str("nextToken")
    if (token) {
      const decoded = decodeToken<{ f: Filters; o: number; s: string }>(token)
      if (!decoded || decoded.s !== call.sellerId) return sendError(res, 400, "InvalidInput", "Invalid nextToken.")
      filters = decoded.f
      offset = decoded.o
    } else {
      const reportTypes = q.list("reportTypes")
      if (!reportTypes) return sendError(res, 400, "InvalidInput", "Either reportTypes or nextToken is required.")
      const pageSize = q.int("pageSize") ?? 10
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return sendError(res, 400, "InvalidInput", "pageSize must be between 1 and 100.")
      const statuses = q.list("processingStatuses")
      const bad = statuses?.find((s) => !STATUSES.includes(s))
      if (bad) return sendError(res, 400, "InvalidInput", `Invalid processingStatuses value '${bad}'.`)
      const now = ctx.clock.now()
      const since = q.str("createdSince") ? Date.parse(String(q.str("createdSince"))) : now - 90 * 24 * 3600_000
      const until = q.str("createdUntil") ? Date.parse(String(q.str("createdUntil"))) : now
      if (Number.isNaN(since) || Number.isNaN(until)) return sendError(res, 400, "InvalidInput", "createdSince/createdUntil must be ISO 8601 date-times.")
      filters = { reportTypes, statuses, marketplaceIds: q.list("marketplaceIds"), since, until, pageSize }
    }
    const matching = [...ctx.state.reports.values()]
      .filter((r) => r.sellerId === call.sellerId && filters.reportTypes.includes(r.reportType))
      .filter((r) => !filters.marketplaceIds || r.marketplaceIds.some((m) => filters.marketplaceIds!.includes(m)))
      .filter((r) => r.createdAt >= filters.since && r.createdAt <= filters.until)
      .filter((r) => !filters.statuses || filters.statuses.includes(ctx.reportStatus(r)))
      .sort((a, b) => b.createdAt - a.createdAt || Number(b.reportId) - Number(a.reportId))
    const page = matching.slice(offset, offset + filters.pageSize)
    const body: Record<string, unknown> = { reports: page.map((r) => renderReport(ctx, r)) }
    if (offset + page.length < matching.length) body.nextToken = encodeToken({ f: filters, o: offset + page.length, s: call.sellerId })
    res.json(body)
  })

  spApiRoute(ctx, router, { operationId: "getReport", api: API, method: "get", path: "/reports/2021-06-30/reports/:reportId" }, (req, res, call) => {
    const report = ctx.state.reports.get(req.params.reportId)
    if (!report || report.sellerId !== call.sellerId) return sendError(res, 404, "NotFound", `Report ${req.params.reportId} was not found.`)
    res.json(renderReport(ctx, report))
  })

  spApiRoute(ctx, router, { operationId: "cancelReport", api: API, method: "delete", path: "/reports/2021-06-30/reports/:reportId" }, (req, res, call) => {
    const report = ctx.state.reports.get(req.params.reportId)
    if (!report || report.sellerId !== call.sellerId) return sendError(res, 404, "NotFound", `Report ${req.params.reportId} was not found.`)
    const status = ctx.reportStatus(report)
    if (status !== "IN_QUEUE") return sendError(res, 400, "InvalidInput", `Report ${report.reportId} is ${status}; only reports that are IN_QUEUE can be cancelled.`)
    report.cancelledAt = ctx.clock.now()
    res.status(200).end()
  })

  spApiRoute(ctx, router, { operationId: "getReportDocument", api: API, method: "get", path: "/reports/2021-06-30/documents/:reportDocumentId" }, (req, res, call) => {
    const doc = ctx.state.documents.get(req.params.reportDocumentId)
    if (!doc || doc.sellerId !== call.sellerId || doc.kind !== "report") {
      return sendError(res, 404, "NotFound", `Report document ${req.params.reportDocumentId} was not found.`)
    }
    res.json({ reportDocumentId: doc.docId, url: presignedUrl(ctx, call.baseUrl, "download", doc.docId), compressionAlgorithm: "GZIP" })
  })
}

export function renderReport(ctx: SandboxContext, report: ReportRecord): Record<string, unknown> {
  const status = ctx.reportStatus(report)
  const iso = (ms: number) => new Date(ms).toISOString()
  const out: Record<string, unknown> = {
    reportId: report.reportId,
    reportType: report.reportType,
    marketplaceIds: report.marketplaceIds,
    createdTime: iso(report.createdAt),
    processingStatus: status,
    ...(report.dataStartTime ? { dataStartTime: report.dataStartTime } : {}),
    ...(report.dataEndTime ? { dataEndTime: report.dataEndTime } : {}),
  }
  if (status === "IN_PROGRESS") out.processingStartTime = iso(report.createdAt + ctx.clock.realMs(ctx.options.reportProcessingSeconds.queue))
  if (report.result) {
    out.processingStartTime = iso(report.result.startedAt)
    out.processingEndTime = iso(report.result.endedAt)
    if (report.result.reportDocumentId) out.reportDocumentId = report.result.reportDocumentId
  }
  return out
}
