import { setTimeout as sleep } from "node:timers/promises"
import type { Readable } from "node:stream"
import type { ILockingModule, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { marketplaceId, reportDocumentId, reportId } from "../../lib/sp-api"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { REPORT_POLL } from "../../workflows/listings-import/steps/await-listings-reports"
import { readListingsReport } from "../listings-import/parse-listings-report"
import { declaredCharset, legacyCharsetOf } from "../listings-import/report-charset"
import { applyAmazonReturn, type AmazonReturnRow } from "./apply-return"
import { groupReturns, readReturnRow, RETURNS_REPORT_TYPE, returnsReportWindow, RMA_COLUMN, type ReportedReturn } from "./returns-report"

/** Returns are followed this many days back (by request date); open ones further, up to Amazon's 60-day cap. */
export const RETURNS_LOOKBACK_DAYS = 30

export type ReturnsSyncError = { code: string; message: string; marketplace_id?: string; amazon_rma_id?: string }

export type ReturnsSyncResult = {
  store_id: string
  reports: number
  /** report lines read (one per returned item) */
  lines: number
  created: number
  updated: number
  /** Medusa returns requested / received by this run */
  requested: number
  received: number
  /** rows left with an error (unknown order, unknown SKU …), kept for the next run */
  held: number
  errors: ReturnsSyncError[]
}

type Marketplace = { marketplace_id: string; is_participating: boolean; orders_import: boolean }

/**
 * One store's returns: for each marketplace it imports orders from, one GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE
 * report over the last 30 days by request date (further back for returns still open, never over Amazon's 60 days —
 * a report by request date is re-read whole, since a return's receipt changes a line already seen: a cursor would
 * miss it). Lines become `amazon_return` rows (one per RMA, upserted), then every row not yet where Amazon is goes to
 * Medusa (apply-return.ts). Under the store's returns lock: two runs at once change nothing. Never refunds.
 */
export async function syncStoreReturns(container: MedusaContainer, input: { storeId: string; now?: Date }): Promise<ReturnsSyncResult> {
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  return await locking.execute(`amazon:returns:${input.storeId}`, () => syncUnderLock(container, input), { timeout: 30 })
}

async function syncUnderLock(container: MedusaContainer, input: { storeId: string; now?: Date }): Promise<ReturnsSyncResult> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const now = input.now ?? new Date()
  const result: ReturnsSyncResult = { store_id: input.storeId, reports: 0, lines: 0, created: 0, updated: 0, requested: 0, received: 0, held: 0, errors: [] }
  const [store] = (await amazon.listAmazonStores({ id: input.storeId }, { relations: ["marketplaces"] })) as unknown as Array<{ id: string; marketplaces?: Marketplace[] }>
  if (!store) throw new Error(`Amazon store ${input.storeId} not found`)
  const marketplaces = (store.marketplaces ?? []).filter((m) => m.is_participating && m.orders_import).map((m) => m.marketplace_id)

  const open = (await amazon.listAmazonReturns(
    { store_id: input.storeId, status: ["authorized"] },
    { select: ["requested_at"], order: { requested_at: "ASC" }, take: 1 }
  )) as Array<{ requested_at: Date | null }>
  const window = returnsReportWindow(now, open[0]?.requested_at ? new Date(open[0].requested_at) : null, RETURNS_LOOKBACK_DAYS)

  const client = marketplaces.length ? await amazon.getStoreSpApiClient(input.storeId) : null
  // every marketplace's report is requested first and awaited together: Amazon takes minutes for each
  const requested: Array<{ marketplace: string; report_id: string }> = []
  for (const marketplace of marketplaces) {
    try {
      const { reportId: id } = await client!.reports.createReport({
        reportType: RETURNS_REPORT_TYPE,
        marketplaceIds: [marketplaceId(marketplace)],
        dataStartTime: window.start.toISOString(),
        // no dataEndTime: Amazon's "now" (returnsReportWindow)
        reportOptions: { preferredReportDocumentLocale: "en_US" },
      })
      requested.push({ marketplace, report_id: id })
      result.reports++
    } catch (error) {
      result.errors.push({ code: "report_error", message: `Returns report of ${marketplace} could not be requested: ${(error as Error).message}`, marketplace_id: marketplace })
    }
  }
  const finished = client ? await awaitReports(client, requested) : new Map<string, ReportOutcome>()

  for (const { marketplace, report_id } of requested) {
    const where = { marketplace_id: marketplace }
    const documentId = finished.has(report_id) ? finished.get(report_id)! : "TIMEOUT"
    try {
      if (documentId === "FATAL") {
        result.errors.push({ code: "report_failed", message: `Amazon could not produce the returns report of ${marketplace} (FATAL); the next run asks again.`, ...where })
        continue
      }
      if (documentId === "TIMEOUT") {
        result.errors.push({ code: "report_timeout", message: `Amazon had not finished the returns report of ${marketplace} after ${REPORT_POLL.maxWaitMs / 60_000} minutes; the next run asks again.`, ...where })
        continue
      }
      if (documentId !== null && typeof documentId === "object") {
        result.errors.push({ code: "report_error", message: `Returns report of ${marketplace}: ${documentId.error}`, ...where })
        continue
      }
      // CANCELLED: Amazon cancels a returns report that has no lines (selling-partner-api-models#2292)
      if (documentId === null) continue
      const location = await client!.reports.getReportDocument(reportDocumentId(documentId))
      const stream: Readable & { contentType?: string } = await client!.reports.streamReportDocument(location)
      const decoding = { declared: declaredCharset(stream.contentType), fallback: legacyCharsetOf(marketplace) }
      const rows: ReportedReturn[] = []
      for await (const line of readListingsReport(stream, decoding, { requiredColumn: RMA_COLUMN, name: "a returns report" })) {
        result.lines++
        if (line.kind === "malformed") {
          result.errors.push({ code: "malformed_row", message: `Returns report of ${marketplace}, line ${line.line}: ${line.reason}; skipped.`, ...where })
          continue
        }
        const read = readReturnRow(line.cells)
        if (!read.ok) result.errors.push({ code: "unreadable_return", message: `Returns report of ${marketplace}, line ${line.line}: ${read.reason}; skipped.`, ...where })
        else rows.push(read.value)
      }
      const counts = await upsertReturns(amazon, input.storeId, marketplace, groupReturns(rows), now)
      result.created += counts.created
      result.updated += counts.updated
    } catch (error) {
      result.errors.push({ code: "report_error", message: `Returns report of ${marketplace}: ${(error as Error).message}`, ...where })
    }
  }

  // every row not yet where Amazon is — including rows of earlier runs that waited for their order or SKU
  const pending = (await amazon.listAmazonReturns({ store_id: input.storeId, status: ["authorized", "received"] }, { take: 10_000 })) as unknown as AmazonReturnRow[]
  for (const row of pending) {
    if (row.medusa_status === row.status || (row.medusa_status === "received" && row.status === "authorized")) continue
    const outcome = await applyAmazonReturn(container, row)
    if (outcome.requested) result.requested++
    if (outcome.received) result.received++
    if (outcome.error) {
      result.held++
      result.errors.push({ code: outcome.code ?? "return_held", message: outcome.error, amazon_rma_id: row.amazon_rma_id, marketplace_id: row.marketplace_id })
    }
  }
  return result
}

/** A finished report: its document id, null for CANCELLED (no data), FATAL, or the error of its last status check. */
type ReportOutcome = string | null | "FATAL" | "TIMEOUT" | { error: string }

/**
 * getReport for every requested report until Amazon is done with each (or the patience of the listings import runs out):
 * 1 s, then doubling up to a minute (getReport: 2 rps, burst 15).
 */
async function awaitReports(client: Awaited<ReturnType<AmazonModuleService["getStoreSpApiClient"]>>, reports: Array<{ report_id: string }>): Promise<Map<string, ReportOutcome>> {
  const outcomes = new Map<string, ReportOutcome>()
  const pending = new Set(reports.map((r) => r.report_id))
  const deadline = Date.now() + REPORT_POLL.maxWaitMs
  let delay = REPORT_POLL.firstDelayMs
  while (pending.size) {
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())))
    for (const id of [...pending]) {
      try {
        const report = await client.reports.getReport(reportId(id))
        const status = report.processingStatus
        if (status === "DONE") outcomes.set(id, report.reportDocumentId ?? null)
        else if (status === "CANCELLED") outcomes.set(id, null)
        else if (status === "FATAL") outcomes.set(id, "FATAL")
        else continue
      } catch (error) {
        outcomes.set(id, { error: (error as Error).message })
      }
      pending.delete(id)
    }
    if (pending.size && Date.now() >= deadline) {
      for (const id of pending) outcomes.set(id, "TIMEOUT")
      break
    }
    delay = Math.min(delay * 2, REPORT_POLL.maxDelayMs)
  }
  return outcomes
}

/**
 * Report returns → ledger rows, by (store, RMA id). A new RMA is created; a known one takes Amazon's newer state
 * (received, rejected, refunded amount …) but never goes back from received to authorized, and its lines change only
 * while no Medusa return exists (a Medusa return's items are not edited after the fact).
 */
async function upsertReturns(amazon: AmazonModuleService, storeId: string, marketplace: string, returns: ReportedReturn[], now: Date) {
  let created = 0
  let updated = 0
  for (let i = 0; i < returns.length; i += 200) {
    const chunk = returns.slice(i, i + 200)
    const known = (await amazon.listAmazonReturns({ store_id: storeId, amazon_rma_id: chunk.map((r) => r.amazon_rma_id) })) as unknown as AmazonReturnRow[]
    const byRma = new Map(known.map((r) => [r.amazon_rma_id, r]))
    const toCreate: Record<string, unknown>[] = []
    const toUpdate: Record<string, unknown>[] = []
    for (const ret of chunk) {
      const row = byRma.get(ret.amazon_rma_id)
      const lines = ret.lines.map((l) => ({ sku: l.sku, asin: l.asin, quantity: l.quantity, reason: l.reason }))
      const facts = {
        amazon_status: ret.amazon_status,
        resolution: ret.resolution,
        refunded_amount: ret.refunded_amount,
        currency: ret.currency,
        tracking_id: ret.tracking_id,
        requested_at: ret.requested_at,
        synced_at: now,
      }
      if (!row) {
        toCreate.push({ store_id: storeId, marketplace_id: marketplace, amazon_rma_id: ret.amazon_rma_id, amazon_order_id: ret.amazon_order_id, lines, status: ret.status, received_at: ret.received_at, ...facts })
        continue
      }
      const status = row.status === "received" && ret.status === "authorized" ? "received" : ret.status
      const changed =
        status !== row.status ||
        (ret.amazon_status ?? null) !== (row.amazon_status ?? null) ||
        (ret.refunded_amount ?? null) !== (row.refunded_amount ?? null) ||
        (!row.medusa_return_id && JSON.stringify(lines) !== JSON.stringify((row.lines ?? []).map((l) => ({ sku: l.sku, asin: l.asin ?? null, quantity: l.quantity, reason: l.reason ?? null }))))
      if (!changed) continue
      toUpdate.push({
        id: row.id,
        status,
        ...(status === "received" ? { received_at: ret.received_at ?? row.received_at ?? now } : {}),
        ...(row.medusa_return_id ? {} : { lines }),
        ...facts,
      })
    }
    if (toCreate.length) await amazon.createAmazonReturns(toCreate as never)
    if (toUpdate.length) await amazon.updateAmazonReturns(toUpdate as never)
    created += toCreate.length
    updated += toUpdate.length
  }
  return { created, updated }
}

/** Every connected store, one after another; a failing store is logged and the others go on. */
export async function syncAllStoreReturns(container: MedusaContainer, options: { storeId?: string } = {}): Promise<ReturnsSyncResult[]> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const stores = (await amazon.listAmazonStores(options.storeId ? { id: options.storeId } : {}, { select: ["id", "refresh_token_ciphertext"] })) as unknown as Array<{
    id: string
    refresh_token_ciphertext: string | null
  }>
  const results: ReturnsSyncResult[] = []
  for (const store of stores) {
    if (!store.refresh_token_ciphertext) continue
    try {
      const result = await syncStoreReturns(container, { storeId: store.id })
      for (const error of result.errors) logger.warn(`[amazon] returns of store ${store.id}: ${error.message}`)
      results.push(result)
    } catch (error) {
      logger.warn(`[amazon] returns of store ${store.id} not synced: ${(error as Error).message}`)
    }
  }
  return results
}
