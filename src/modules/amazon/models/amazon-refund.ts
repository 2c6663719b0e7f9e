import { model } from "@medusajs/framework/utils"

/**
 * The refund ledger: every money movement (and seller cancellation) on an Amazon order, both ways, exactly once.
 *
 * - direction `out`: Medusa → Amazon. A refund the admin asked for (`kind` refund, POST_PAYMENT_ADJUSTMENT_DATA) or a
 *   seller cancellation (`kind` cancel, POST_ORDER_ACKNOWLEDGEMENT_DATA). Status planned → queued → sent →
 *   accepted | rejected. The row is written before createFeed and carries the feed's ids, so a crash after
 *   createFeed never sends a second adjustment; the Medusa refund/cancel is recorded only once Amazon accepted.
 * - direction `in`: Amazon → Medusa (Finances refund events, A-to-z claims, chargebacks). Status `recorded`.
 *
 * `source_ref` is unique per (store, direction): for `out` it is the admin's request key (or a hash of the plan), for
 * `in` it is Amazon's event identity. Amounts are decimal strings in the order's currency (major units).
 */
const AmazonRefund = model
  .define("amazon_refund", {
    id: model.id({ prefix: "amzrf" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text().nullable(),
    direction: model.enum(["in", "out"]),
    /** refund (money back) or cancel (seller cancellation of an unshipped order) */
    kind: model.enum(["refund", "cancel"]).default("refund"),
    source_ref: model.text(),
    amazon_order_id: model.text(),
    medusa_order_id: model.text().nullable(),
    /** the Medusa refund (or, for cancel, nothing) recorded once Amazon accepted — the guard against a second record */
    medusa_refund_id: model.text().nullable(),
    status: model
      .enum(["planned", "queued", "sent", "accepted", "rejected", "recorded", "failed"])
      .default("planned"),
    /**
     * [{ amazon_order_item_id, quantity, principal, tax, shipping, shipping_tax, reason }]
     * (amounts as decimal strings, absent = 0; reason is Amazon's AdjustmentReason / CancelReason code)
     */
    lines: model.json(),
    currency: model.text().nullable(),
    /** sum of every line's components, decimal string */
    amount: model.text().nullable(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
    /** amazon_feed row of the feed carrying this message, then Amazon's feedId and the uploaded document id */
    feed_id: model.text().nullable(),
    amazon_feed_id: model.text().nullable(),
    feed_document_id: model.text().nullable(),
    /** MessageID inside the feed document */
    message_id: model.number().nullable(),
    /** Amazon's own words for a rejection (or warning), from the processing report */
    amazon_message: model.text().nullable(),
    amazon_result_code: model.text().nullable(),
    /** for inbound: Amazon's posted date of the event; for outbound: when Amazon accepted */
    posted_at: model.dateTime().nullable(),
    requested_by: model.text().nullable(),
    /**
     * inbound only: the outbound row (amzrf_…) this Finances event is Amazon's echo of — our own adjustment, posted
     * back. Such a row records no Medusa refund and the planner does not count it (the outbound row already counts).
     */
    echo_of: model.text().nullable(),
    attempts: model.number().default(0),
    error: model.text().nullable(),
  })
  .indexes([
    { on: ["store_id", "direction", "source_ref"], unique: true, where: null },
    { on: ["store_id", "amazon_order_id"] },
    { on: ["medusa_order_id"] },
    { on: ["store_id", "status"] },
    { on: ["feed_id"] },
    { on: ["echo_of"] },
  ])

export default AmazonRefund
