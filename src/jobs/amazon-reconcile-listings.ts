import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { refreshListingsWorkflow } from "../workflows/listings"

/** Hourly: recompute every listing's desired state — events give latency, this gives correctness. */
export default async function amazonReconcileListingsJob(container: MedusaContainer) {
  await refreshListingsWorkflow(container).run({ input: { all: true } })
}

export const config = { name: "amazon-reconcile-listings", schedule: "23 * * * *" }

// Off under tests unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
