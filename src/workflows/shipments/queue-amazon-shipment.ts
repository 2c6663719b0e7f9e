import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAmazonShipmentStep } from "./steps/create-amazon-shipment"
import { type FulfillmentEvent, loadFulfillmentShipmentStep } from "./steps/load-fulfillment-shipment"
import { recordOrderDeliveryStep } from "./steps/record-order-delivery"

export type QueueAmazonShipmentInput = { fulfillment_id: string; event: FulfillmentEvent }

/**
 * A Medusa shipment was created (or delivered) for an order from Amazon: queue its package for
 * confirmShipment (the store setting says on which of the two), and note deliveries for the buyer data
 * purge. Orders that did not come from Amazon pass through untouched.
 */
export const queueAmazonShipmentWorkflow = createWorkflow("queue-amazon-shipment", (input: QueueAmazonShipmentInput) => {
  const loaded = loadFulfillmentShipmentStep(input)

  when({ loaded }, ({ loaded }) => !!loaded.amazon_order && !!loaded.delivered_at).then(() => {
    recordOrderDeliveryStep(
      transform({ loaded }, ({ loaded }) => ({ row_id: loaded.amazon_order!.id, delivered_at: loaded.delivered_at! }))
    )
  })

  const shipment = when({ loaded }, ({ loaded }) => !!loaded.shipment).then(() =>
    createAmazonShipmentStep(
      transform({ loaded }, ({ loaded }) => ({
        ...loaded.shipment!,
        store_id: loaded.amazon_order!.store_id,
        amazon_order_id: loaded.amazon_order!.amazon_order_id,
      }))
    )
  )
  return new WorkflowResponse(transform({ shipment }, ({ shipment }) => shipment ?? null))
})
