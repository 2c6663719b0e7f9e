import { changeOperation, hashState, planListing, sendability, type ListingContext, type VariantFacts } from "../desired-listing"

const ctx = (overrides: Partial<ListingContext> = {}): ListingContext => ({
  marketplace_id: "A1PA6795UKMFR9",
  currency_code: "eur",
  region_id: null,
  tax: { region_inclusive: null, currency_inclusive: true, marketplace_inclusive: true, rate_percent: 19, country_code: "DE" },
  product_id_type: "EAN",
  product_id_attribute: "barcode",
  settings: { stock_buffer: 0, handling_time_days: 2 },
  category_product_types: new Map(),
  ...overrides,
})

const variant = (overrides: Partial<VariantFacts> = {}, product: Partial<VariantFacts["product"]> = {}): VariantFacts => ({
  id: "variant_1",
  sku: "SKU-1",
  title: "S",
  barcode: "4006381333931",
  ean: null,
  upc: null,
  metadata: null,
  weight: 180,
  manage_inventory: true,
  available: 7,
  prices: [{ amount: 19.99, currency_code: "eur" }],
  ...overrides,
  product: { id: "prod_1", title: "T-Shirt", status: "published", weight: null, category_ids: [], in_sales_channel: true, ...product },
})

describe("planListing", () => {
  it("builds the offer of a complete variant", () => {
    const plan = planListing(variant(), ctx(), null, null)
    expect(plan.issues).toEqual([])
    expect(plan.desired).toEqual({
      sku: "SKU-1",
      marketplace_id: "A1PA6795UKMFR9",
      identifier: { type: "EAN", value: "4006381333931" },
      asin: null,
      product_type: "PRODUCT",
      condition: "new_new",
      price: { amount: 19.99, currency: "EUR" },
      quantity: 7,
      handling_days: 2,
      package_weight_kg: 0.18,
      withdrawn: false,
    })
    expect(plan.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ["no barcode", variant({ barcode: null }), "no_product_id", /has no EAN; set Barcode/],
    ["a wrong check digit", variant({ barcode: "4006381333932" }), "invalid_product_id", /wrong check digit; correct Barcode/],
    ["no price in the currency", variant({ prices: [{ amount: 20, currency_code: "usd" }] }), "no_price", /no EUR price/],
    ["no SKU", variant({ sku: null }), "no_sku", /has no SKU/],
  ])("names the field to fix for %s", (_label, facts, code, message) => {
    const plan = planListing(facts, ctx(), null, null)
    const issue = plan.issues.find((i) => i.code === code)
    expect(issue).toMatchObject({ source: "medusa", severity: "error" })
    expect(issue!.message).toMatch(message)
    expect(sendability(plan, false)).toEqual({ send: false, reason: "blocked" })
  })

  it("reads the product id from a metadata key", () => {
    const plan = planListing(variant({ metadata: { gtin: "00012345678905" } }), ctx({ product_id_type: "GTIN", product_id_attribute: "metadata.gtin" }), null, null)
    expect(plan.desired!.identifier).toEqual({ type: "GTIN", value: "00012345678905" })
  })

  it("does not need an identifier once Amazon told us the ASIN", () => {
    const plan = planListing(variant({ barcode: null }), ctx(), "B0SANDBX01", "SHIRT")
    expect(plan.issues.filter((i) => i.severity === "error")).toEqual([])
    expect(plan.desired).toMatchObject({ asin: "B0SANDBX01", product_type: "SHIRT" })
  })

  it("takes the ASIN straight from the variant when the store matches on ASIN", () => {
    const plan = planListing(variant({ metadata: { asin: "B07XJ8C8F5" } }), ctx({ product_id_type: "ASIN", product_id_attribute: "metadata.asin" }), null, null)
    expect(plan.desired!.asin).toBe("B07XJ8C8F5")
  })

  it("holds back the stock buffer and never goes below zero", () => {
    expect(planListing(variant({ available: 7 }), ctx({ settings: { stock_buffer: 2, handling_time_days: 2 } }), null, null).desired!.quantity).toBe(5)
    const plan = planListing(variant({ available: 1 }), ctx({ settings: { stock_buffer: 2, handling_time_days: 2 } }), null, null)
    expect(plan.desired!.quantity).toBe(0)
    expect(plan.issues.map((i) => i.code)).toEqual(["zero_stock"])
  })

  it("does not offer a new listing with zero stock, but sends zero to an existing offer", () => {
    const plan = planListing(variant({ available: 0 }), ctx(), "B0SANDBX01", null)
    expect(sendability(plan, false)).toEqual({ send: false, reason: "zero_stock" })
    expect(sendability(plan, true)).toEqual({ send: true })
  })

  it("withdraws (quantity 0) an unpublished product or one taken out of the channel", () => {
    for (const product of [{ status: "draft" }, { in_sales_channel: false }]) {
      const plan = planListing(variant({}, product), ctx(), "B0SANDBX01", null)
      expect(plan.desired).toMatchObject({ quantity: 0, withdrawn: true })
      expect(sendability(plan, false)).toEqual({ send: false, reason: "withdrawn" })
      expect(sendability(plan, true)).toEqual({ send: true })
    }
  })

  it("prefers the price of the marketplace's region", () => {
    const facts = variant({ prices: [{ amount: 19.99, currency_code: "eur" }, { amount: 17.5, currency_code: "eur", region_id: "reg_de" }] })
    expect(planListing(facts, ctx({ region_id: "reg_de" }), null, null).desired!.price!.amount).toBe(17.5)
    expect(planListing(facts, ctx({ region_id: "reg_fr" }), null, null).desired!.price!.amount).toBe(19.99)
  })

  it("uses the product type of a mapped category when Amazon gave none", () => {
    const plan = planListing(variant({}, { category_ids: ["pcat_shirts"] }), ctx({ category_product_types: new Map([["pcat_shirts", "SHIRT"]]) }), null, null)
    expect(plan.desired!.product_type).toBe("SHIRT")
  })

  it.each<[string, string | null, string | null, string]>([
    ["a new ASIN takes the category mapping", null, null, "SHIRT"],
    ["an existing ASIN takes its own product type, never the mapping", "B0SANDBX06", "LUGGAGE", "LUGGAGE"],
    ["an existing ASIN of unknown type goes as PRODUCT (offer-only), never the mapping", "B0SANDBX06", null, "PRODUCT"],
  ])("product type: %s", (_label, asin, knownType, expected) => {
    const mapped = ctx({ category_product_types: new Map([["pcat_shirts", "SHIRT"]]) })
    expect(planListing(variant({}, { category_ids: ["pcat_shirts"] }), mapped, asin, knownType).desired!.product_type).toBe(expected)
  })

  it.each<[string, VariantFacts["prices"], Partial<ListingContext>, number | null]>([
    ["a price list's price never reaches Amazon", [{ amount: 9.99, currency_code: "eur", price_list_id: "plist_1" }, { amount: 19.99, currency_code: "eur" }], {}, 19.99],
    ["a customer-group price never either", [{ amount: 9.99, currency_code: "eur", other_rules: ["customer_group_id"] }], {}, null],
    ["a tax-exclusive EUR price gets German VAT", [{ amount: 19.99, currency_code: "eur" }], { tax: { region_inclusive: null, currency_inclusive: false, marketplace_inclusive: true, rate_percent: 19, country_code: "DE" } }, 23.79],
    ["yen are whole", [{ amount: 1999.6, currency_code: "jpy" }], { marketplace_id: "A1VC38T7YXB528", currency_code: "jpy" }, 2000],
  ])("price: %s", (_label, prices, overrides, expected) => {
    expect(planListing(variant({ prices }), ctx(overrides), null, null).desired!.price?.amount ?? null).toBe(expected)
  })

  it("warns that unmanaged inventory is sent as zero", () => {
    const plan = planListing(variant({ manage_inventory: false, available: null }), ctx(), null, null)
    expect(plan.issues.map((i) => i.code)).toContain("stock_not_managed")
    expect(plan.desired!.quantity).toBe(0)
  })
})

describe("hashState", () => {
  it("does not depend on key order", () => {
    expect(hashState({ a: 1, b: { c: 2, d: 3 } })).toBe(hashState({ b: { d: 3, c: 2 }, a: 1 }))
    expect(hashState({ a: 1 })).not.toBe(hashState({ a: 2 }))
  })
})

describe("changeOperation", () => {
  const sent = planListing(variant(), ctx(), "B0SANDBX01", "SHIRT").desired!
  it.each([
    ["a stock change", { quantity: 3 }, "patch"],
    ["a price change", { price: { amount: 18, currency: "EUR" } }, "patch"],
    ["a withdrawal", { quantity: 0, withdrawn: true }, "patch"],
    ["a new identifier", { identifier: { type: "EAN" as const, value: "5901234123457" } }, "update"],
    ["a new product type", { product_type: "HOME" }, "update"],
  ])("%s is a %s", (_label, change, operation) => {
    expect(changeOperation(sent, { ...sent, ...change })).toBe(operation)
  })

  it("a listing never accepted is always a full update", () => {
    expect(changeOperation(null, sent)).toBe("update")
    expect(changeOperation({ ...sent, asin: null }, { ...sent, quantity: 1 })).toBe("update")
  })
})
