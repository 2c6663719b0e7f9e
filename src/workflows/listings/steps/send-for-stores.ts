import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { sendListingChangesWorkflow } from "../send-listing-changes"

export type SendForStoresInput = {
  /** absent: every connected store with something to send or to read back */
  store_ids?: string[]
  trigger: "schedule" | "event"
  settle_ms?: number
  lock_wait_seconds?: number
}

/**
 * Runs each store's send as its own workflow: one store's failure (or a busy
 * lock: another worker is on it) neither stops nor undoes the others.
 */
export const sendForStoresStep = createStep("amazon-send-listings-for-stores", async (input: SendForStoresInput, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  let storeIds = input.store_ids
  if (!storeIds) {
    const [pending, open] = await Promise.all([
      amazon.listAmazonListingChanges({ status: "pending" }, { select: ["store_id"] }),
      amazon.listAmazonFeeds({ status: ["submitted", "in_queue", "in_progress"] }, { select: ["store_id"] }),
    ])
    storeIds = [...new Set([...pending, ...open].map((row) => row.store_id))]
  }
  const connected = await amazon.listAmazonStores({ id: storeIds, status: "connected" }, { select: ["id"] })
  const ran: string[] = []
  for (const store of connected) {
    const { errors } = await sendListingChangesWorkflow(container).run({
      input: { store_id: store.id, trigger: input.trigger, settle_ms: input.settle_ms, lock_wait_seconds: input.lock_wait_seconds },
      throwOnError: false,
    })
    if (!errors?.length) ran.push(store.id)
  }
  return new StepResponse({ stores: ran })
})
