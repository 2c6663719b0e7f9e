import { model } from "@medusajs/framework/utils"

/**
 * A variant as offered in one marketplace of one store. desired_hash is what
 * the listing should be now; sent_hash what Amazon last accepted — they differ
 * exactly when a change is owed.
 */
const AmazonListing = model
  .define("amazon_listing", {
    id: model.id({ prefix: "amzlst" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text(),
    /** Medusa product variant (read-only link); null while an imported listing is unlinked */
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    sku: model.text().searchable(),
    asin: model.text().nullable(),
    product_type: model.text().nullable(),
    /**
     * Amazon's fulfillment channel, as listings import read it: "DEFAULT" = merchant-fulfilled, AMAZON_EU,
     * AMAZON_NA … = FBA (never sent a quantity or DEFAULT). Null = an offer we created (merchant).
     */
    fulfillment_channel: model.text().nullable(),
    /** Amazon's condition_type of the offer (new_new, used_very_good …) from import; null = new_new */
    condition_type: model.text().nullable(),
    /**
     * submitted: in a feed; accepted: Amazon took it (processing report / patch answer) but has not said
     * yet that it is live; active / inactive / incomplete / suppressed: what Amazon's listing says
     * (getListingsItem / searchListingsItems summaries and issues, read back after acceptance and hourly).
     */
    status: model
      .enum(["draft", "pending", "submitted", "accepted", "active", "inactive", "incomplete", "suppressed", "error", "deleted"])
      .default("draft"),
    /** ours ("no barcode", "no ASIN found") and Amazon's, each { source, code, severity, message, field? } */
    issues: model.json().nullable(),
    desired_hash: model.text().nullable(),
    sent_hash: model.text().nullable(),
    /** the state last sent, for dry runs (old → new) */
    sent_state: model.json().nullable(),
    /** price and quantity as Amazon has them (from reports, feeds and fast-path answers) */
    price: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    quantity: model.number().nullable(),
    last_feed_id: model.text().nullable(),
    submitted_at: model.dateTime().nullable(),
    synced_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["store_id", "marketplace_id", "variant_id"], unique: true, where: "variant_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["store_id", "marketplace_id", "sku"], unique: true },
    { on: ["store_id", "status"] },
    { on: ["variant_id"] },
    { on: ["asin"] },
  ])

export default AmazonListing
