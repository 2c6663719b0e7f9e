import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { purgeAmazonBuyerDataWorkflow } from "../workflows/buyer-data/purge-amazon-buyer-data"

/** Daily: Amazon buyers' personal data is removed 30 days after delivery (Data Protection Policy). */
export default async function amazonPurgeBuyerDataJob(container: MedusaContainer) {
  await purgeAmazonBuyerDataWorkflow(container).run({ input: { limit: 10_000 } })
}

export const config = { name: "amazon-purge-buyer-data", schedule: "43 3 * * *" }

// Off under tests (they drive the workflows themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
