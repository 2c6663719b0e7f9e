import { model } from "@medusajs/framework/utils"

/**
 * One Medusa fulfillment of the `amazon-mcf` provider and its Amazon Multi-Channel Fulfillment order. The row is
 * written (unique per fulfillment) before createFulfillmentOrder is sent, and carries the id Amazon gets
 * (`seller_fulfillment_order_id` = the Medusa fulfillment id, unique per seller at Amazon), so a sender that
 * died mid-call reads getFulfillmentOrder first and never creates twice. No buyer data is stored here: the
 * address is read from the Medusa order when the order is sent.
 */
const AmazonMcfOrder = model
  .define("amazon_mcf_order", {
    id: model.id({ prefix: "amzmcf" }).primaryKey(),
    store_id: model.text(),
    order_id: model.text(),
    fulfillment_id: model.text(),
    seller_fulfillment_order_id: model.text(),
    marketplace_id: model.text(),
    /** FBA pool key (EU, UK, US, …) of the stock location the fulfillment ships from */
    pool: model.text().nullable(),
    /** Standard | Expedited | Priority */
    shipping_speed: model.text(),
    /**
     * pending: not yet known to reach Amazon; sent: Amazon has it; shipped: Medusa shipment created;
     * unfulfillable: Amazon cannot ship (words in `error`); cancel_requested / cancelled; failed: Amazon refused it
     */
    status: model
      .enum(["pending", "sent", "shipped", "unfulfillable", "cancel_requested", "cancelled", "failed"])
      .default("pending"),
    /** Amazon's FulfillmentOrderStatus as last read (Received, Planning, Processing, Complete, …) */
    amazon_status: model.text().nullable(),
    /** [{ line_item_id, fulfillment_item_id, sku, quantity, title }] */
    items: model.json(),
    /** [{ package_number, carrier_code, tracking_number, tracking_url, status }] */
    tracking: model.json().nullable(),
    /** [{ sku, quantity, unfulfillable_quantity, cancelled_quantity }] when Amazon reported short items */
    unfulfillable: model.json().nullable(),
    /** { code, message } in Amazon's words, or the plugin's own explanation */
    error: model.json().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    last_polled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["fulfillment_id"], unique: true, where: null },
    { on: ["store_id", "status"] },
    { on: ["order_id"] },
  ])

export default AmazonMcfOrder
