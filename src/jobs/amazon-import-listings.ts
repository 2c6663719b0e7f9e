import type { MedusaContainer } from "@medusajs/framework/types"
import { importAllAmazonListingsWorkflow } from "../workflows/listings-import"

/** Daily: stores with "Import listings" on pick up listings created in Seller Central since the last run. */
export default async function amazonImportListingsJob(container: MedusaContainer) {
  await importAllAmazonListingsWorkflow(container).run()
}

export const config = {
  name: "amazon-import-listings",
  schedule: "43 3 * * *",
}
