import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { importDueAmazonOrdersWorkflow } from "../workflows/orders/import-due-amazon-orders"

/** Every minute: each store whose order import is due by its own interval (default 5 minutes). */
export default async function amazonImportOrdersJob(container: MedusaContainer) {
  await importDueAmazonOrdersWorkflow(container).run({ input: {} })
}

export const config = { name: "amazon-import-orders", schedule: "* * * * *" }

// Off under tests (they drive the workflows themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
