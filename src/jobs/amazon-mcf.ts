import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { runMcf } from "../utils/mcf/ledger"
import { scheduledJobsOff } from "../utils/scheduled-jobs"

/**
 * Every 5 minutes: Multi-Channel Fulfillment orders still pending go to Amazon (getFulfillmentOrder first, so a
 * create that reached Amazon is never repeated), sent ones are read back (shipped → Medusa shipment with
 * tracking; unfulfillable → shown on the order), cancellations are retried. 2 rps burst 30 at Amazon.
 */
export default async function amazonMcfJob(container: MedusaContainer) {
  await runMcf(container)
}

export const config = { name: "amazon-mcf", schedule: "*/5 * * * *" }

// Off under tests (they drive runMcf themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
