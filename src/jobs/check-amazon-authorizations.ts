import type { MedusaContainer } from "@medusajs/framework/types"
import { checkAmazonAuthorizationsWorkflow } from "../workflows/health"

/** Daily: revoked/expired authorizations pause their store; the last 30 days before expiry carry a reminder. */
export default async function checkAmazonAuthorizationsJob(container: MedusaContainer) {
  await checkAmazonAuthorizationsWorkflow(container).run()
}

export const config = {
  name: "amazon-check-authorizations",
  schedule: "17 4 * * *",
}
