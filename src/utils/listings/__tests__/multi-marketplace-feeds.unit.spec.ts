import { groupFeedMessages, type FeedMessageBody } from "../multi-marketplace-feeds"

const DE = "A1PA6795UKMFR9"
const FR = "A13V1IB3VIYZZH"
const IT = "APJ6JRA9NG5V4"

/** A PATCH of price and stock as feed-messages.ts builds it for one marketplace. */
const patch = (sku: string, mp: string, price: number, quantity = 5): FeedMessageBody => ({
  sku,
  operationType: "PATCH",
  productType: "PRODUCT",
  patches: [
    { op: "replace", path: "/attributes/purchasable_offer", value: [{ marketplace_id: mp, currency: "EUR", our_price: [{ schedule: [{ value_with_tax: price }] }] }] },
    { op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity }] },
  ],
})

describe("groupFeedMessages: one feed for several marketplaces where the message is the same", () => {
  it("the same offer in DE, FR and IT is one message of one feed naming the three, each marketplace's value tagged", () => {
    const groups = groupFeedMessages([DE, FR, IT].map((mp) => ({ item: `${mp}-1`, marketplace: mp, message: patch("SKU-1", mp, 19.99) })))
    expect(groups).toHaveLength(1)
    expect(groups[0].marketplaces).toEqual([DE, FR, IT].sort())
    expect(groups[0].entries).toHaveLength(1)
    expect(groups[0].entries[0].items.sort()).toEqual([`${DE}-1`, `${FR}-1`, `${IT}-1`].sort())
    const [offer, stock] = groups[0].entries[0].message.patches as Array<{ value: Array<Record<string, unknown>> }>
    expect(offer.value.map((v) => v.marketplace_id).sort()).toEqual([DE, FR, IT].sort())
    expect(offer.value.every((v) => JSON.stringify(v.our_price) === JSON.stringify([{ schedule: [{ value_with_tax: 19.99 }] }]))).toBe(true)
    // an untagged value (fulfillment_availability has no marketplace tag) is carried once
    expect(stock.value).toEqual([{ fulfillment_channel_code: "DEFAULT", quantity: 5 }])
  })

  it("a price that differs in FR splits FR off into its own feed; DE and IT still share one", () => {
    const groups = groupFeedMessages([
      { item: "de", marketplace: DE, message: patch("SKU-1", DE, 19.99) },
      { item: "fr", marketplace: FR, message: patch("SKU-1", FR, 21.5) },
      { item: "it", marketplace: IT, message: patch("SKU-1", IT, 19.99) },
    ])
    expect(groups.map((g) => g.marketplaces)).toEqual([[DE, IT].sort(), [FR]].sort((a, b) => a.join().localeCompare(b.join())))
    const fr = groups.find((g) => g.marketplaces.includes(FR))!
    expect(fr.entries[0].message).toEqual(patch("SKU-1", FR, 21.5))
  })

  it("SKUs with the same marketplaces share their feed; a SKU offered in one marketplace only gets that marketplace's feed", () => {
    const groups = groupFeedMessages([
      { item: "a-de", marketplace: DE, message: patch("A", DE, 10) },
      { item: "a-fr", marketplace: FR, message: patch("A", FR, 10) },
      { item: "b-de", marketplace: DE, message: patch("B", DE, 12, 3) },
      { item: "b-fr", marketplace: FR, message: patch("B", FR, 12, 3) },
      { item: "c-de", marketplace: DE, message: patch("C", DE, 8) },
    ])
    expect(groups).toHaveLength(2)
    const both = groups.find((g) => g.marketplaces.length === 2)!
    expect(both.entries.map((e) => e.message.sku)).toEqual(["A", "B"])
    expect(groups.find((g) => g.marketplaces.length === 1)).toMatchObject({ marketplaces: [DE], entries: [{ items: ["c-de"] }] })
  })

  it("a message for one marketplace is kept byte for byte", () => {
    const message = patch("SOLO", DE, 5)
    expect(groupFeedMessages([{ item: 1, marketplace: DE, message }])[0].entries[0].message).toBe(message)
  })
})
