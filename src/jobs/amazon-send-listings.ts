import type { MedusaContainer } from "@medusajs/framework/types"
import { sendQueuedListingChangesWorkflow } from "../workflows/listings"

/** Every minute: whatever events missed is sent, and submitted feeds are read back. */
export default async function amazonSendListingsJob(container: MedusaContainer) {
  await sendQueuedListingChangesWorkflow(container).run({ input: { trigger: "schedule" } })
}

export const config = { name: "amazon-send-listings", schedule: "* * * * *" }
