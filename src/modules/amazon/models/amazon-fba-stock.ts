import { model } from "@medusajs/framework/utils"

/**
 * What Amazon holds of one seller SKU in one FBA pool, as the last sync read it (getInventorySummaries with
 * details). Medusa's inventory level at the pool's location carries fulfillable (stocked) and inbound
 * (incoming); reserved, unfulfillable and researching have no Medusa field and are kept here. A SKU no
 * Medusa variant carries is kept too (variant_id null), so nothing Amazon stores is lost from view.
 */
const AmazonFbaStock = model
  .define("amazon_fba_stock", {
    id: model.id({ prefix: "amzfbs" }).primaryKey(),
    store_id: model.text(),
    pool: model.text(),
    sku: model.text(),
    asin: model.text().nullable(),
    fnsku: model.text().nullable(),
    variant_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    fulfillable: model.number().default(0),
    inbound_working: model.number().default(0),
    inbound_shipped: model.number().default(0),
    inbound_receiving: model.number().default(0),
    reserved: model.number().default(0),
    unfulfillable: model.number().default(0),
    researching: model.number().default(0),
    /** Amazon's lastUpdatedTime */
    amazon_updated_at: model.dateTime().nullable(),
    synced_at: model.dateTime(),
  })
  .indexes([
    { on: ["store_id", "pool", "sku"], unique: true, where: null },
    { on: ["store_id", "pool", "variant_id"] },
  ])

export default AmazonFbaStock
