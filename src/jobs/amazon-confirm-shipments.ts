import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { confirmDueAmazonShipmentsWorkflow } from "../workflows/shipments/confirm-due-amazon-shipments"

/** Every minute: queued packages, and failed ones past their backoff, go to Amazon's confirmShipment. */
export default async function amazonConfirmShipmentsJob(container: MedusaContainer) {
  await confirmDueAmazonShipmentsWorkflow(container).run({ input: {} })
}

export const config = { name: "amazon-confirm-shipments", schedule: "* * * * *" }

// Off under tests (they drive the workflows themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
