import {
  completeOrderWorkflow,
  emitEventStep,
  createOrderPaymentCollectionWorkflow,
  markPaymentCollectionAsPaid,
  registerOrderFulfillmentStep,
  registerOrderShipmentStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type CreateMedusaOrderInput, createMedusaOrderStep } from "./steps/create-medusa-order"
import { createShippedFulfillmentStep } from "./steps/create-shipped-fulfillment"
import { importPackageWeightsStep } from "./steps/import-package-weights"
import { recordOrderImportStatusStep } from "./steps/record-order-import-status"
import { reserveOrderInventoryStep } from "./steps/reserve-order-inventory"

/** Emitted for each Amazon order that became a Medusa order (no `order.placed`: Amazon's buyers get no mail from us). */
export const AMAZON_ORDER_IMPORTED = "amazon.order_imported"

/**
 * A new Amazon order as a normal Medusa order: the order (linked to its ledger row in the same step),
 * stock reserved for what the merchant ships, the payment recorded as captured through the store's
 * provider, units Amazon (or the merchant, outside Medusa) already shipped recorded as fulfilled and
 * shipped (as a shipped Medusa fulfillment — an FBA order's at the pool's FBA location — moving no stock), the store's default status, and catalog weights when the store asks for them. Any step
 * failing undoes the ones before; a process killed halfway leaves the row "importing", which the next
 * run undoes and imports again: there is no half-imported order.
 */
export const createMedusaOrderFromAmazonWorkflow = createWorkflow(
  "create-medusa-order-from-amazon",
  (input: CreateMedusaOrderInput) => {
    const order = createMedusaOrderStep(input)

    when({ order }, ({ order }) => order.lines.some((l) => l.reserve_quantity > 0)).then(() => {
      const reservationIds = reserveOrderInventoryStep(
        transform({ order, input }, ({ order, input }) => ({
          order_id: order.order_id,
          location_id: input.context.location_id,
          location_ids: input.context.sales_channel_location_ids,
          lines: order.lines,
        }))
      )
      // as Medusa's checkout does: stock listeners (other channels' quantities) learn of the reservation
      emitEventStep({
        eventName: "reservation-item.created",
        data: transform({ reservationIds, order }, ({ reservationIds, order }) => reservationIds.map((id) => ({ id, order_id: order.order_id }))),
      }).config({ name: "emit-amazon-reservation-created" })
    })

    when({ order }, ({ order }) => order.total > 0).then(() => {
      const collections = createOrderPaymentCollectionWorkflow.runAsStep({
        input: transform({ order }, ({ order }) => ({ order_id: order.order_id, amount: order.total })),
      })
      markPaymentCollectionAsPaid.runAsStep({
        input: transform({ order, collections, input }, ({ order, collections, input }) => ({
          order_id: order.order_id,
          payment_collection_id: collections[0].id,
          provider_id: input.context.payment_provider_id,
        })) as never,
      })
    })

    // Units shipped before the order reached Medusa — by Amazon (FBA) or by the merchant in Seller Central — as a
    // shipped Medusa fulfillment (at the FBA location, or the order's merchant location), moving no stock
    when({ order }, ({ order }) => order.lines.some((l) => l.shipped_quantity > 0)).then(() => {
      const made = createShippedFulfillmentStep(
        transform({ order, input }, ({ order, input }) => ({
          order_id: order.order_id,
          store_id: input.context.store_id,
          marketplace_id: input.context.marketplace_id,
          channel: input.context.channel === "AFN" ? ("AFN" as const) : ("MFN" as const),
          location_id: input.context.location_id,
          lines: order.lines.map((l) => ({ line_item_id: l.line_item_id, quantity: l.shipped_quantity })),
        }))
      )
      const shipped = transform({ order, input, made }, ({ order, input, made }) => ({
        order_id: order.order_id,
        reference: made?.fulfillment_id ? "fulfillment" : input.context.channel === "AFN" ? "amazon_fulfilled" : "shipped_outside_medusa",
        ...(made?.fulfillment_id ? { reference_id: made.fulfillment_id } : {}),
        description: input.context.channel === "AFN" ? "Fulfilled by Amazon" : "Shipped before the order was imported",
        items: order.lines.filter((l) => l.shipped_quantity > 0).map((l) => ({ id: l.line_item_id, quantity: l.shipped_quantity })),
      }))
      registerOrderFulfillmentStep(shipped)
      registerOrderShipmentStep(shipped)
    })

    when({ input }, ({ input }) => input.context.order_status === "completed").then(() => {
      completeOrderWorkflow.runAsStep({
        input: transform({ order }, ({ order }) => ({ orderIds: [order.order_id] })),
      })
    })

    when({ input }, ({ input }) => input.context.import_package_weight).then(() => {
      importPackageWeightsStep(
        transform({ order, input }, ({ order, input }) => ({
          store_id: input.context.store_id,
          marketplace_id: input.context.marketplace_id,
          lines: order.lines.map((l) => ({
            variant_id: l.variant_id,
            asin: input.context.items.find((i) => i.order_item_id === l.order_item_id)?.asin ?? null,
          })),
        }))
      )
    })

    // last: until here the row says "importing", and a crash before this line is undone by the next run
    recordOrderImportStatusStep(
      transform({ input }, ({ input }) => ({ row_id: input.context.row_id, import_status: "imported" as const, issues: null }))
    ).config({ name: "amazon-record-order-imported" })

    emitEventStep({
      eventName: AMAZON_ORDER_IMPORTED,
      data: transform({ order, input }, ({ order, input }) => ({ id: order.order_id, amazon_order_id: input.context.amazon_order_id, store_id: input.context.store_id })),
    }).config({ name: "emit-amazon-order-imported" })

    return new WorkflowResponse(order)
  }
)
