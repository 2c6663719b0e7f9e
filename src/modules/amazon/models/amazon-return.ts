import { model } from "@medusajs/framework/utils"

/**
 * A buyer's return of a merchant-fulfilled Amazon order, from Amazon's returns report
 * (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE), and the Medusa return it became. Unique per (store, Amazon RMA id):
 * every re-read of the report updates the same row, so a return is never made twice.
 *
 * It never moves money: what Amazon refunds for a return comes in as an inbound `amazon_refund` (Finances events).
 * The Medusa return is created without a refund amount and received without one.
 */
const AmazonReturn = model
  .define("amazon_return", {
    id: model.id({ prefix: "amzret" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text(),
    /** Amazon RMA ID (the report's "Amazon RMA ID"): Amazon's identity of the return */
    amazon_rma_id: model.text(),
    amazon_order_id: model.text(),
    /** the imported Medusa order; null while the Amazon order is not (yet) in Medusa */
    medusa_order_id: model.text().nullable(),
    /**
     * [{ sku, asin, quantity, reason, amazon_order_item_id?, medusa_item_id? }] — one per report line; the flat
     * file has no order item id, so the line is matched to the order's item by SKU (the item id is then filled in)
     */
    lines: model.json(),
    /** Amazon's side: authorized (label issued), received (the report's "Return delivery date" is set), rejected */
    status: model.enum(["authorized", "received", "rejected"]).default("authorized"),
    /** the report's "Return request status" as Amazon wrote it (Approved, Closed …) */
    amazon_status: model.text().nullable(),
    /** "Return request date" and "Return delivery date" (dates without time in the report; midnight UTC) */
    requested_at: model.dateTime().nullable(),
    received_at: model.dateTime().nullable(),
    /** "Resolution" (StandardRefund …) and "Refunded Amount" as Amazon reported them — shown, never acted upon */
    resolution: model.text().nullable(),
    refunded_amount: model.text().nullable(),
    currency: model.text().nullable(),
    tracking_id: model.text().nullable(),
    /**
     * The Medusa return. Written right after Medusa opens it, before items are requested; a run cut short in
     * between finds it again by the return's metadata.amazon_return_id.
     */
    medusa_return_id: model.text().nullable(),
    /** where the Medusa return stands: requested (authorized on Amazon), received */
    medusa_status: model.enum(["requested", "received"]).nullable(),
    /** why the row is not (fully) in Medusa yet, in words: unknown order, unknown SKU, more units than shipped … */
    error: model.text().nullable(),
    attempts: model.number().default(0),
    synced_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["store_id", "amazon_rma_id"], unique: true, where: null },
    { on: ["store_id", "amazon_order_id"] },
    { on: ["medusa_order_id"] },
    { on: ["store_id", "status"] },
  ])

export default AmazonReturn
