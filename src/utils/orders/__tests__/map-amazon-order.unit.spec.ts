import { buyerDataOf, mapAmazonOrder } from "../map-amazon-order"
import { amazonOrder } from "./fixtures"

describe("mapAmazonOrder", () => {
  it("keeps lines, prices, shipping, dates and the country — and no buyer data", () => {
    const record = mapAmazonOrder(amazonOrder())
    expect(record).toEqual({
      amazon_order_id: "028-1234567-1234567",
      marketplace_id: "A1PA6795UKMFR9",
      amazon_status: "UNSHIPPED",
      fulfillment_channel: "MFN",
      currency_code: "EUR",
      total: "48.98",
      items: [
        { order_item_id: "11111111111111", sku: "DEMO-TSHIRT-S", asin: "B0SANDBX01", title: "T-Shirt S", quantity: 1, unit_price: "19.99", shipping_price: "3.99", quantity_shipped: 0 },
        { order_item_id: "22222222222222", sku: "DEMO-MUG", asin: "B0SANDBX03", title: "Mug", quantity: 2, unit_price: "12.50", shipping_price: "0.00", quantity_shipped: 0 },
      ],
      purchased_at: new Date("2026-11-20T10:00:00.000Z"),
      amazon_updated_at: new Date("2026-11-20T10:05:00.000Z"),
      // no delivery window: latest ship date + 14 days
      latest_delivery_at: new Date("2026-12-06T10:00:00.000Z"),
      ship_country_code: "DE",
    })
    const text = JSON.stringify(record)
    for (const pii of ["Müller", "Hauptstraße", "marketplace.amazon.de", "+49"]) expect(text).not.toContain(pii)
  })

  it.each([
    ["a delivery window", { fulfillment: { fulfillmentStatus: "SHIPPED", deliverByWindow: { latestDateTime: "2026-11-25T18:00:00Z" } } }, { amazon_status: "SHIPPED", latest_delivery_at: new Date("2026-11-25T18:00:00Z") }],
    ["Amazon fulfilment", { fulfillment: { fulfillmentStatus: "SHIPPED", fulfilledBy: "AMAZON" } }, { fulfillment_channel: "AFN" }],
    ["no fulfillment data", { fulfillment: undefined }, { amazon_status: "PENDING", latest_delivery_at: new Date("2026-12-04T10:00:00.000Z") }],
    ["an unknown status", { fulfillment: { fulfillmentStatus: "SOMETHING_NEW" } }, { amazon_status: "PENDING" }],
    ["no proceeds (total from lines)", { proceeds: undefined }, { total: "48.98", currency_code: "EUR" }],
  ] as const)("with %s", (_, overrides, expected) => {
    expect(mapAmazonOrder(amazonOrder(overrides as never))).toMatchObject(expected)
  })

  it("has no total while a line has no price (pending orders)", () => {
    const order = amazonOrder({ proceeds: undefined })
    delete (order.orderItems[1].product as { price?: unknown }).price
    expect(mapAmazonOrder(order)).toMatchObject({ total: null, items: [expect.anything(), expect.objectContaining({ unit_price: null })] })
  })
})

describe("buyerDataOf", () => {
  it("collects name, e-mail, phone and address", () => {
    expect(buyerDataOf(amazonOrder())).toEqual({
      name: "Max Müller",
      email: "123456abc@marketplace.amazon.de",
      phone: "+49 123456789",
      company: null,
      address: {
        address_1: "Hauptstraße 5",
        address_2: null,
        address_3: null,
        city: "Berlin",
        district: null,
        province: null,
        postal_code: "10115",
        country_code: "DE",
      },
    })
  })

  it("is null when Amazon sent no buyer or recipient (FBA, missing role)", () => {
    expect(buyerDataOf(amazonOrder({ buyer: undefined, recipient: undefined }))).toBeNull()
  })
})
