import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { listingRefreshBuffer, sendQueuedListingChangesWorkflow } from "../workflows/listings"

/**
 * Every minute: event ids a killed process saved but never refreshed are refreshed (by whichever process runs
 * this), whatever events missed is sent, and submitted feeds are read back.
 */
export default async function amazonSendListingsJob(container: MedusaContainer) {
  await listingRefreshBuffer.flush(container)
  await sendQueuedListingChangesWorkflow(container).run({ input: { trigger: "schedule" } })
}

export const config = { name: "amazon-send-listings", schedule: "* * * * *" }

// Off under tests unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
