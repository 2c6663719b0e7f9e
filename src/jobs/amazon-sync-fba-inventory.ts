import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { syncAllFbaPools } from "../utils/fba/sync"

/**
 * Every 10 minutes: each store's FBA pools — a full pass when the last is an hour old, else what changed
 * since the last pass (startDateTime, 15 minutes of overlap). Reads only; nothing is sent to Amazon.
 */
export default async function amazonSyncFbaInventoryJob(container: MedusaContainer) {
  await syncAllFbaPools(container)
}

export const config = { name: "amazon-sync-fba-inventory", schedule: "*/10 * * * *" }

// Off under tests (they drive the sync themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
