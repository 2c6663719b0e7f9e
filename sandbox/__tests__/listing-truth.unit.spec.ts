import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"
import { withCheckDigit } from "../gtin"

const DE = DEMO.DE
const ITEM = (sku: string) => `/listings/2021-08-01/items/${DEMO.euSeller}/${encodeURIComponent(sku)}`
const offer = { condition_type: [{ value: "new_new", marketplace_id: DE }], purchasable_offer: [{ marketplace_id: DE, currency: "EUR", our_price: [{ schedule: [{ value_with_tax: 20 }] }] }], fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 3 }] }

/** Amazon's rules the plugin must meet on a real account: the sandbox refuses what Amazon refuses. */
describe("sandbox: product types, language tags, ambiguous barcodes, suppression", () => {
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

  it("refuses an offer on an existing ASIN under another product type, takes PRODUCT or the ASIN's own", async () => {
    const body = (productType: string) => ({ productType, requirements: "LISTING_OFFER_ONLY", attributes: { merchant_suggested_asin: [{ value: "B0SANDBX10", marketplace_id: DE }], ...offer } })
    const wrong = await t.http.put(ITEM("BOTTLE-1"), body("LUGGAGE"), { headers, params: { marketplaceIds: DE } })
    expect(wrong.data.status).toBe("INVALID")
    expect(wrong.data.issues[0].message).toMatch(/'LUGGAGE' does not match the product type 'KITCHEN' of ASIN B0SANDBX10/)
    for (const type of ["PRODUCT", "KITCHEN"]) {
      expect((await t.http.put(ITEM(`BOTTLE-${type}`), body(type), { headers, params: { marketplaceIds: DE } })).data.status).toBe("ACCEPTED")
    }
  })

  it("refuses text attributes without language_tag; VALIDATION_PREVIEW says so without changing anything", async () => {
    const ean = withCheckDigit("400638133399")
    const attributes = (tag: boolean) => ({
      item_name: [{ value: "Neues Produkt", marketplace_id: DE, ...(tag ? { language_tag: "de_DE" } : {}) }],
      brand: [{ value: "Sandbox", marketplace_id: DE, ...(tag ? { language_tag: "de_DE" } : {}) }],
      externally_assigned_product_identifier: [{ type: "ean", value: ean, marketplace_id: DE }],
      ...offer,
    })
    const preview = await t.http.put(ITEM("NEW-1"), { productType: "PRODUCT", requirements: "LISTING", attributes: attributes(false) }, { headers, params: { marketplaceIds: DE, mode: "VALIDATION_PREVIEW" } })
    expect(preview.data.status).toBe("INVALID")
    expect(preview.data.issues.map((i: { message: string }) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/'item_name' requires 'language_tag'/), expect.stringMatching(/'brand' requires 'language_tag'/)])
    )
    expect(t.sandbox.control.getListing(DEMO.euSeller, DE, "NEW-1")).toBeUndefined()
    const good = await t.http.put(ITEM("NEW-1"), { productType: "PRODUCT", requirements: "LISTING", attributes: attributes(true) }, { headers, params: { marketplaceIds: DE, mode: "VALIDATION_PREVIEW" } })
    expect(good.data.status).toBe("VALID")
    expect(t.sandbox.control.getListing(DEMO.euSeller, DE, "NEW-1")).toBeUndefined()
  })

  it("answers both ASINs of a shared barcode and refuses to guess between them", async () => {
    const ean = withCheckDigit("426098765099")
    t.sandbox.control.addCatalogItems([
      { asin: "B0DUPE0001", title: "Mug, single", brand: "Sandbox Kitchen", identifiers: { EAN: [ean] }, productType: "KITCHEN" },
      { asin: "B0DUPE0002", title: "Mug, 2-pack", brand: "Sandbox Kitchen", identifiers: { EAN: [ean] }, productType: "KITCHEN" },
    ])
    const search = await t.http.get("/catalog/2022-04-01/items", { headers, params: { marketplaceIds: DE, identifiers: ean, identifiersType: "EAN", includedData: "identifiers,summaries" } })
    expect(search.data.items.map((i: { asin: string }) => i.asin).sort()).toEqual(["B0DUPE0001", "B0DUPE0002"])
    const byBarcode = await t.http.put(
      ITEM("MUG-1"),
      { productType: "PRODUCT", requirements: "LISTING_OFFER_ONLY", attributes: { externally_assigned_product_identifier: [{ type: "ean", value: ean, marketplace_id: DE }], ...offer } },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(byBarcode.data.status).toBe("INVALID")
    expect(byBarcode.data.issues[0].message).toMatch(/matches more than one ASIN \(B0DUPE0001, B0DUPE0002\)/)
    const chosen = await t.http.put(
      ITEM("MUG-1"),
      { productType: "PRODUCT", requirements: "LISTING_OFFER_ONLY", attributes: { merchant_suggested_asin: [{ value: "B0DUPE0002", marketplace_id: DE }], ...offer } },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(chosen.data.status).toBe("ACCEPTED")
  })

  it("finds a Japanese product by its JAN", async () => {
    const jan = withCheckDigit("490123456789")
    t.sandbox.control.addCatalogItems([{ asin: "B0JAN00001", title: "お茶", brand: "Sandbox JP", identifiers: { JAN: [jan] }, productType: "PRODUCT", marketplaceId: "A1VC38T7YXB528" }])
    const search = await t.http.get("/catalog/2022-04-01/items", { headers, params: { marketplaceIds: "A1VC38T7YXB528", identifiers: jan, identifiersType: "JAN", includedData: "identifiers" } })
    expect(search.data.items.map((i: { asin: string }) => i.asin)).toEqual(["B0JAN00001"])
  })

  it("accepts a new product without main image but suppresses it until the image comes", async () => {
    const ean = withCheckDigit("400638133398")
    const put = await t.http.put(
      ITEM("NO-IMAGE"),
      {
        productType: "PRODUCT",
        requirements: "LISTING",
        attributes: {
          item_name: [{ value: "Ohne Bild", language_tag: "de_DE", marketplace_id: DE }],
          brand: [{ value: "Sandbox", language_tag: "de_DE", marketplace_id: DE }],
          externally_assigned_product_identifier: [{ type: "ean", value: ean, marketplace_id: DE }],
          ...offer,
        },
      },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(put.data.status).toBe("ACCEPTED")
    const read = async () =>
      (await t.http.get("/listings/2021-08-01/items/" + DEMO.euSeller, { headers, params: { marketplaceIds: DE, identifiers: "NO-IMAGE", identifiersType: "SKU", includedData: "summaries,issues" } })).data.items[0]
    const suppressed = await read()
    expect(suppressed.summaries[0].status).toEqual([])
    expect(suppressed.issues).toEqual([
      expect.objectContaining({ code: "18448", enforcements: { actions: [{ action: "LISTING_SUPPRESSED" }], exemption: { status: "NOT_EXEMPT" } } }),
    ])
    const patch = (path: string, value: unknown[]) => t.http.patch(ITEM("NO-IMAGE"), { productType: "PRODUCT", patches: [{ op: "replace", path, value }] }, { headers, params: { marketplaceIds: DE } })
    expect((await patch("/attributes/fulfillment_availability", [{ fulfillment_channel_code: "DEFAULT", quantity: 5 }])).data.status).toBe("ACCEPTED")
    expect((await read()).summaries[0].status).toEqual([]) // a stock change does not lift it
    expect((await patch("/attributes/main_product_image_locator", [{ media_location: "https://example.com/a.jpg", marketplace_id: DE }])).data.status).toBe("ACCEPTED")
    const live = await read()
    expect(live.summaries[0].status).toEqual(["BUYABLE", "DISCOVERABLE"])
    expect(live.issues).toEqual([])
  })
})
