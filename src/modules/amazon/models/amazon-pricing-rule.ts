import { model } from "@medusajs/framework/utils"

/**
 * How one marketplace of a store prices its offers (utils/listings/pricing-rules.ts): source price →
 * ± percent, ± fixed → conversion → rounding → clamp. No row = the marketplace currency's base price as it is.
 */
const AmazonPricingRule = model
  .define("amazon_pricing_rule", {
    id: model.id({ prefix: "amzprule" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text(),
    name: model.text(),
    /** Medusa base price currency to start from (EUR for a EUR store on amazon.co.uk); null = the marketplace's */
    source_currency: model.text().nullable(),
    /** +10 = ten percent more */
    percent: model.bigNumber().default(0),
    /** added after the percent, in the source currency */
    fixed_amount: model.bigNumber().default(0),
    rounding: model.enum(["none", "whole", "ends_99", "ends_95"]).default("none"),
    /** in the marketplace currency */
    min_price: model.bigNumber().nullable(),
    max_price: model.bigNumber().nullable(),
  })
  .indexes([{ on: ["store_id", "marketplace_id"], unique: true, where: "deleted_at IS NULL" }])

export default AmazonPricingRule
