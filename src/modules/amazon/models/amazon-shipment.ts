import { model } from "@medusajs/framework/utils"

/** A package to confirm to Amazon with confirmShipment (Orders v0). */
const AmazonShipment = model
  .define("amazon_shipment", {
    id: model.id({ prefix: "amzshp" }).primaryKey(),
    store_id: model.text(),
    amazon_order_id: model.text(),
    /** Medusa fulfillment this package comes from (read-only link) */
    fulfillment_id: model.text(),
    /** positive numeric string, unique per order (confirmShipment's packageReferenceId) */
    package_reference_id: model.text(),
    /** from Amazon's carrier list, or "Other" with carrier_name */
    carrier_code: model.text(),
    carrier_name: model.text().nullable(),
    shipping_method: model.text().nullable(),
    tracking_number: model.text(),
    ship_date: model.dateTime(),
    /** [{ order_item_id, quantity }] */
    items: model.json(),
    status: model.enum(["pending", "sending", "confirmed", "failed"]).default("pending"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    /** Amazon's code and message of the last failure */
    error: model.json().nullable(),
    confirmed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["fulfillment_id"], unique: true },
    { on: ["store_id", "status"] },
    { on: ["store_id", "amazon_order_id"] },
    // two packages of one order can never share a number, even when their events arrive at once (no soft-delete filter)
    { on: ["store_id", "amazon_order_id", "package_reference_id"], unique: true, where: null },
  ])

export default AmazonShipment
