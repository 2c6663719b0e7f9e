import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { syncAllInboundRefunds } from "../utils/refunds-inbound/sync-inbound-refunds"
import { scheduledJobsOff } from "../utils/scheduled-jobs"

/**
 * Every 30 minutes: refunds Amazon made (returns it refunded, Seller Central refunds, A-to-z claims, chargebacks) are
 * read from Finances and recorded in Medusa once per Amazon event; echoes of our own adjustments are matched, not
 * refunded again. Finances posts refunds up to ~48 h late, so more often would only re-read the same window.
 */
export default async function amazonSyncInboundRefundsJob(container: MedusaContainer) {
  await syncAllInboundRefunds(container)
}

export const config = { name: "amazon-sync-inbound-refunds", schedule: "*/30 * * * *" }

// Off under tests (they drive the sync themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
