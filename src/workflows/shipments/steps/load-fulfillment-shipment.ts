import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { storeSettings } from "../../../utils/orders/store-settings"
import { type FulfillmentForShipment, type ShipmentToQueue, toShipmentConfirmation } from "../../../utils/orders/to-shipment-confirmation"

export type FulfillmentEvent = "shipment_created" | "delivered"

export type LoadedFulfillmentShipment = {
  /** the ledger row of the Amazon order, null when the order did not come from Amazon */
  amazon_order: { id: string; store_id: string; amazon_order_id: string; fulfillment_channel: string } | null
  delivered_at: Date | null
  /** the package to queue, or null: not an Amazon order, already queued, or the store confirms on the other event */
  shipment: (ShipmentToQueue & { fulfillment_id: string }) | null
}

/**
 * What a Medusa shipment (or delivery) means for Amazon: whether its order came from Amazon, and the
 * package confirmShipment will report, if the store confirms on this event. Reads only.
 */
export const loadFulfillmentShipmentStep = createStep(
  "amazon-load-fulfillment-shipment",
  async (input: { fulfillment_id: string; event: FulfillmentEvent }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const none: LoadedFulfillmentShipment = { amazon_order: null, delivered_at: null, shipment: null }
    const { data } = await query.graph({
      entity: "fulfillment",
      fields: [
        "id", "provider_id", "shipped_at", "delivered_at", "created_at", "canceled_at", "data",
        "labels.tracking_number", "items.line_item_id", "items.quantity", "shipping_option.name", "order.id",
      ],
      filters: { id: input.fulfillment_id },
    })
    const fulfillment = data[0] as (Record<string, any> & { order?: { id: string } | null }) | undefined
    if (!fulfillment?.order?.id || fulfillment.canceled_at) return new StepResponse(none)
    const [row] = await amazon.listAmazonOrders(
      { order_id: fulfillment.order.id },
      { select: ["id", "store_id", "amazon_order_id", "fulfillment_channel"] }
    )
    if (!row) return new StepResponse(none)
    const amazon_order = { id: row.id, store_id: row.store_id, amazon_order_id: row.amazon_order_id, fulfillment_channel: row.fulfillment_channel }
    const delivered_at = fulfillment.delivered_at ? new Date(fulfillment.delivered_at) : null

    const store = await amazon.retrieveAmazonStore(row.store_id, { select: ["id", "settings"] })
    const confirmOn = storeSettings(store.settings).confirm_shipment_on
    const [existing, count] = await amazon.listAndCountAmazonShipments(
      { store_id: row.store_id, amazon_order_id: row.amazon_order_id },
      { select: ["id", "fulfillment_id"] }
    )
    const queued = existing.some((s) => s.fulfillment_id === fulfillment.id)
    // a delivery without a shipment first still owes Amazon its confirmation
    const wanted = input.event === confirmOn || input.event === "delivered"
    if (queued || !wanted || row.fulfillment_channel !== "MFN") return new StepResponse({ amazon_order, delivered_at, shipment: null })

    const { data: orders } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.metadata"], filters: { id: fulfillment.order.id } })
    const amazonItemIds: Record<string, string | undefined> = {}
    for (const item of ((orders[0] as { items?: Array<{ id: string; metadata?: Record<string, unknown> | null } | null> })?.items ?? [])) {
      const id = item?.metadata?.amazon_order_item_id
      if (item && typeof id === "string") amazonItemIds[item.id] = id
    }
    const shipment = toShipmentConfirmation({
      fulfillment: {
        id: fulfillment.id,
        provider_id: fulfillment.provider_id ?? null,
        shipped_at: fulfillment.shipped_at ?? null,
        created_at: fulfillment.created_at,
        data: fulfillment.data ?? null,
        labels: fulfillment.labels ?? [],
        items: fulfillment.items ?? [],
        shipping_option_name: fulfillment.shipping_option?.name ?? null,
      } satisfies FulfillmentForShipment,
      amazon_item_ids: amazonItemIds,
      shipments_so_far: count,
    })
    return new StepResponse<LoadedFulfillmentShipment>({ amazon_order, delivered_at, shipment: { ...shipment, fulfillment_id: fulfillment.id } })
  }
)
