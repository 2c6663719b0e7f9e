import { model } from "@medusajs/framework/utils"

/**
 * A store's exchange-rate table for pricing rules: 1 base = rate quote, as of rate_date. Typed in by hand
 * ("manual") or refreshed from a provider ("ecb"); the rate, its date and source go into every price trace.
 */
const AmazonExchangeRate = model
  .define("amazon_exchange_rate", {
    id: model.id({ prefix: "amzfx" }).primaryKey(),
    store_id: model.text(),
    base_currency: model.text(),
    quote_currency: model.text(),
    rate: model.bigNumber(),
    /** the day the rate is for (YYYY-MM-DD) */
    rate_date: model.text(),
    source: model.text().default("manual"),
  })
  .indexes([{ on: ["store_id", "base_currency", "quote_currency"], unique: true, where: "deleted_at IS NULL" }])

export default AmazonExchangeRate
