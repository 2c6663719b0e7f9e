import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { storeSettings } from "../../../utils/orders/store-settings"
import { type ShipmentToQueue, toShipmentConfirmation } from "../../../utils/orders/to-shipment-confirmation"
import { readFulfillment } from "../lib/read-fulfillment"

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
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const none: LoadedFulfillmentShipment = { amazon_order: null, delivered_at: null, shipment: null }
    const read = await readFulfillment(container, input.fulfillment_id)
    if (!read || read.canceled) return new StepResponse(none)
    const [row] = await amazon.listAmazonOrders(
      { order_id: read.order_id },
      { select: ["id", "store_id", "amazon_order_id", "fulfillment_channel"] }
    )
    if (!row) return new StepResponse(none)
    const amazon_order = { id: row.id, store_id: row.store_id, amazon_order_id: row.amazon_order_id, fulfillment_channel: row.fulfillment_channel }
    const delivered_at = read.delivered_at

    const store = await amazon.retrieveAmazonStore(row.store_id, { select: ["id", "settings"] })
    const confirmOn = storeSettings(store.settings).confirm_shipment_on
    const existing = await amazon.listAmazonShipments(
      { store_id: row.store_id, amazon_order_id: row.amazon_order_id },
      { select: ["id", "fulfillment_id", "package_reference_id"], withDeleted: true } as never
    )
    const queued = existing.some((s) => s.fulfillment_id === input.fulfillment_id)
    // a delivery without a shipment first still owes Amazon its confirmation
    const wanted = input.event === confirmOn || input.event === "delivered"
    // made at import for units Amazon already shows shipped (create-shipped-fulfillment): Amazon has the package
    const shippedBeforeImport = read.fulfillment.data?.shipped_outside_medusa === true
    if (queued || !wanted || row.fulfillment_channel !== "MFN" || shippedBeforeImport) return new StepResponse({ amazon_order, delivered_at, shipment: null })

    const shipment = toShipmentConfirmation({
      fulfillment: read.fulfillment,
      amazon_item_ids: read.amazon_item_ids,
      taken_package_reference_ids: existing.map((s) => s.package_reference_id),
    })
    return new StepResponse<LoadedFulfillmentShipment>({ amazon_order, delivered_at, shipment: { ...shipment, fulfillment_id: input.fulfillment_id } })
  }
)
