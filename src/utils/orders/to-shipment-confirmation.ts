import { type CarrierHints, mapCarrier } from "./map-carrier"
import { nextPackageReferenceId } from "./package-reference-id"

export type FulfillmentForShipment = {
  id: string
  provider_id: string | null
  shipped_at: Date | string | null
  created_at: Date | string
  data: Record<string, unknown> | null
  labels: Array<{ tracking_number: string | null } | null> | null
  items: Array<{ line_item_id: string | null; quantity: number } | null> | null
  shipping_option_name: string | null
}

export type ShipmentToQueue = {
  package_reference_id: string
  carrier_code: string
  carrier_name: string | null
  shipping_method: string | null
  tracking_number: string
  ship_date: Date
  items: Array<{ order_item_id: string; quantity: number }>
  /** why Amazon cannot be told (no tracking number, items not from Amazon): the shipment is stored as failed with it */
  problem: string | null
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)

/**
 * The package confirmShipment will report for one Medusa fulfillment: Amazon's item ids and quantities,
 * the first label's tracking number, the carrier code checked against Amazon's list, the ship date.
 * `package_reference_id` is the order's next free number (Amazon wants a positive number, unique per order); the
 * database's unique key settles two packages numbered at the same moment.
 */
export function toShipmentConfirmation(input: {
  fulfillment: FulfillmentForShipment
  /** Medusa line item id → Amazon order item id */
  amazon_item_ids: Record<string, string | undefined>
  /** package numbers the order's other packages already have */
  taken_package_reference_ids: ReadonlyArray<string>
}): ShipmentToQueue {
  const { fulfillment } = input
  const data = fulfillment.data ?? {}
  const hints: CarrierHints = {
    carrier: text(data.carrier_code) ?? text(data.carrier) ?? text(data.carrier_name),
    provider_id: fulfillment.provider_id,
    shipping_option_name: fulfillment.shipping_option_name,
  }
  const carrier = mapCarrier(hints)
  const tracking = (fulfillment.labels ?? []).map((label) => text(label?.tracking_number)).find(Boolean) ?? null
  const quantities = new Map<string, number>()
  for (const item of fulfillment.items ?? []) {
    if (!item?.line_item_id || !(item.quantity > 0)) continue
    const amazonId = input.amazon_item_ids[item.line_item_id]
    if (amazonId) quantities.set(amazonId, (quantities.get(amazonId) ?? 0) + Number(item.quantity))
  }
  const items = [...quantities].map(([order_item_id, quantity]) => ({ order_item_id, quantity }))
  const problem = !tracking
    ? "The shipment has no tracking number. Amazon needs one: add it to the shipment's label, then retry."
    : !items.length
      ? "None of the shipment's items came from Amazon, so there is nothing to confirm."
      : null
  return {
    package_reference_id: nextPackageReferenceId(input.taken_package_reference_ids),
    carrier_code: carrier.carrier_code,
    carrier_name: carrier.carrier_name,
    shipping_method: text(data.shipping_method) ?? fulfillment.shipping_option_name ?? null,
    tracking_number: tracking ?? "",
    ship_date: new Date(fulfillment.shipped_at ?? fulfillment.created_at),
    items,
    problem,
  }
}
