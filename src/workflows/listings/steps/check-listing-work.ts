import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/** Whether a store has changes to send or feeds to read back — a send with nothing to do records no run. */
export const checkListingWorkStep = createStep("amazon-check-listing-work", async (storeId: string, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const [[, pending], [, open]] = await Promise.all([
    amazon.listAndCountAmazonListingChanges({ store_id: storeId, status: "pending" }, { select: ["id"], take: 1 }),
    amazon.listAndCountAmazonFeeds({ store_id: storeId, status: ["submitted", "in_queue", "in_progress"] }, { select: ["id"], take: 1 }),
  ])
  return new StepResponse(pending + open > 0)
})
