import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const DE = DEMO.DE
const SELLER = DEMO.euSeller
const ITEM = (sku: string) => `/listings/2021-08-01/items/${SELLER}/${encodeURIComponent(sku)}`

/**
 * The sandbox plays what Amazon does to a real seller's offers, so a connector that sends more than it means
 * to fails a test: UPDATE replaces every attribute, PARTIAL_UPDATE replaces the attributes it names, PATCH
 * replaces whole attributes; a DEFAULT entry converts an FBA offer; a new SKU on an ASIN the seller already
 * offers is a second offer; every accepted change is in the listing history.
 */
describe("sandbox: a real seller's offers", () => {
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

  const seed = () => t.sandbox.control.seedRealSeller({ sellerId: SELLER, marketplaceId: DE }).offers
  const attributes = async (sku: string) =>
    (await t.http.get(ITEM(sku), { headers, params: { marketplaceIds: DE, includedData: "attributes,summaries" } })).data
  const history = (sku: string) => t.sandbox.control.listingHistory({ sellerId: SELLER, sku })

  it("seeds MFN, FBA, used, B2B, repriced and on-sale offers with everything a seller sets", async () => {
    const offers = seed()
    expect(offers.map((o) => o.kind)).toEqual(["mfn_new", "afn", "used", "b2b", "repriced", "sale"])
    const b2b = await attributes("RS-B2B")
    expect(b2b.attributes.purchasable_offer.map((o: { audience: string }) => o.audience)).toEqual(["ALL", "B2B"])
    expect(b2b.attributes.merchant_shipping_group).toBeDefined()
    expect((await attributes("RS-USED")).summaries[0].conditionType).toBe("used_very_good")
    expect(t.sandbox.control.getListing(SELLER, DE, "RS-AFN")!.fulfillmentChannel).toBe("AMAZON_EU")
  })

  it("UPDATE replaces every attribute: the shipping template, list price and B2B price are gone, and the history shows it", async () => {
    seed()
    const res = await t.http.put(
      ITEM("RS-B2B"),
      {
        productType: "HOME",
        requirements: "LISTING_OFFER_ONLY",
        attributes: {
          merchant_suggested_asin: [{ value: "B0REAL0004", marketplace_id: DE }],
          condition_type: [{ value: "new_new", marketplace_id: DE }],
          purchasable_offer: [{ marketplace_id: DE, currency: "EUR", audience: "ALL", our_price: [{ schedule: [{ value_with_tax: 49.99 }] }] }],
          fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 10 }],
        },
      },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(res.data.status).toBe("ACCEPTED")
    const [entry] = history("RS-B2B")
    expect(entry).toMatchObject({ operationType: "UPDATE", kind: "changed" })
    expect(Object.keys(entry.changes).sort()).toEqual(["fulfillment_availability", "item_name", "merchant_shipping_group", "purchasable_offer"])
    expect(entry.changes.merchant_shipping_group.after).toBeUndefined()
  })

  it("PARTIAL_UPDATE (feed) replaces only the attributes it names; PATCH replaces the whole named attribute", async () => {
    seed()
    const res = await t.http.patch(
      ITEM("RS-REPRICED"),
      { productType: "HOME", patches: [{ op: "replace", path: "/attributes/purchasable_offer", value: [{ marketplace_id: DE, currency: "EUR", audience: "ALL", our_price: [{ schedule: [{ value_with_tax: 25 }] }] }] }] },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(res.data.status).toBe("ACCEPTED")
    const [entry] = history("RS-REPRICED")
    expect(Object.keys(entry.changes)).toEqual(["purchasable_offer"])
    // the repricer's floor and ceiling went with the replaced attribute
    expect(entry.changes.purchasable_offer.after![0]).not.toHaveProperty("minimum_seller_allowed_price")
    expect((await attributes("RS-REPRICED")).attributes.merchant_shipping_group).toBeDefined()
  })

  it("a DEFAULT entry converts an FBA offer to merchant-fulfilled, with a warning; an FBA quantity is ignored with a warning", async () => {
    seed()
    const res = await t.http.patch(
      ITEM("RS-AFN"),
      { productType: "HOME", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity: 0 }] }] },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(res.data.issues.map((i: { code: string }) => i.code)).toContain("8105")
    expect(history("RS-AFN")[0].fulfillmentChannel).toEqual({ before: "AMAZON_EU", after: "DEFAULT" })

    const fbaQuantity = await t.http.patch(
      ITEM("RS-USED"),
      { productType: "HOME", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "AMAZON_EU", quantity: 3 }] }] },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(fbaQuantity.data.issues.map((i: { code: string }) => i.code)).toContain("8106")
  })

  it("a new SKU on an ASIN the seller already offers is a second offer: accepted with a warning, visible in the history", async () => {
    seed()
    const res = await t.http.put(
      ITEM("MEDUSA-SKILLET"),
      {
        productType: "HOME",
        requirements: "LISTING_OFFER_ONLY",
        attributes: {
          merchant_suggested_asin: [{ value: "B0REAL0001", marketplace_id: DE }],
          condition_type: [{ value: "new_new", marketplace_id: DE }],
          purchasable_offer: [{ marketplace_id: DE, currency: "EUR", audience: "ALL", our_price: [{ schedule: [{ value_with_tax: 29.99 }] }] }],
          fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 7 }],
        },
      },
      { headers, params: { marketplaceIds: DE } }
    )
    expect(res.data.status).toBe("ACCEPTED")
    expect(res.data.issues.map((i: { code: string }) => i.code)).toContain("8541")
    expect(history("MEDUSA-SKILLET")[0]).toMatchObject({ kind: "created", sameAsinSkus: ["RS-MFN-NEW"] })
    expect(t.sandbox.control.getListing(SELLER, DE, "RS-MFN-NEW")!.asin).toBe(t.sandbox.control.getListing(SELLER, DE, "MEDUSA-SKILLET")!.asin)
  })

  it("deleteListingsItem is in the history too", async () => {
    seed()
    await t.http.delete(ITEM("RS-SALE"), { headers, params: { marketplaceIds: DE } })
    expect(history("RS-SALE")[0]).toMatchObject({ kind: "deleted", operationType: "DELETE" })
  })
  it("a PATCH never changes the listing's product type; one naming another type than the listing's or PRODUCT is refused (8101)", async () => {
    seed()
    const patch = (productType: string) =>
      t.http.patch(
        ITEM("RS-MFN-NEW"),
        { productType, patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity: 4 }] }] },
        { headers, params: { marketplaceIds: DE } }
      )
    expect((await patch("PRODUCT")).data.status).toBe("ACCEPTED")
    expect(t.sandbox.control.getListing(SELLER, DE, "RS-MFN-NEW")!.productType).toBe("HOME")
    const wrong = await patch("SHIRT")
    expect(wrong.data.status).toBe("INVALID")
    expect(wrong.data.issues.map((i: { code: string }) => i.code)).toContain("8101")
    expect(t.sandbox.control.getListing(SELLER, DE, "RS-MFN-NEW")).toMatchObject({ productType: "HOME", quantity: 4 })
    expect((await patch("HOME")).data.status).toBe("ACCEPTED")
  })

  it("searchListingsItems by ASIN shows the seller's offers on it; duplicateOffers names a second SKU of one condition", async () => {
    const offers = seed()
    const skillet = offers.find((o) => o.kind === "mfn_new")!
    t.sandbox.control.addListings({ listings: [{ sellerId: SELLER, marketplaceId: DE, sku: "RS-SECOND", asin: skillet.asin, productType: "HOME", price: 5, quantity: 1, conditionType: "new_new" }] })
    const { data } = await t.http.get(`/listings/2021-08-01/items/${SELLER}`, {
      headers,
      params: { marketplaceIds: DE, identifiersType: "ASIN", identifiers: skillet.asin, includedData: "summaries,fulfillmentAvailability" },
    })
    expect(data.items.map((i: { sku: string }) => i.sku).sort()).toEqual(["RS-MFN-NEW", "RS-SECOND"])
    expect(t.sandbox.control.duplicateOffers(SELLER, DE)).toEqual([{ asin: skillet.asin, condition: "new_new", skus: ["RS-MFN-NEW", "RS-SECOND"] }])
  })
})

