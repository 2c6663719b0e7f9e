import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_RATE_LIMITS, getMarketplace, marketplaceId } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { SyncRunReporter, type SyncRunError } from "../../../utils/sync-run-reporter"
import { amazonRunError, reportLabel } from "../run-errors"
import type { ListingsImportPlan } from "./load-listings-import-plan"

export type RequestedReport = { marketplace_id: string; report_type: string; report_id: string }
export type RequestedReports = { reports: RequestedReport[]; errors: SyncRunError[]; stopped: boolean }

/**
 * createReport for every marketplace and report type of the plan — one marketplace per report, since
 * listings reports take only the first (notes §6) — with English column names requested
 * (`preferredReportDocumentLocale`: Amazon localizes them otherwise). Requesting a report changes nothing
 * at Amazon, so there is nothing to compensate.
 */
export const requestListingsReportsStep = createStep(
  "amazon-request-listings-reports",
  async (plan: ListingsImportPlan, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const result: RequestedReports = { reports: [], errors: [], stopped: false }
    const wanted = plan.marketplaces.flatMap((m) => m.report_types.map((report_type) => ({ marketplace_id: m.marketplace_id, report_type })))
    if (!wanted.length) return new StepResponse(result)

    // createReport: 0.0167 rps, burst 15 (reports model) — beyond the burst each request waits a minute.
    const { rate, burst } = DEFAULT_RATE_LIMITS.createReport
    await new SyncRunReporter(amazon, plan.run_id).progress(0, null, Math.max(0, wanted.length - burst) / rate, true)

    const client = await amazon.getStoreSpApiClient(plan.store_id)
    for (const { marketplace_id, report_type } of wanted) {
      try {
        const { reportId } = await client.reports.createReport({
          reportType: report_type,
          marketplaceIds: [marketplaceId(marketplace_id)],
          reportOptions: { preferredReportDocumentLocale: "en_US" },
        })
        result.reports.push({ marketplace_id, report_type, report_id: reportId })
      } catch (error) {
        const label = reportLabel(marketplace_id, report_type, getMarketplace(marketplace_id)?.country_code)
        const failure = await amazonRunError(amazon, plan.store_id, error, `request ${label}`, { marketplace_id, report_type })
        result.errors.push(failure)
        if (failure.fatal) {
          result.stopped = true
          break
        }
      }
    }
    return new StepResponse(result)
  }
)
