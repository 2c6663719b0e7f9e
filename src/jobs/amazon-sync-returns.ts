import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { syncAllStoreReturns } from "../utils/returns/sync-returns"

/**
 * Every 6 hours: each store's returns report (the last 30 days by request date) → amazon_return rows → Medusa returns
 * requested / received. Reports take minutes at Amazon, so more often buys nothing. Never refunds.
 */
export default async function amazonSyncReturnsJob(container: MedusaContainer) {
  await syncAllStoreReturns(container)
}

export const config = { name: "amazon-sync-returns", schedule: "17 */6 * * *" }

// Off under tests (they drive the sync themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
