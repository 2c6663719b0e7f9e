import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelMcfOrder, recordMcfFulfillment, sendMcfOrder } from "../utils/mcf/ledger"

/**
 * A fulfillment of the amazon-mcf provider: its ledger row is written (once), then sent to Amazon right away;
 * the amazon-mcf job retries what could not be sent. A cancelled one is cancelled at Amazon.
 */
export default async function amazonMcfFulfillment({ event, container }: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  if (event.name === "order.fulfillment_canceled") {
    await cancelMcfOrder(container, event.data.fulfillment_id)
    return
  }
  const row = await recordMcfFulfillment(container, event.data)
  if (row?.status === "pending") await sendMcfOrder(container, row)
}

export const config: SubscriberConfig = { event: ["order.fulfillment_created", "order.fulfillment_canceled"] }
