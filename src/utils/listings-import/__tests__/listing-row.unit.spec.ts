import { defaultStatusOf, isFulfilledByAmazon, parseAmount, parseQuantity, parseStatus, readListingRow } from "../listing-row"

const cells = (overrides: Record<string, string> = {}) => ({
  "item-name": "Enamel Camping Mug 350 ml, Blue",
  "item-description": "",
  "seller-sku": "DEMO-MUG",
  price: "12.50",
  quantity: "40",
  "product-id-type": "4",
  "product-id": "4012345678901",
  asin1: "B0SANDBX03",
  "fulfillment-channel": "DEFAULT",
  "item-condition": "11",
  status: "Active",
  ...overrides,
})

describe("readListingRow", () => {
  it("reads a merchant-fulfilled row", () => {
    expect(readListingRow(cells(), 4)).toEqual({
      ok: true,
      listing: {
        line: 4,
        sku: "DEMO-MUG",
        asin: "B0SANDBX03",
        title: "Enamel Camping Mug 350 ml, Blue",
        description: null,
        price: 12.5,
        quantity: 40,
        status: "active",
        fulfillment_channel: "DEFAULT",
        condition_type: "new_new",
        product_id_type: "EAN",
        product_id: "4012345678901",
      },
    })
  })

  it.each([
    ["no SKU", { "seller-sku": "  " }, "no_sku", /no seller-sku/],
    ["a price that is not a number", { price: "abc" }, "malformed", /price "abc"/],
    ["a negative quantity", { quantity: "-2" }, "malformed", /quantity "-2"/],
    ["a fractional quantity", { quantity: "1.5" }, "malformed", /whole number/],
    ["a SKU of 41 characters", { "seller-sku": "X".repeat(41) }, "malformed", /41 characters/],
  ])("rejects %s", (_label, overrides, reason, message) => {
    const result = readListingRow(cells(overrides), 9)
    expect(result).toMatchObject({ ok: false, reason })
    expect(!result.ok && result.message).toMatch(message)
  })

  it("keeps FBA rows without quantity, falls back to the SKU as title, takes the ASIN from product-id", () => {
    const result = readListingRow(cells({ quantity: "", "fulfillment-channel": "AMAZON_EU", "item-name": "", asin1: "", "product-id-type": "1", "product-id": "b0sandbx06" }), 2)
    expect(result).toMatchObject({ ok: true, listing: { quantity: null, title: "DEMO-MUG", asin: "B0SANDBX06", product_id_type: "ASIN" } })
    expect(result.ok && isFulfilledByAmazon(result.listing)).toBe(true)
  })

  it.each([
    ["11", "new_new"],
    ["2", "used_very_good"],
    ["4", "used_acceptable"],
    ["10", "refurbished_refurbished"],
    ["6", "collectible_very_good"],
    ["", null],
    ["99", null],
  ])("reads item-condition %j as condition_type %j", (code, condition) => {
    expect(readListingRow(cells({ "item-condition": code }), 2)).toMatchObject({ ok: true, listing: { condition_type: condition } })
  })

  it("reads the fulfillment channel in upper case (DEFAULT merchant, AMAZON_EU FBA)", () => {
    expect(readListingRow(cells({ "fulfillment-channel": "amazon_eu" }), 2)).toMatchObject({ ok: true, listing: { fulfillment_channel: "AMAZON_EU" } })
  })

  it("uses the report's default status when there is no status column", () => {
    const { status: _status, ...withoutStatus } = cells()
    expect(readListingRow(withoutStatus, 2, defaultStatusOf("GET_MERCHANT_LISTINGS_INACTIVE_DATA"))).toMatchObject({ ok: true, listing: { status: "inactive" } })
    expect(readListingRow(withoutStatus, 2, defaultStatusOf("GET_MERCHANT_LISTINGS_ALL_DATA"))).toMatchObject({ ok: true, listing: { status: "active" } })
  })

  it("empty price (incomplete listing) is null, not an error", () => {
    expect(readListingRow(cells({ price: "", status: "Incomplete" }), 2)).toMatchObject({ ok: true, listing: { price: null, status: "incomplete" } })
  })
})

describe("parseStatus / parseAmount / parseQuantity", () => {
  it.each([
    ["Active", "active"],
    ["ACTIVE ", "active"],
    ["Inactive", "inactive"],
    ["Incomplete", "incomplete"],
    ["Suppressed", "inactive"],
    ["", "inactive"],
  ])("status %j → %s", (raw, status) => expect(parseStatus(raw)).toBe(status))

  it.each([
    ["19.99", 19.99],
    ["19,99", 19.99],
    ["1,299.00", 1299],
    ["1.299,00", 1299],
    ["7", 7],
    ["", null],
    ["abc", undefined],
    ["-1.00", undefined],
    ["1e3", undefined],
  ])("amount %j → %p", (raw, value) => expect(parseAmount(raw)).toBe(value))

  it.each([
    ["0", 0],
    ["12", 12],
    ["", null],
    ["-1", undefined],
    ["2.0", undefined],
  ])("quantity %j → %p", (raw, value) => expect(parseQuantity(raw)).toBe(value))
})
