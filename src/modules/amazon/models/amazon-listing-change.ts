import { model } from "@medusajs/framework/utils"

/**
 * The outbox: one change owed to Amazon. Written only when a listing's desired
 * hash moves; claimed by a feed or a fast-path call; then accepted, rejected or
 * superseded by a newer change of the same listing.
 */
const AmazonListingChange = model
  .define("amazon_listing_change", {
    id: model.id({ prefix: "amzlch" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text(),
    listing_id: model.text(),
    sku: model.text(),
    /** update: full listing (feed); patch: price/stock only (fast path or feed PATCH); delete */
    operation: model.enum(["update", "patch", "delete"]),
    payload: model.json(),
    /** desired_hash this change brings the listing to */
    hash: model.text(),
    /** held: part of a change set that would zero most of the store's stock — waits for a human (safety hold) */
    status: model.enum(["pending", "held", "claimed", "accepted", "rejected", "superseded"]).default("pending"),
    /** amazon_feed id, or "fast-path" */
    claimed_by: model.text().nullable(),
    claimed_at: model.dateTime().nullable(),
    /** messageId of this change inside its feed document, to read the processing report back */
    feed_message_id: model.number().nullable(),
    attempts: model.number().default(0),
    error: model.json().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["store_id", "status"] },
    { on: ["listing_id", "status"] },
    { on: ["claimed_by"] },
  ])

export default AmazonListingChange
