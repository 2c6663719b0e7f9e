import { model } from "@medusajs/framework/utils"

/**
 * The inbox of listings out: one id a catalog or stock event named, committed
 * before the event is acknowledged and deleted once a refresh has covered it,
 * so a worker killed between the two loses nothing (see RefreshBuffer).
 */
const AmazonListingTrigger = model
  .define("amazon_listing_trigger", {
    id: model.id({ prefix: "amztrg" }).primaryKey(),
    /** which refreshListingsWorkflow input the id belongs to */
    kind: model.enum(["variant_ids", "product_ids", "inventory_item_ids", "inventory_level_ids", "reservation_ids"]),
    /** the variant, product, inventory item, inventory level or reservation id */
    entity_id: model.text(),
    /** the drain (process and round) refreshing this id; null while it waits */
    claimed_by: model.text().nullable(),
    /** a claim older than the lease belongs to a dead process and is taken over */
    claimed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["claimed_by"] }])

export default AmazonListingTrigger
