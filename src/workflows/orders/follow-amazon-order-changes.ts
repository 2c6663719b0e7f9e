import { emitEventStep, refundPaymentWorkflow, registerOrderFulfillmentStep, registerOrderShipmentStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FollowPlan } from "../../utils/orders/follow-amazon-order"
import { changeOrderQuantitiesStep } from "./steps/change-order-quantities"
import { loadAmazonRefundStep } from "./steps/load-amazon-refund"
import { setLineReservationsStep } from "./steps/set-line-reservations"

export type FollowAmazonOrderChangesInput = { order_id: string; amazon_order_id: string; follow: FollowPlan }

/**
 * An imported order brought to what Amazon says now: lines Amazon canceled or changed get Amazon's
 * quantity (an order edit in the order's history), units the merchant shipped in Seller Central are
 * recorded as fulfilled and shipped — registered only, so no `shipment.created` is emitted and no
 * confirmShipment goes to Amazon for a package Amazon already has —, and the reservations keep exactly
 * what is still to ship; what Amazon refunded for canceled units is recorded as refunded on the payment
 * (Medusa's system provider only). Every step before the refund undoes itself if a later one fails.
 */
export const followAmazonOrderChangesWorkflow = createWorkflow(
  "follow-amazon-order-changes",
  (input: FollowAmazonOrderChangesInput) => {
    when({ input }, ({ input }) => input.follow.quantity_changes.length > 0).then(() => {
      changeOrderQuantitiesStep(
        transform({ input }, ({ input }) => ({
          order_id: input.order_id,
          changes: input.follow.quantity_changes.map((c) => ({ line_item_id: c.line_item_id, from: c.from, to: c.to })),
          note: `Amazon changed order ${input.amazon_order_id}: ${input.follow.quantity_changes
            .map((c) => (c.to === 0 ? `line ${c.order_item_id} canceled` : `line ${c.order_item_id} ${c.from} → ${c.to}`))
            .join(", ")}`,
        }))
      )
    })

    when({ input }, ({ input }) => input.follow.shipped.length > 0).then(() => {
      const shipped = transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        reference: "shipped_in_seller_central",
        description: "Shipped in Seller Central",
        items: input.follow.shipped.map((s) => ({ id: s.line_item_id, quantity: s.quantity })),
      }))
      registerOrderFulfillmentStep(shipped)
      registerOrderShipmentStep(shipped)
    })

    const reserved = setLineReservationsStep(transform({ input }, ({ input }) => ({ changes: input.follow.reservations })))
    emitEventStep({
      eventName: "inventory-item.updated",
      data: transform({ reserved }, ({ reserved }) => reserved.inventory_item_ids.map((id) => ({ id }))),
    }).config({ name: "emit-amazon-followed-stock" })

    // last, as it is not undone: what Amazon refunded for the canceled units, recorded on the payment
    const refund = loadAmazonRefundStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    when({ refund }, ({ refund }) => !!refund.payment_id && refund.amount > 0).then(() => {
      refundPaymentWorkflow.runAsStep({
        input: transform({ refund, input }, ({ refund, input }) => ({
          payment_id: refund.payment_id!,
          amount: refund.amount,
          note: `Amazon refunded the buyer for the canceled units of order ${input.amazon_order_id}`,
        })),
      })
    })

    return new WorkflowResponse(reserved)
  }
)
