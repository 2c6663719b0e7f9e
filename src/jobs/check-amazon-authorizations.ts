import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { checkAmazonAuthorizationsWorkflow } from "../workflows/health"

/** Daily: revoked/expired authorizations pause their store; the last 30 days before expiry carry a reminder. */
export default async function checkAmazonAuthorizationsJob(container: MedusaContainer) {
  await checkAmazonAuthorizationsWorkflow(container).run()
}

export const config = {
  name: "amazon-check-authorizations",
  schedule: "17 4 * * *",
}

// Off under tests unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
