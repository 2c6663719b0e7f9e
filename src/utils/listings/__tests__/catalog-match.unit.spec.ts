import { ambiguousAsinMessage, type CatalogItemLike, matchCatalogItems } from "../catalog-match"
import { checkIdentifier } from "../gtin"

const DE = "A1PA6795UKMFR9"
const JP = "A1VC38T7YXB528"
const item = (asin: string, identifiers: Array<[string, string]>, productType = "SHIRT", marketplaceId = DE, title = `Item ${asin}`): CatalogItemLike => ({
  asin,
  identifiers: [{ marketplaceId, identifiers: identifiers.map(([identifierType, identifier]) => ({ identifierType, identifier })) }],
  productTypes: [{ marketplaceId, productType }],
  summaries: [{ marketplaceId, itemName: title }],
})

describe("matchCatalogItems", () => {
  it.each<[string, Array<{ key: string; type: "EAN" | "UPC" | "JAN"; value: string }>, CatalogItemLike[], string, Record<string, unknown>]>([
    ["one ASIN for the EAN: a match with its product type", [{ key: "c1", type: "EAN", value: "4006381333931" }], [item("B0A", [["EAN", "4006381333931"]])], DE, { c1: { kind: "match", asin: "B0A", product_type: "SHIRT" } }],
    [
      "two ASINs for one EAN: ambiguous, both candidates, never a guess",
      [{ key: "c1", type: "EAN", value: "4006381333931" }],
      [item("B0B", [["EAN", "4006381333931"]], "SHIRT", DE, "Shirt (multipack)"), item("B0A", [["EAN", "4006381333931"]])],
      DE,
      { c1: { kind: "ambiguous", candidates: [{ asin: "B0A", product_type: "SHIRT", title: "Item B0A" }, { asin: "B0B", product_type: "SHIRT", title: "Shirt (multipack)" }] } },
    ],
    ["a UPC-A found under its EAN-13", [{ key: "c1", type: "UPC", value: "012345678905" }], [item("B0U", [["EAN", "0012345678905"]])], DE, { c1: { kind: "match", asin: "B0U", product_type: "SHIRT" } }],
    ["a JAN in Japan", [{ key: "c1", type: "JAN", value: "4901234567894" }], [item("B0J", [["JAN", "4901234567894"]], "HOME", JP)], JP, { c1: { kind: "match", asin: "B0J", product_type: "HOME" } }],
    ["one item listing the barcode twice is one candidate", [{ key: "c1", type: "EAN", value: "4006381333931" }], [item("B0A", [["EAN", "4006381333931"], ["GTIN", "04006381333931"]])], DE, { c1: { kind: "match", asin: "B0A", product_type: "SHIRT" } }],
    ["a barcode Amazon does not know is left out", [{ key: "c1", type: "EAN", value: "5901234123457" }], [item("B0A", [["EAN", "4006381333931"]])], DE, {}],
    ["identifiers of another marketplace do not count", [{ key: "c1", type: "EAN", value: "4006381333931" }], [item("B0A", [["EAN", "4006381333931"]], "SHIRT", JP)], DE, {}],
  ])("%s", (_label, wanted, items, marketplace, expected) => {
    expect(Object.fromEntries(matchCatalogItems(wanted, items, marketplace))).toEqual(expected)
  })

  it("says which ASINs to choose from", () => {
    expect(ambiguousAsinMessage("EAN", "4006381333931", [{ asin: "B0A", product_type: null, title: "Shirt" }, { asin: "B0B", product_type: null, title: null }])).toBe(
      "EAN 4006381333931 matches 2 ASINs in Amazon's catalog: B0A (Shirt), B0B. Choose the one that is this product."
    )
  })
})

describe("JAN product ids", () => {
  it.each([
    ["4901234567894", { ok: true, value: "4901234567894", gtin14: "04901234567894" }],
    ["4901234567895", { ok: false, reason: "JAN 4901234567895 has a wrong check digit" }],
    ["490123456789", { ok: false, reason: "JAN 490123456789 must be 13 digits (or 8 for JAN short codes)" }],
    ["49123456", { ok: true, value: "49123456" }],
    ["4912345-6", { ok: true, value: "49123456" }],
  ])("%s", (raw, expected) => {
    expect(checkIdentifier("JAN", raw)).toMatchObject(expected)
  })
})
