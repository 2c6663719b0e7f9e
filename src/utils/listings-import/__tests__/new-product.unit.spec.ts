import type { ReportListing } from "../listing-row"
import { assignHandles, handleCandidates, initialStock, newProductInput, slugify } from "../new-product"

const listing = (overrides: Partial<ReportListing> = {}): ReportListing => ({
  line: 7,
  sku: "AMZ-SUITCASE-55",
  asin: "B0SANDBX06",
  title: "Hardside Carry-On Spinner Suitcase 55 cm",
  description: "Four wheels.",
  price: 129,
  quantity: 3,
  status: "active",
  fulfillment_channel: "DEFAULT",
  condition_type: "new_new",
  product_id_type: "ASIN",
  product_id: "B0SANDBX06",
  ...overrides,
})
const context = { marketplace_id: "A1PA6795UKMFR9", currency_code: "EUR", publish: false, sales_channel_id: "sc_1", shipping_profile_id: "sp_1" }

describe("newProductInput", () => {
  it("builds a draft product with one default variant, the price in the marketplace currency and the ASIN in metadata", () => {
    expect(newProductInput(listing(), "hardside-carry-on-spinner-suitcase-55-cm", context)).toEqual({
      title: "Hardside Carry-On Spinner Suitcase 55 cm",
      handle: "hardside-carry-on-spinner-suitcase-55-cm",
      description: "Four wheels.",
      status: "draft",
      options: [{ title: "Default option", values: ["Default option value"] }],
      variants: [
        {
          title: "Hardside Carry-On Spinner Suitcase 55 cm",
          sku: "AMZ-SUITCASE-55",
          manage_inventory: true,
          options: { "Default option": "Default option value" },
          prices: [{ currency_code: "eur", amount: 129 }],
        },
      ],
      sales_channels: [{ id: "sc_1" }],
      shipping_profile_id: "sp_1",
      metadata: { amazon_sku: "AMZ-SUITCASE-55", amazon_marketplace_id: "A1PA6795UKMFR9", amazon_asin: "B0SANDBX06" },
    })
  })

  it("never sets a barcode, even when Amazon's row has one", () => {
    const input = newProductInput(listing({ product_id_type: "EAN", product_id: "4006381333931" }), "h", context)
    expect(JSON.stringify(input)).not.toContain("4006381333931")
  })

  it("publishes when the store says so; no price, no sales channel when there are none", () => {
    const input = newProductInput(listing({ price: null, description: null, asin: null }), "h", { ...context, publish: true, sales_channel_id: null, shipping_profile_id: null })
    expect(input).toMatchObject({ status: "published", variants: [{ prices: [] }], metadata: { amazon_sku: "AMZ-SUITCASE-55" } })
    expect(input).not.toHaveProperty("sales_channels")
    expect(input).not.toHaveProperty("description")
    expect(input.metadata).not.toHaveProperty("amazon_asin")
  })
})

describe("initialStock", () => {
  it("is Amazon's quantity for merchant-fulfilled listings, nothing for FBA", () => {
    expect(initialStock(listing())).toBe(3)
    expect(initialStock(listing({ quantity: 0 }))).toBe(0)
    expect(initialStock(listing({ fulfillment_channel: "AMAZON_EU", quantity: null }))).toBeNull()
  })
})

describe("handles", () => {
  it.each([
    ["Größe M – Über Tasse", "grosse-m-uber-tasse"],
    ["  --Mug!!  ", "mug"],
    ["マグカップ", ""],
  ])("slugify(%j) = %j", (text, slug) => expect(slugify(text)).toBe(slug))

  it("tries the title, then title + SKU, then a hash", () => {
    expect(handleCandidates({ title: "Blue Mug", sku: "MUG/1" })).toEqual(["blue-mug", "blue-mug-mug-1", expect.stringMatching(/^blue-mug-[0-9a-f]{8}$/)])
    expect(handleCandidates({ title: "マグカップ", sku: "JP-1" })).toEqual(["jp-1", expect.stringMatching(/^jp-1-[0-9a-f]{8}$/)])
  })

  it("gives every listing of a batch its own free handle", () => {
    const taken = new Set(["blue-mug"])
    const handles = assignHandles([{ title: "Blue Mug", sku: "A" }, { title: "Blue Mug", sku: "B" }, { title: "Red Mug", sku: "C" }, { title: "Red Mug", sku: "C2" }], taken)
    expect(handles).toEqual(["blue-mug-a", "blue-mug-b", "red-mug", "red-mug-c2"])
    expect(new Set(handles).size).toBe(4)
  })
})
