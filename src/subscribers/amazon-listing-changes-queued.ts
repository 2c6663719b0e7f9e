import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendQueuedListingChangesWorkflow } from "../workflows/listings"

/** New changes are waiting: send them now instead of at the next minute (a 2 s pause merges bursts). */
export default async function amazonListingChangesQueued({ event, container }: SubscriberArgs<{ store_ids: string[] }>) {
  await sendQueuedListingChangesWorkflow(container).run({
    input: {
      store_ids: event.data.store_ids,
      trigger: "event",
      settle_ms: Number(process.env.AMAZON_LISTINGS_SETTLE_MS ?? 2000),
      lock_wait_seconds: 30,
    },
  })
}

export const config: SubscriberConfig = { event: "amazon.listing_changes_queued" }
