import { model } from "@medusajs/framework/utils"

/**
 * One FBA stock pool of a store (US, CA, EU (pan-European), UK, JP, …) and the Medusa stock location that
 * shows its stock. The location is remembered here by id, so renaming it in Medusa changes nothing, and
 * merchant (MFN) quantities and reservations leave it out by this id whatever the sales-channel links say.
 */
const AmazonFbaPool = model
  .define("amazon_fba_pool", {
    id: model.id({ prefix: "amzfba" }).primaryKey(),
    store_id: model.text(),
    /** pool key from src/utils/fba/pools.ts: US, CA, MX, BR, EU, UK, JP, AU, … */
    pool: model.text(),
    /** the marketplace getInventorySummaries is asked about (Amazon returns the pool's numbers for any of them) */
    reference_marketplace_id: model.text(),
    stock_location_id: model.text(),
    /** last complete pass over every page (levels of SKUs absent from it are set to 0) */
    last_full_sync_at: model.dateTime().nullable(),
    /** startDateTime of the next "changes" pass (the previous pass's start minus a margin) */
    changes_since: model.dateTime().nullable(),
    last_changes_sync_at: model.dateTime().nullable(),
    /** { skus, matched, unknown, fulfillable, inbound, reserved, unfulfillable } of the last pass */
    counts: model.json().nullable(),
    /** seller SKUs Amazon holds in this pool that no Medusa variant carries: [{ sku, asin, fnsku, fulfillable }] */
    unknown_skus: model.json().nullable(),
    /** Amazon's code and message of the last failed pass */
    error: model.json().nullable(),
  })
  .indexes([
    { on: ["store_id", "pool"], unique: true, where: null },
    { on: ["stock_location_id"] },
  ])

export default AmazonFbaPool
