import { setTimeout as sleep } from "node:timers/promises"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getMarketplace, reportId } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { SyncRunError } from "../../../utils/sync-run-reporter"
import { amazonRunError, reportLabel } from "../run-errors"
import type { RequestedReports } from "./request-listings-reports"

/** A finished report: its document, or null when Amazon had nothing to report (CANCELLED = no data). */
export type ReadyReport = { marketplace_id: string; report_type: string; report_document_id: string | null }
export type ReadyReports = { documents: ReadyReport[]; errors: SyncRunError[]; stopped: boolean }

export type AwaitListingsReportsInput = RequestedReports & { store_id: string }

/**
 * Amazon takes seconds to many minutes for a listings report. getReport allows 2 rps (burst 15), so
 * polling is bounded by patience, not quota: 1 s, then doubling up to a minute, for at most two hours.
 */
export const REPORT_POLL = { firstDelayMs: 1_000, maxDelayMs: 60_000, maxWaitMs: 2 * 60 * 60_000 }

/** Polls every requested report until Amazon is done with it. Reads only. */
export const awaitListingsReportsStep = createStep(
  "amazon-await-listings-reports",
  async (input: AwaitListingsReportsInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const result: ReadyReports = { documents: [], errors: [...input.errors], stopped: input.stopped }
    if (input.stopped || !input.reports.length) return new StepResponse(result)

    const client = await amazon.getStoreSpApiClient(input.store_id)
    const pending = new Map(input.reports.map((report) => [report.report_id, report]))
    const deadline = Date.now() + REPORT_POLL.maxWaitMs
    let delay = REPORT_POLL.firstDelayMs
    while (pending.size) {
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())))
      for (const report of [...pending.values()]) {
        const label = reportLabel(report.marketplace_id, report.report_type, getMarketplace(report.marketplace_id)?.country_code)
        const where = { marketplace_id: report.marketplace_id, report_type: report.report_type }
        try {
          const status = await client.reports.getReport(reportId(report.report_id))
          switch (status.processingStatus) {
            case "DONE":
              result.documents.push({ ...where, report_document_id: status.reportDocumentId ?? null })
              pending.delete(report.report_id)
              break
            case "CANCELLED":
              // listings reports end CANCELLED when the marketplace has no listings
              result.documents.push({ ...where, report_document_id: null })
              pending.delete(report.report_id)
              break
            case "FATAL":
              result.errors.push({ code: "report_failed", message: `Amazon could not produce ${label} (FATAL); the next run asks again.`, ...where })
              pending.delete(report.report_id)
              break
          }
        } catch (error) {
          const failure = await amazonRunError(amazon, input.store_id, error, `check ${label}`, where)
          result.errors.push(failure)
          pending.delete(report.report_id)
          if (failure.fatal) {
            result.stopped = true
            return new StepResponse(result)
          }
        }
      }
      if (pending.size && Date.now() >= deadline) {
        for (const report of pending.values()) {
          const label = reportLabel(report.marketplace_id, report.report_type, getMarketplace(report.marketplace_id)?.country_code)
          result.errors.push({
            code: "report_timeout",
            message: `Amazon had not finished ${label} after ${REPORT_POLL.maxWaitMs / 60_000} minutes; the next run asks again.`,
            marketplace_id: report.marketplace_id,
            report_type: report.report_type,
          })
        }
        break
      }
      delay = Math.min(delay * 2, REPORT_POLL.maxDelayMs)
    }
    return new StepResponse(result)
  }
)
