import { SpApiError } from "../../lib/sp-api"
import type AmazonModuleService from "../../modules/amazon/service"
import { markAuthorizationLost } from "../../utils/mark-authorization-lost"
import { amazonReason, isAuthorizationLost, toMedusaError } from "../../utils/sp-api-errors"
import type { SyncRunError } from "../../utils/sync-run-reporter"

/**
 * What an Amazon failure inside the import means for the run: a lost authorization pauses the store
 * (markAuthorizationLost) and stops the run — fatal; any other SP-API error costs only the report it
 * happened on. Anything that is not an SP-API error (a bug, the database) is re-thrown.
 */
export async function amazonRunError(
  amazon: AmazonModuleService,
  storeId: string,
  error: unknown,
  action: string,
  where: Record<string, unknown> = {}
): Promise<SyncRunError> {
  if (isAuthorizationLost(error)) {
    const message = await markAuthorizationLost(amazon, storeId, amazonReason(error))
    return { code: "authorization_lost", message, fatal: true, ...where }
  }
  if (error instanceof SpApiError) {
    const mapped = toMedusaError(error, action)
    return { code: "amazon_error", message: mapped instanceof Error ? mapped.message : amazonReason(error), ...where }
  }
  throw error
}

/** "the DE all-listings report" — how messages name a report. */
export function reportLabel(marketplaceId: string, reportType: string, country?: string | null): string {
  const kind = reportType.includes("INACTIVE") ? "inactive-listings" : "all-listings"
  return `the ${country ?? marketplaceId} ${kind} report`
}
