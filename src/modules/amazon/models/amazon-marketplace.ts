import { model } from "@medusajs/framework/utils"
import AmazonStore from "./amazon-store"

/** A store × marketplace: what to do there, and where each sync has got to. */
const AmazonMarketplace = model
  .define("amazon_marketplace", {
    id: model.id({ prefix: "amzmkt" }).primaryKey(),
    store: model.belongsTo(() => AmazonStore, { mappedBy: "marketplaces" }),
    marketplace_id: model.text(),
    /** from getMarketplaceParticipations; false once the seller left the marketplace */
    is_participating: model.boolean().default(true),
    has_suspended_listings: model.boolean().default(false),
    /** "sell here": the master switch for this marketplace */
    enabled: model.boolean().default(false),
    listings_export: model.boolean().default(true),
    listings_import: model.boolean().default(false),
    include_inactive: model.boolean().default(false),
    orders_import: model.boolean().default(true),
    /** Medusa region whose currency/taxes imported orders use; null = pick by currency */
    region_id: model.text().nullable(),
    /** searchOrders lastUpdatedAfter cursor: advances only after a page is committed */
    orders_cursor: model.dateTime().nullable(),
    /** last successful listings report import */
    listings_imported_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["store_id", "marketplace_id"], unique: true }])

export default AmazonMarketplace
