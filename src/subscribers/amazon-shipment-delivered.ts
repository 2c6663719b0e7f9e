import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { queueAmazonShipmentWorkflow } from "../workflows/shipments/queue-amazon-shipment"

/** A delivery starts the 30 days of buyer data, and queues confirmShipment for stores that confirm on delivery. */
export default async function amazonShipmentDelivered({ event, container }: SubscriberArgs<{ id: string }>) {
  await queueAmazonShipmentWorkflow(container).run({ input: { fulfillment_id: event.data.id, event: "delivered" } })
}

export const config: SubscriberConfig = { event: "delivery.created" }
