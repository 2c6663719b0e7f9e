import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FulfillmentForShipment } from "../../../utils/orders/to-shipment-confirmation"

export type FulfillmentRead = {
  fulfillment: FulfillmentForShipment
  order_id: string
  delivered_at: Date | null
  canceled: boolean
  /** Medusa line item id → Amazon order item id (from the line's metadata, written by the import) */
  amazon_item_ids: Record<string, string | undefined>
}

/**
 * A Medusa fulfillment as confirmShipment needs it, read fresh: labels (tracking), items, carrier hints,
 * dates — and the Amazon item ids of its order's lines. Null when it belongs to no order. Reads only.
 */
export async function readFulfillment(container: MedusaContainer, fulfillmentId: string): Promise<FulfillmentRead | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: [
      "id", "provider_id", "shipped_at", "delivered_at", "created_at", "canceled_at", "data",
      "labels.tracking_number", "items.line_item_id", "items.quantity", "shipping_option.name", "order.id",
    ],
    filters: { id: fulfillmentId },
  })
  const fulfillment = data[0] as (Record<string, any> & { order?: { id: string } | null }) | undefined
  if (!fulfillment?.order?.id) return null
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.metadata"], filters: { id: fulfillment.order.id } })
  const amazon_item_ids: Record<string, string | undefined> = {}
  for (const item of ((orders[0] as { items?: Array<{ id: string; metadata?: Record<string, unknown> | null } | null> })?.items ?? [])) {
    const id = item?.metadata?.amazon_order_item_id
    if (item && typeof id === "string") amazon_item_ids[item.id] = id
  }
  return {
    fulfillment: {
      id: fulfillment.id,
      provider_id: fulfillment.provider_id ?? null,
      shipped_at: fulfillment.shipped_at ?? null,
      created_at: fulfillment.created_at,
      data: fulfillment.data ?? null,
      labels: fulfillment.labels ?? [],
      items: fulfillment.items ?? [],
      shipping_option_name: fulfillment.shipping_option?.name ?? null,
    },
    order_id: fulfillment.order.id,
    delivered_at: fulfillment.delivered_at ? new Date(fulfillment.delivered_at) : null,
    canceled: !!fulfillment.canceled_at,
    amazon_item_ids,
  }
}
