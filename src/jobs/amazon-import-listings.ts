import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { importAllAmazonListingsWorkflow } from "../workflows/listings-import"

/** Daily: stores with "Import listings" on pick up listings created in Seller Central since the last run. */
export default async function amazonImportListingsJob(container: MedusaContainer) {
  await importAllAmazonListingsWorkflow(container).run()
}

export const config = {
  name: "amazon-import-listings",
  schedule: "43 3 * * *",
}

// Off under tests unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
