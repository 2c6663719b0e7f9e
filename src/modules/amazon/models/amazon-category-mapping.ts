import { model } from "@medusajs/framework/utils"
import AmazonStore from "./amazon-store"

/** Medusa product category → Amazon product type (for listings that need a new ASIN). */
const AmazonCategoryMapping = model
  .define("amazon_category_mapping", {
    id: model.id({ prefix: "amzcm" }).primaryKey(),
    store: model.belongsTo(() => AmazonStore, { mappedBy: "category_mappings" }),
    category_id: model.text(),
    /** null = every marketplace of the store */
    marketplace_id: model.text().nullable(),
    product_type: model.text(),
  })
  .indexes([{ on: ["store_id", "category_id", "marketplace_id"], unique: true }])

export default AmazonCategoryMapping
