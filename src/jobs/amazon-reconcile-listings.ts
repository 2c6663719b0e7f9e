import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshListingsWorkflow } from "../workflows/listings"

/** Hourly: recompute every listing's desired state — events give latency, this gives correctness. */
export default async function amazonReconcileListingsJob(container: MedusaContainer) {
  await refreshListingsWorkflow(container).run({ input: { all: true } })
}

export const config = { name: "amazon-reconcile-listings", schedule: "23 * * * *" }
