import { model } from "@medusajs/framework/utils"

/**
 * Which products go to which marketplace (utils/listings/listing-rules.ts): the first rule by position that
 * matches a product decides; an "include" rule makes its marketplace list only what include rules name.
 */
const AmazonListingRule = model
  .define("amazon_listing_rule", {
    id: model.id({ prefix: "amzlrule" }).primaryKey(),
    store_id: model.text(),
    /** null = every marketplace of the store */
    marketplace_id: model.text().nullable(),
    name: model.text(),
    effect: model.enum(["include", "exclude"]),
    match: model.enum(["collection", "category", "type", "tag", "sales_channel", "all"]),
    /** the Medusa id the rule names (collection, category, type, tag, sales channel); null for "all" */
    value: model.text().nullable(),
    /** lowest first; a marketplace's own rule before a store-wide one at the same position */
    position: model.number().default(0),
  })
  .indexes([{ on: ["store_id", "marketplace_id"] }])

export default AmazonListingRule
