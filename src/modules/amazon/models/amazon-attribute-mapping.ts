import { model } from "@medusajs/framework/utils"
import AmazonStore from "./amazon-store"

/** Amazon attribute ← Medusa source, per product type. */
const AmazonAttributeMapping = model
  .define("amazon_attribute_mapping", {
    id: model.id({ prefix: "amzam" }).primaryKey(),
    store: model.belongsTo(() => AmazonStore, { mappedBy: "attribute_mappings" }),
    product_type: model.text(),
    /** Amazon attribute name from the product type definition, e.g. "color" */
    attribute: model.text(),
    /** field: product/variant field; option: variant option title; metadata: metadata key; constant: literal */
    source_type: model.enum(["field", "option", "metadata", "constant"]),
    source_value: model.text(),
    marketplace_id: model.text().nullable(),
  })
  .indexes([{ on: ["store_id", "product_type", "attribute", "marketplace_id"], unique: true }])

export default AmazonAttributeMapping
