import { model } from "@medusajs/framework/utils"
import AmazonAttributeMapping from "./amazon-attribute-mapping"
import AmazonCategoryMapping from "./amazon-category-mapping"
import AmazonMarketplace from "./amazon-marketplace"

/**
 * One Amazon seller account in one SP-API region. Authorization is regional
 * (notes §3.2), so the marketplaces of the region hang off it.
 */
const AmazonStore = model
  .define("amazon_store", {
    id: model.id({ prefix: "amzst" }).primaryKey(),
    name: model.text().searchable(),
    email: model.text(),
    /** na | eu | fe — derived from the home marketplace at creation */
    region: model.enum(["na", "eu", "fe"]),
    /** the marketplace chosen in "Add Amazon Store"; its Seller Central hosts the consent page */
    marketplace_id: model.text(),
    /** Medusa sales channel listings come from and orders go into (read-only link) */
    sales_channel_id: model.text().nullable(),
    /** Amazon's merchant id, known once connected */
    selling_partner_id: model.text().nullable(),
    status: model.enum(["pending", "connected", "expired", "revoked", "error"]).default("pending"),
    /** why the status is what it is, in words a store owner can act on */
    status_message: model.text().nullable(),
    /**
     * LWA refresh token, AES-256-GCM under AMAZON_ENCRYPTION_KEY (see lib/secret-box.ts).
     * Never selected by a route, never logged.
     */
    refresh_token_ciphertext: model.text().nullable(),
    /**
     * SHA-256 of the pending consent `state` (single use: cleared when the
     * callback consumes it) and when it lapses (10 minutes after authorize).
     */
    oauth_state_hash: model.text().nullable(),
    oauth_state_expires_at: model.dateTime().nullable(),
    authorized_at: model.dateTime().nullable(),
    /** public apps must be re-authorized every 365 days (notes §3.4) */
    authorization_expires_at: model.dateTime().nullable(),
    /** the Amazon identifier listings are matched on */
    product_id_type: model.enum(["ASIN", "EAN", "UPC", "ISBN", "GTIN", "JAN", "SKU"]),
    /**
     * the Medusa variant field that holds it: "sku", "barcode", "ean", "upc",
     * or "metadata.<key>"
     */
    product_id_attribute: model.text(),
    /** order defaults, confirm-shipment trigger, stock buffer, fast path …; see types.ts StoreSettings */
    settings: model.json().nullable(),
    /**
     * Amazon → Medusa refunds: PostedBefore of the last complete listFinancialEvents pass (advanced only after
     * every event of it is in the ledger); the next pass reads from 72 h before it (Amazon posts late).
     */
    finances_cursor: model.dateTime().nullable(),
    finances_synced_at: model.dateTime().nullable(),
    /** why the last Finances pass failed, in words; null after a good one */
    finances_error: model.text().nullable(),
    marketplaces: model.hasMany(() => AmazonMarketplace, { mappedBy: "store" }),
    category_mappings: model.hasMany(() => AmazonCategoryMapping, { mappedBy: "store" }),
    attribute_mappings: model.hasMany(() => AmazonAttributeMapping, { mappedBy: "store" }),
  })
  .cascades({ delete: ["marketplaces", "category_mappings", "attribute_mappings"] })
  .indexes([
    { on: ["status"] },
    { on: ["sales_channel_id"] },
    // One seller account is connected once per region: two stores on the same
    // account would import every order twice.
    { on: ["selling_partner_id", "region"], unique: true, where: "selling_partner_id IS NOT NULL AND deleted_at IS NULL" },
  ])

export default AmazonStore
