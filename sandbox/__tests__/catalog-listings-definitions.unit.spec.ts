import axios from "axios"
import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"
import { withCheckDigit } from "../gtin"

const DE = DEMO.DE
const ITEM = (sku: string) => `/listings/2021-08-01/items/${DEMO.euSeller}/${encodeURIComponent(sku)}`

describe("sandbox: Catalog Items, Listings Items, Product Type Definitions", () => {
  let t: TestSandbox
  let headers: Record<string, string>
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 1000 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(async () => {
    t.sandbox.control.reset()
    headers = await t.auth()
  })
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  it("finds ASINs by EAN, UPC and ISBN (GTIN-normalised), in one marketplace only", async () => {
    const search = (identifiersType: string, identifiers: string, marketplaceIds: string = DE) =>
      t.http.get("/catalog/2022-04-01/items", { headers, params: { identifiersType, identifiers, marketplaceIds, includedData: "summaries,identifiers,productTypes,dimensions,attributes" } })
    const ean = await search("EAN", "4006381333931,5901234123457,4012345678901,0012345678905,9780306406157,4000000000000")
    expect(ean.status).toBe(200)
    expect(ean.data.items.map((i: { asin: string }) => i.asin)).toEqual(["B0SANDBX01", "B0SANDBX02", "B0SANDBX03", "B0SANDBX05", "0306406152"])
    expect(ean.data.items[0].summaries[0]).toMatchObject({ marketplaceId: DE, itemName: "Organic Cotton T-Shirt, White, S", brand: "Sandbox Apparel" })
    expect(ean.data.items[0].productTypes).toEqual([{ marketplaceId: DE, productType: "SHIRT" }])
    expect(ean.data.items[0].dimensions[0].package.weight).toEqual({ unit: "kilograms", value: 0.2 })
    expect((await search("UPC", "012345678905")).data.items[0].asin).toBe("B0SANDBX05")
    expect((await search("ISBN", "9780306406157")).data.items[0].asin).toBe("0306406152")

    // The NA-only item is not found in Germany, and one marketplace per call.
    const naUpc = withCheckDigit("08123450018") // B0SANDBX18's UPC (seed.ts)
    expect((await search("UPC", naUpc)).data.numberOfResults).toBe(0)
    const us = await t.http.get("/catalog/2022-04-01/items", { headers: await t.auth("na"), params: { identifiersType: "UPC", identifiers: naUpc, marketplaceIds: DEMO.US } })
    expect(us.data.items[0].asin).toBe("B0SANDBX18")
    expect((await search("EAN", "4006381333931", `${DE},${DEMO.UK}`)).status).toBe(400)
    const tooMany = Array.from({ length: 21 }, () => "4006381333931").join(",")
    expect((await search("EAN", tooMany)).status).toBe(400)
  })

  it("gets a catalog item, and searches by keywords with brand refinements", async () => {
    const item = await t.http.get("/catalog/2022-04-01/items/B0SANDBX03", { headers, params: { marketplaceIds: DE, includedData: "summaries,attributes,dimensions" } })
    expect(item.data.attributes.item_package_weight[0]).toMatchObject({ value: 0.3, unit: "kilograms" })
    expect((await t.http.get("/catalog/2022-04-01/items/B0NOPE0000", { headers, params: { marketplaceIds: DE } })).status).toBe(404)
    const kw = await t.http.get("/catalog/2022-04-01/items", { headers, params: { keywords: "mug", marketplaceIds: DE } })
    expect(kw.data.items.map((i: { asin: string }) => i.asin)).toEqual(["B0SANDBX03"])
    expect(kw.data.refinements.brands).toEqual([{ numberOfResults: 1, brandName: "Sandbox Outdoor" }])
  })

  it("puts, patches, reads and deletes a listing; VALIDATION_PREVIEW changes nothing", async () => {
    const body = {
      productType: "PRODUCT",
      requirements: "LISTING_OFFER_ONLY",
      attributes: {
        merchant_suggested_asin: [{ value: "B0SANDBX10", marketplace_id: DE }],
        condition_type: [{ value: "new_new", marketplace_id: DE }],
        purchasable_offer: [{ marketplace_id: DE, currency: "EUR", our_price: [{ schedule: [{ value_with_tax: 21.5 }] }] }],
        fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 4 }],
      },
    }
    const preview = await t.http.put(ITEM("BOTTLE/750"), body, { headers, params: { marketplaceIds: DE, mode: "VALIDATION_PREVIEW", includedData: "identifiers,issues" } })
    expect(preview.data).toMatchObject({ sku: "BOTTLE/750", status: "VALID", identifiers: [{ marketplaceId: DE, asin: "B0SANDBX10" }] })
    expect(t.sandbox.control.getListing(DEMO.euSeller, DE, "BOTTLE/750")).toBeUndefined()

    const put = await t.http.put(ITEM("BOTTLE/750"), body, { headers, params: { marketplaceIds: DE } })
    expect(put.data).toMatchObject({ sku: "BOTTLE/750", status: "ACCEPTED", submissionId: expect.any(String), issues: [] })
    const patch = await t.http.patch(
      ITEM("BOTTLE/750"),
      { productType: "PRODUCT", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity: 0 }] }] },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(patch.data.status).toBe("ACCEPTED")
    const got = await t.http.get(ITEM("BOTTLE/750"), { headers, params: { marketplaceIds: DE, includedData: "summaries,offers,fulfillmentAvailability,attributes,issues,productTypes" } })
    expect(got.data.summaries[0]).toMatchObject({ asin: "B0SANDBX10", status: ["DISCOVERABLE"], productType: "PRODUCT" })
    expect(got.data.offers[0].price).toEqual({ currencyCode: "EUR", amount: "21.50" })
    expect(got.data.fulfillmentAvailability).toEqual([{ fulfillmentChannelCode: "DEFAULT", quantity: 0 }])

    const invalid = await t.http.patch(
      ITEM("BOTTLE/750"),
      { productType: "PRODUCT", patches: [{ op: "replace", path: "/attributes/purchasable_offer", value: [{ marketplace_id: DE, currency: "EUR", our_price: [{ schedule: [{ value_with_tax: -1 }] }] }] }] },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(invalid.data.status).toBe("INVALID")
    expect(invalid.data.issues[0]).toMatchObject({ severity: "ERROR", attributeNames: ["purchasable_offer"] })
    expect(t.sandbox.control.getListing(DEMO.euSeller, DE, "BOTTLE/750")?.price).toBe(21.5)

    expect((await t.http.delete(ITEM("BOTTLE/750"), { headers, params: { marketplaceIds: DE } })).data.status).toBe("ACCEPTED")
    expect((await t.http.get(ITEM("BOTTLE/750"), { headers, params: { marketplaceIds: DE } })).status).toBe(404)
  })

  it("refuses another seller's listings and a missing marketplace", async () => {
    const other = await t.http.get(`/listings/2021-08-01/items/${DEMO.naSeller}/DEMO-CAP`, { headers, params: { marketplaceIds: DEMO.US } })
    expect(other.status).toBe(403)
    expect((await t.http.get(ITEM("DEMO-MUG"), { headers })).status).toBe(400)
  })

  it("searches listings by SKU and by barcode, with pagination", async () => {
    const bySku = await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}`, { headers, params: { marketplaceIds: DE, identifiersType: "SKU", identifiers: "DEMO-MUG,DEMO-BOOK" } })
    expect(bySku.data.items.map((i: { sku: string }) => i.sku).sort()).toEqual(["DEMO-BOOK", "DEMO-MUG"])
    const byEan = await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}`, { headers, params: { marketplaceIds: DE, identifiersType: "EAN", identifiers: "4006381333931" } })
    expect(byEan.data.items.map((i: { sku: string }) => i.sku)).toEqual(["DEMO-TSHIRT-S"])
    const page1 = await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}`, { headers, params: { marketplaceIds: DE, pageSize: 4, sortBy: "sku", sortOrder: "ASC" } })
    expect(page1.data.numberOfResults).toBe(6)
    expect(page1.data.items.map((i: { sku: string }) => i.sku)).toEqual(["AMZ-CANDLE-FIG", "AMZ-SUITCASE-55", "DEMO-BOOK", "DEMO-MUG"])
    const page2 = await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}`, { headers, params: { marketplaceIds: DE, pageSize: 4, sortBy: "sku", sortOrder: "ASC", pageToken: page1.data.pagination.nextToken } })
    expect(page2.data.items.map((i: { sku: string }) => i.sku)).toEqual(["DEMO-TSHIRT-M", "DEMO-TSHIRT-S"])
  })

  it("searches product types and serves a definition whose schema link resolves to a JSON Schema", async () => {
    const search = await t.http.get("/definitions/2020-09-01/productTypes", { headers, params: { marketplaceIds: DE, keywords: "t-shirt" } })
    expect(search.data.productTypes.map((p: { name: string }) => p.name)).toEqual(["SHIRT"])
    const byName = await t.http.get("/definitions/2020-09-01/productTypes", { headers, params: { marketplaceIds: DE, itemName: "Hardside carry-on suitcase" } })
    expect(byName.data.productTypes.map((p: { name: string }) => p.name)).toEqual(["LUGGAGE"])
    const def = await t.http.get("/definitions/2020-09-01/productTypes/LUGGAGE", { headers, params: { marketplaceIds: DE, requirements: "LISTING" } })
    expect(def.data).toMatchObject({ productType: "LUGGAGE", requirements: "LISTING", requirementsEnforced: "ENFORCED", locale: "de_DE", marketplaceIds: [DE] })
    expect(Object.keys(def.data.propertyGroups)).toEqual(expect.arrayContaining(["product_identity", "offer"]))
    const schema = await axios.get(def.data.schema.link.resource)
    expect(schema.data.required).toEqual(expect.arrayContaining(["item_name", "brand", "color", "material", "condition_type"]))
    expect(schema.data.properties.purchasable_offer).toBeDefined()
    const offerOnly = await t.http.get("/definitions/2020-09-01/productTypes/LUGGAGE", { headers, params: { marketplaceIds: DE, requirements: "LISTING_OFFER_ONLY" } })
    expect((await axios.get(offerOnly.data.schema.link.resource)).data.required).toEqual(["condition_type"])
    expect(offerOnly.data.schema.checksum).not.toBe(def.data.schema.checksum)
    expect((await t.http.get("/definitions/2020-09-01/productTypes/SPACESHIP", { headers, params: { marketplaceIds: DE } })).status).toBe(404)
  })
})
