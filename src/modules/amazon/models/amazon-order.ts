import { model } from "@medusajs/framework/utils"

/**
 * An Amazon order as we know it, and the Medusa order it became. The unique
 * (store, amazon_order_id) key is what makes import exactly-once.
 */
const AmazonOrder = model
  .define("amazon_order", {
    id: model.id({ prefix: "amzord" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text(),
    amazon_order_id: model.text().searchable(),
    /**
     * Medusa order (read-only link); null until imported. Written (with import_status "importing") before
     * the order is created, so an import a crash cut short is found and undone on the next run.
     */
    order_id: model.text().nullable(),
    /** Amazon's own status: Pending, Unshipped, PartiallyShipped, Shipped, Canceled … */
    amazon_status: model.text(),
    /** MFN = merchant fulfilled, AFN = Fulfilled by Amazon */
    fulfillment_channel: model.enum(["MFN", "AFN"]).default("MFN"),
    import_status: model
      .enum(["pending", "importing", "imported", "needs_attention", "skipped", "canceled", "failed"])
      .default("pending"),
    /** e.g. [{ code: "unknown_sku", sku: "X-1", message }] — why an order waits */
    issues: model.json().nullable(),
    currency_code: model.text().nullable(),
    total: model.bigNumber().nullable(),
    /** lines without buyer data: [{ order_item_id, sku, asin, quantity, unit_price, … }] */
    items: model.json().nullable(),
    /** charges of the whole order that no item carries: [{ type: "DELIVERY_TIP", amount: "5.00" }] */
    order_charges: model.json().nullable(),
    purchased_at: model.dateTime().nullable(),
    amazon_updated_at: model.dateTime().nullable(),
    latest_delivery_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    /** buyer name/email/phone and shipping address, AES-256-GCM; purged 30 days after delivery */
    buyer_data_ciphertext: model.text().nullable(),
    buyer_data_purged_at: model.dateTime().nullable(),
    /** ISO country of the shipping address: kept after the purge for reporting */
    ship_country_code: model.text().nullable(),
    /** Amazon's salesChannel.channelName: AMAZON, or NON_AMAZON for multi-channel (MCF) orders, which are not imported */
    channel_name: model.text().default("AMAZON"),
    /** the buyer asked Amazon to cancel (CANCELLATION dataset): { reason, order_item_ids } — shown until the order ships or is canceled */
    buyer_cancel_request: model.json().nullable(),
    /** failed or held imports tried so far since the last change; the backoff grows with it */
    attempts: model.number().default(0),
    /** a failed or held row is not tried again before this (exponential backoff); null = due */
    next_attempt_at: model.dateTime().nullable(),
  })
  .indexes([
    // where: null — a soft-deleted row still blocks a second import of the same order
    { on: ["store_id", "amazon_order_id"], unique: true, where: null },
    { on: ["order_id"] },
    { on: ["store_id", "import_status"] },
    { on: ["store_id", "next_attempt_at"] },
  ])

export default AmazonOrder
