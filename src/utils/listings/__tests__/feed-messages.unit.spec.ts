import Ajv from "ajv"
import addFormats from "ajv-formats"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { planListing, type ListingContext, type VariantFacts } from "../desired-listing"
import { feedDocument, feedMessage, offerPatches, splitIntoFeeds } from "../feed-messages"

const MODELS = process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../../../../shared/amazon-sp-api")
const schemaFile = (name: string) => path.join(MODELS, "schemas/feeds", name)

const ctx: ListingContext = {
  marketplace_id: "A1PA6795UKMFR9",
  currency_code: "eur",
  region_id: null,
  tax: { region_inclusive: null, currency_inclusive: true, marketplace_inclusive: true, rate_percent: 19, country_code: "DE" },
  product_id_type: "EAN",
  product_id_attribute: "barcode",
  settings: { stock_buffer: 0, handling_time_days: 2 },
  category_product_types: new Map(),
}
const facts: VariantFacts = {
  id: "v",
  sku: "SKU-1",
  title: null,
  barcode: "4006381333931",
  ean: null,
  upc: null,
  metadata: null,
  weight: 180,
  manage_inventory: true,
  available: 5,
  prices: [{ amount: 19.99, currency_code: "eur" }],
  product: { id: "p", title: "T", status: "published", weight: null, category_ids: [], in_sales_channel: true },
}
const withAsin = planListing(facts, ctx, "B0SANDBX01", "SHIRT").desired!
const withoutAsin = planListing(facts, ctx, null, null).desired!

describe("feed messages", () => {
  it("offers an existing ASIN with LISTING_OFFER_ONLY and merchant_suggested_asin", () => {
    const message = feedMessage(1, "update", withAsin)
    expect(message).toMatchObject({
      operationType: "UPDATE",
      requirements: "LISTING_OFFER_ONLY",
      productType: "SHIRT",
      attributes: {
        merchant_suggested_asin: [{ value: "B0SANDBX01", marketplace_id: "A1PA6795UKMFR9" }],
        condition_type: [{ value: "new_new", marketplace_id: "A1PA6795UKMFR9" }],
        purchasable_offer: [{ currency: "EUR", our_price: [{ schedule: [{ value_with_tax: 19.99 }] }] }],
        fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 5, lead_time_to_ship_max_days: 2 }],
        item_package_weight: [{ value: 0.18, unit: "kilograms" }],
      },
    })
  })

  it("lists a product without ASIN with its identifier and the mapped attributes", () => {
    const message = feedMessage(2, "update", withoutAsin, { item_name: [{ value: "T", marketplace_id: ctx.marketplace_id }] })
    expect(message).toMatchObject({
      requirements: "LISTING",
      attributes: {
        externally_assigned_product_identifier: [{ type: "ean", value: "4006381333931" }],
        item_name: [{ value: "T" }],
      },
    })
  })

  it("patches price and stock", () => {
    expect(feedMessage(3, "patch", withAsin)).toEqual({
      messageId: 3,
      sku: "SKU-1",
      operationType: "PATCH",
      productType: "SHIRT",
      patches: offerPatches(withAsin),
    })
    expect(offerPatches({ ...withAsin, price: null }).map((p) => p.path)).toEqual(["/attributes/fulfillment_availability"])
  })

  it("splits at 25,000 messages and by size", () => {
    const sizes = [...splitIntoFeeds(Array.from({ length: 60_001 }, (_, i) => ({ i })))].map((b) => b.length)
    expect(sizes).toEqual([25_000, 25_000, 10_001])
    const bySize = [...splitIntoFeeds(Array.from({ length: 10 }, () => ({ pad: "x".repeat(100) })), 25_000, 350)].map((b) => b.length)
    expect(bySize).toEqual([3, 3, 3, 1])
  })

  const describeWithSchema = existsSync(schemaFile("listings-feed-schema-v2.json")) ? describe : describe.skip
  if (!existsSync(schemaFile("listings-feed-schema-v2.json"))) {
    console.warn(`Amazon's feed schema not found at ${MODELS}: schema validation of feed documents skipped`)
  }
  describeWithSchema("against Amazon's JSON_LISTINGS_FEED schema", () => {
    it("every kind of message validates", () => {
      const ajv = new Ajv({ strict: false, allErrors: true })
      addFormats(ajv)
      const message = JSON.parse(readFileSync(schemaFile("listings-feed-message-schema-v2.json"), "utf8"))
      const feed = JSON.parse(readFileSync(schemaFile("listings-feed-schema-v2.json"), "utf8"))
      ajv.addSchema(message)
      const validate = ajv.compile(feed)
      const document = feedDocument("A1SANDBOXSELLER01", [
        feedMessage(1, "update", withAsin),
        feedMessage(2, "update", withoutAsin, { item_name: [{ value: "T", marketplace_id: ctx.marketplace_id }] }),
        feedMessage(3, "patch", withAsin),
        feedMessage(4, "patch", { ...withAsin, quantity: 0, withdrawn: true }),
      ])
      const ok = validate(document)
      expect(validate.errors ?? []).toEqual([])
      expect(ok).toBe(true)
    })
  })
})
