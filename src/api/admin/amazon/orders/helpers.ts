import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { getMarketplace } from "../../../../lib/sp-api/marketplaces"
import { AMAZON_MODULE } from "../../../../modules/amazon"
import type AmazonModuleService from "../../../../modules/amazon/service"

/** What a route may show of an amazon_order: never buyer_data_ciphertext. */
export const AMAZON_ORDER_FIELDS = [
  "id",
  "store_id",
  "marketplace_id",
  "amazon_order_id",
  "order_id",
  "amazon_status",
  "fulfillment_channel",
  "import_status",
  "issues",
  "currency_code",
  "total",
  "items",
  "purchased_at",
  "amazon_updated_at",
  "latest_delivery_at",
  "delivered_at",
  "buyer_data_purged_at",
  "ship_country_code",
  "channel_name",
  "buyer_cancel_request",
  "attempts",
  "next_attempt_at",
  "created_at",
  "updated_at",
  "order.id",
  "order.display_id",
  "order.status",
]

export const AMAZON_SHIPMENT_FIELDS = [
  "id",
  "amazon_order_id",
  "fulfillment_id",
  "package_reference_id",
  "carrier_code",
  "carrier_name",
  "tracking_number",
  "ship_date",
  "items",
  "status",
  "attempts",
  "next_attempt_at",
  "error",
  "confirmed_at",
  "created_at",
]

type ShipmentRow = { amazon_order_id: string; status: string; [key: string]: unknown }

/** The overall confirmation state of an order's packages: failed wins, then waiting, then confirmed. */
export function shipmentStatus(shipments: ShipmentRow[]): "none" | "pending" | "confirmed" | "failed" {
  if (!shipments.length) return "none"
  if (shipments.some((s) => s.status === "failed")) return "failed"
  if (shipments.some((s) => s.status !== "confirmed")) return "pending"
  return "confirmed"
}

/**
 * Orders as the admin reads them: marketplace facts, the Medusa order's number, and their packages'
 * confirmation state (with the packages themselves when asked).
 */
export async function presentAmazonOrders(
  scope: MedusaContainer,
  rows: Array<Record<string, any>>,
  { withShipments = false }: { withShipments?: boolean } = {}
) {
  if (!rows.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: shipments } = await query.graph({
    entity: "amazon_shipment",
    fields: AMAZON_SHIPMENT_FIELDS,
    filters: { store_id: [...new Set(rows.map((r) => r.store_id))], amazon_order_id: rows.map((r) => r.amazon_order_id) },
  })
  const byOrder = new Map<string, ShipmentRow[]>()
  for (const shipment of shipments as ShipmentRow[]) {
    byOrder.set(shipment.amazon_order_id, [...(byOrder.get(shipment.amazon_order_id) ?? []), shipment])
  }
  return rows.map((row) => {
    const own = byOrder.get(row.amazon_order_id) ?? []
    return {
      ...row,
      marketplace: getMarketplace(row.marketplace_id) ?? null,
      shipment_status: shipmentStatus(own),
      ...(withShipments ? { shipments: own } : {}),
    }
  })
}

export async function retrieveAmazonOrderRow(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_order", fields: AMAZON_ORDER_FIELDS, filters: { id } })
  return (data[0] as Record<string, any> | undefined) ?? null
}

export function amazonModule(scope: MedusaContainer) {
  return scope.resolve<AmazonModuleService>(AMAZON_MODULE)
}
