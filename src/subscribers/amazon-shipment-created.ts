import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { queueAmazonShipmentWorkflow } from "../workflows/shipments/queue-amazon-shipment"

/** A Medusa shipment for an order from Amazon queues its confirmShipment (when the store confirms on shipment). */
export default async function amazonShipmentCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  await queueAmazonShipmentWorkflow(container).run({ input: { fulfillment_id: event.data.id, event: "shipment_created" } })
}

export const config: SubscriberConfig = { event: "shipment.created" }
