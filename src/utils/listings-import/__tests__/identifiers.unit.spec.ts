import { identifierField, identifierForms, identifierKey, mappedIdentifier, mappingIsSku } from "../identifiers"
import type { ReportListing } from "../listing-row"

const listing = (overrides: Partial<ReportListing> = {}): ReportListing => ({
  line: 2,
  sku: "DEMO-MUG",
  asin: "B0SANDBX03",
  title: "Mug",
  description: null,
  price: 12.5,
  quantity: 4,
  status: "active",
  fulfillment_channel: "DEFAULT",
  condition_type: "new_new",
  product_id_type: "EAN",
  product_id: "4012345678901",
  ...overrides,
})

describe("identifierField", () => {
  it.each([
    ["barcode", { column: "barcode" }],
    ["sku", { column: "sku" }],
    ["ean", { column: "ean" }],
    ["upc", { column: "upc" }],
    ["metadata.gtin", { metadata_key: "gtin" }],
    ["isbn", { metadata_key: "isbn" }],
  ])("%s → %p", (attribute, field) => expect(identifierField(attribute)).toEqual(field))
})

describe("mappedIdentifier", () => {
  it.each([
    ["EAN", listing(), "4012345678901"],
    ["UPC", listing({ product_id_type: "UPC", product_id: "012345678905" }), "012345678905"],
    ["GTIN", listing({ product_id_type: "ISBN", product_id: "9780306406157" }), "9780306406157"],
    ["EAN", listing({ product_id_type: "ASIN", product_id: "B0SANDBX06" }), null],
    ["EAN", listing({ product_id_type: null, product_id: null }), null],
    ["ASIN", listing(), "B0SANDBX03"],
    ["SKU", listing(), "DEMO-MUG"],
  ] as const)("%s mapping of %p → %p", (type, row, value) => {
    expect(mappedIdentifier(row, { product_id_type: type, product_id_attribute: "barcode" })).toBe(value)
  })

  it("a SKU → sku mapping is the plain SKU lookup", () => {
    expect(mappingIsSku({ product_id_type: "SKU", product_id_attribute: "sku" })).toBe(true)
    expect(mappingIsSku({ product_id_type: "SKU", product_id_attribute: "metadata.amazon_sku" })).toBe(false)
  })
})

describe("identifierKey / identifierForms", () => {
  it("makes UPC-A, its EAN-13 and GTIN-14 equal", () => {
    const keys = ["012345678905", "0012345678905", "00012345678905", " 0-12345-67890-5 "].map((v) => identifierKey("EAN", v))
    expect(new Set(keys)).toEqual(new Set(["12345678905"]))
  })

  it("makes an ISBN-10 equal to its ISBN-13", () => {
    expect(identifierKey("ISBN", "0306406152")).toBe(identifierKey("ISBN", "9780306406157"))
  })

  it("lists the spellings a variant may store", () => {
    expect(identifierForms("UPC", "012345678905").sort()).toEqual(["00012345678905", "0012345678905", "012345678905", "12345678905"].sort())
    expect(identifierForms("ISBN", "9780306406157")).toEqual(expect.arrayContaining(["9780306406157", "09780306406157", "0306406152"]))
    expect(identifierForms("ASIN", "b0sandbx03")).toEqual(["b0sandbx03", "B0SANDBX03"])
    expect(identifierForms("SKU", "abc ")).toEqual(["abc "])
  })
})
