import type { MedusaContainer } from "@medusajs/framework/types"
import { defineFileConfig } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../modules/amazon"
import type AmazonModuleService from "../modules/amazon/service"
import { scheduledJobsOff } from "../utils/scheduled-jobs"
import { runAmazonOrderFeeds } from "../workflows/order-feeds/order-feeds"

/** Every minute: queued refunds and cancellations go to Amazon in one XML feed per store, type and marketplace; results are read. */
export default async function amazonOrderFeedsJob(container: MedusaContainer) {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const open = await amazon.listAmazonRefunds({ direction: "out", status: ["queued", "sent"] }, { select: ["store_id"] })
  const unrecorded = await amazon.listAmazonRefunds({ direction: "out", status: "accepted", medusa_refund_id: null }, { select: ["store_id"] })
  for (const storeId of new Set([...open, ...unrecorded].map((r) => r.store_id))) {
    const result = await runAmazonOrderFeeds(container, storeId).catch((error: unknown) => ({ errors: [error instanceof Error ? error.message : String(error)] }))
    for (const message of result.errors) container.resolve("logger").warn(`[amazon] refunds/cancellations of store ${storeId}: ${message}`)
  }
}

export const config = { name: "amazon-order-feeds", schedule: "* * * * *" }

// Off under tests (they drive the sender themselves) unless AMAZON_SCHEDULED_JOBS=on; AMAZON_SCHEDULED_JOBS=off anywhere.
defineFileConfig({ isDisabled: () => scheduledJobsOff() })
