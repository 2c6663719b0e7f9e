import { adoptSellerOffer, findSellerOffers, sameOffer, type SellerOffer } from "../find-seller-offers"
import type { ChangeRow } from "../listing-outcomes"

const DE = "A1PA6795UKMFR9"
const offer = (sku: string, more: Partial<SellerOffer> = {}): SellerOffer => ({
  sku,
  asin: "B0TEST0001",
  product_type: "HOME",
  condition_type: "new_new",
  fulfillment_channel: "DEFAULT",
  quantity: 3,
  price: 9.99,
  status: "active",
  ...more,
})
const change = (id: string, asin: string, sku = "MED-1"): ChangeRow => ({
  id,
  listing_id: `lst_${id}`,
  marketplace_id: DE,
  sku,
  operation: "update",
  hash: "h",
  attempts: 0,
  payload: {
    sku,
    marketplace_id: DE,
    identifier: { type: "EAN", value: "4006381333931" },
    asin,
    product_type: "PRODUCT",
    condition: "new_new",
    price: { amount: 12.5, currency: "EUR" },
    quantity: 4,
    handling_days: 2,
    package_weight_kg: null,
    withdrawn: false,
  },
})

describe("sameOffer: never a second SKU on an ASIN the seller sells", () => {
  it("no offer on the ASIN: the offer is new", () => expect(sameOffer("new_new", [])).toBeNull())
  it("one offer: adopted, even of another condition (a used item is never re-offered as new)", () => {
    expect(sameOffer("new_new", [offer("S-USED", { condition_type: "used_good" })])).toMatchObject({ kind: "adopt", offer: { sku: "S-USED" } })
  })
  it("of a new and a used offer, the new one", () => {
    expect(sameOffer("new_new", [offer("S-USED", { condition_type: "used_good" }), offer("S-NEW")])).toMatchObject({ kind: "adopt", offer: { sku: "S-NEW" } })
  })
  it("two offers of the same condition: a human chooses", () => {
    const verdict = sameOffer("new_new", [offer("S-A"), offer("S-B", { fulfillment_channel: "AMAZON_EU" })])
    expect(verdict).toMatchObject({ kind: "ambiguous" })
    expect(verdict?.kind === "ambiguous" && verdict.offers.map((o) => o.sku)).toEqual(["S-A", "S-B"])
  })
})

describe("findSellerOffers", () => {
  it("asks searchListingsItems by ASIN (20 a call, pages followed) and reads SKU, channel, condition, type, stock and price", async () => {
    const calls: Array<Record<string, unknown>> = []
    const pages = [
      {
        items: [
          {
            sku: "SELLER-1",
            summaries: [{ marketplaceId: DE, asin: "B0TEST0001", productType: "HOME", conditionType: "new_new", status: ["BUYABLE", "DISCOVERABLE"] }],
            fulfillmentAvailability: [{ fulfillmentChannelCode: "AMAZON_EU" }],
            offers: [{ offerType: "B2C", price: { amount: "19.90", currencyCode: "EUR" }, audience: { value: "ALL" } }],
          },
        ],
        pagination: { nextToken: "p2" },
      },
      { items: [{ sku: "MED-2", summaries: [{ marketplaceId: DE, asin: "B0TEST0002", productType: "HOME", conditionType: "new_new", status: [] }] }] },
    ]
    const client = { listingsItems: { searchListingsItems: async (params: Record<string, unknown>) => (calls.push(params), pages[calls.length - 1] ?? { items: [] }) } }
    const changes = Array.from({ length: 21 }, (_, i) => change(`c${i}`, i === 0 ? "B0TEST0001" : `B0TEST${String(i + 1).padStart(4, "0")}`, `MED-${i + 1}`))
    const found = await findSellerOffers(client as never, changes)
    expect(calls[0]).toMatchObject({ identifiersType: "ASIN", marketplaceIds: [DE], pageSize: 20 })
    expect((calls[0].identifiers as string[]).length).toBe(20)
    expect(calls[1]).toMatchObject({ pageToken: "p2" })
    expect(calls).toHaveLength(3) // page 2 of the first 20, then the 21st ASIN
    expect(found.get("c0")).toEqual([
      { sku: "SELLER-1", asin: "B0TEST0001", product_type: "HOME", condition_type: "new_new", fulfillment_channel: "AMAZON_EU", quantity: null, price: 19.9, status: "active" },
    ])
    // the listing's own SKU is not another offer
    expect(found.get("c1")).toEqual([])
  })
})

describe("adoptSellerOffer", () => {
  it("turns the create into a patch of the seller's FBA offer: its SKU, channel, condition and type, price only", async () => {
    const changes: Array<Record<string, unknown>> = []
    const listings: Array<Record<string, unknown>> = []
    const amazon = {
      updateAmazonListingChanges: async (row: Record<string, unknown>) => void changes.push(row),
      updateAmazonListings: async (row: Record<string, unknown>) => void listings.push(row),
    }
    const c = change("c1", "B0TEST0001")
    await adoptSellerOffer(amazon as never, c.listing_id, offer("SELLER-1", { fulfillment_channel: "AMAZON_EU", quantity: null, condition_type: "used_like_new" }), c)
    expect(c).toMatchObject({ operation: "patch", sku: "SELLER-1" })
    expect(c.payload).toMatchObject({ sku: "SELLER-1", fulfillment_channel: "AMAZON_EU", quantity: null, condition: "used_like_new", product_type: "HOME", patch_fields: ["price"] })
    expect(changes[0]).toMatchObject({ id: "c1", operation: "patch", sku: "SELLER-1" })
    expect(listings[0]).toMatchObject({ id: "lst_c1", sku: "SELLER-1", fulfillment_channel: "AMAZON_EU", condition_type: "used_like_new", product_type: "HOME", status: "active" })
  })
})
