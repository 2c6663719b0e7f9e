import { buyerDataOf, malformedOrderMessage, mapAmazonOrder, pageProblemsOf, readAmazonOrder } from "../map-amazon-order"
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
        {
          order_item_id: "11111111111111",
          sku: "DEMO-TSHIRT-S",
          asin: "B0SANDBX01",
          title: "T-Shirt S",
          quantity: 1,
          unit_price: "19.99",
          shipping_price: "3.99",
          quantity_shipped: 0,
          money: { charges: { ITEM: "19.99", SHIPPING: "3.99" }, taxes: {}, discounts: {}, total: "23.98", promotion_ids: [], tax_collection: null },
        },
        { order_item_id: "22222222222222", sku: "DEMO-MUG", asin: "B0SANDBX03", title: "Mug", quantity: 2, unit_price: "12.50", shipping_price: "0.00", quantity_shipped: 0 },
      ],
      order_charges: [],
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

describe("lineMoney (through mapAmazonOrder)", () => {
  const money = (amount: string) => ({ amount, currencyCode: "USD" })
  it("splits TAX and DISCOUNT by subtype, keeps discounts positive and the promotion ids and tax collection model", () => {
    const order = amazonOrder()
    Object.assign(order.orderItems[0], {
      proceeds: {
        proceedsTotal: money("21.39"),
        breakdowns: [
          { type: "ITEM", subtotal: money("19.99") },
          { type: "SHIPPING", subtotal: money("3.99") },
          { type: "DISCOUNT", subtotal: money("-3.99"), detailedBreakdowns: [{ subtype: "SHIPPING", value: money("-3.99") }] },
          { type: "TAX", subtotal: money("1.40"), detailedBreakdowns: [{ subtype: "ITEM", value: money("1.40") }, { subtype: "SHIPPING", value: money("0.28") }, { subtype: "DISCOUNT", value: money("-0.28") }] },
          { type: "SOMETHING_NEW", subtotal: money("0.00") },
        ],
      },
      promotion: { breakdowns: [{ promotionId: "FREESHIP" }] },
      tax: { taxCollections: [{ model: "MARKETPLACE_FACILITATOR", responsibleParty: "Amazon Services, Inc." }] },
    })
    expect(mapAmazonOrder(order).items[0].money).toEqual({
      charges: { ITEM: "19.99", SHIPPING: "3.99" },
      // the tax given back with the free-shipping promotion cancels the shipping's tax
      taxes: { ITEM: "1.40" },
      discounts: { SHIPPING: "3.99" },
      total: "21.39",
      promotion_ids: ["FREESHIP"],
      tax_collection: "MARKETPLACE_FACILITATOR",
    })
  })

  it("keeps a finalized delivery tip as an order charge, not a pending one", () => {
    const order = amazonOrder({
      proceeds: {
        grandTotal: money("53.98"),
        breakdowns: [
          { type: "ITEM", subtotal: money("44.99") },
          { type: "DELIVERY_TIP", status: "FINALIZED", subtotal: money("5.00") },
          { type: "DELIVERY_TIP", status: "PENDING", subtotal: money("2.00") },
        ],
      } as never,
    })
    expect(mapAmazonOrder(order).order_charges).toEqual([{ type: "DELIVERY_TIP", amount: "5.00" }])
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

describe("readAmazonOrder", () => {
  const mutated = (change: (order: Record<string, any>) => void) => {
    const order = JSON.parse(JSON.stringify(amazonOrder())) as Record<string, any>
    change(order)
    return order
  }

  it("maps a well-formed order", () => {
    const reading = readAmazonOrder(amazonOrder())
    expect(reading).toMatchObject({ ok: true, record: mapAmazonOrder(amazonOrder()) })
  })

  it("accepts a line without a seller SKU (the import holds it and names the ASIN)", () => {
    expect(readAmazonOrder(mutated((o) => delete o.orderItems[0].product.sellerSku)).ok).toBe(true)
  })

  it.each([
    ["an order total that is an object", (o: any): unknown => (o.proceeds.grandTotal.amount = { value: "48.98" }), "proceeds.grandTotal.amount is an object, not a decimal amount"],
    ["an amount that is a number", (o: any): unknown => (o.orderItems[1].product.price.unitPrice.amount = 12.5), "orderItems[1].product.price.unitPrice.amount is a number with decimals, not a decimal amount"],
    ["an amount that is not a number at all", (o: any): unknown => (o.proceeds.grandTotal.amount = "twelve"), 'proceeds.grandTotal.amount is a text, not a decimal amount'],
    ["a line without product", (o: any): unknown => delete o.orderItems[0].product, "orderItems[0].product is missing"],
    ["a SKU that is a number", (o: any): unknown => (o.orderItems[0].product.sellerSku = 42), "orderItems[0].product.sellerSku is a whole number, not a text"],
    ["a quantity that is text", (o: any): unknown => (o.orderItems[1].quantityOrdered = "2"), 'orderItems[1].quantityOrdered is a text, not a whole number'],
    ["lines that are not a list", (o: any): unknown => (o.orderItems = { 0: {} }), "orderItems is an object, not a list"],
    ["no lines", (o: any): unknown => (o.orderItems = []), "orderItems is empty"],
    ["an unreadable update time", (o: any): unknown => (o.lastUpdatedTime = "yesterday"), 'lastUpdatedTime is a text, not a date-time'],
    ["a breakdown without subtotal", (o: any): unknown => delete o.orderItems[0].proceeds.breakdowns[1].subtotal, "orderItems[0].proceeds.breakdowns[1].subtotal is missing"],
    ["a shipped quantity that is negative", (o: any): unknown => (o.orderItems[0].fulfillment.quantityFulfilled = -1), "orderItems[0].fulfillment.quantityFulfilled is a negative number, not a whole number"],
    ["an address line that is a list", (o: any): unknown => (o.recipient.deliveryAddress.addressLine1 = ["Hauptstraße", "5"]), "recipient.deliveryAddress.addressLine1 is a list, not a text"],
    ["no marketplace", (o: any): unknown => delete o.salesChannel.marketplaceId, "salesChannel.marketplaceId is missing"],
    ["promotions that are not a list", (o: any): unknown => (o.orderItems[0].promotion = { breakdowns: { promotionId: "X" } }), "orderItems[0].promotion.breakdowns is an object, not a list"],
    ["tax collections that are not a list", (o: any): unknown => (o.orderItems[0].tax = { taxCollections: "MARKETPLACE_FACILITATOR" }), 'orderItems[0].tax.taxCollections is a text, not a list'],
    ["a tax detail without an amount", (o: any): unknown => (o.orderItems[0].proceeds.breakdowns[1].detailedBreakdowns = [{ subtype: "SHIPPING", value: { currencyCode: "EUR" } }]), "orderItems[0].proceeds.breakdowns[1].detailedBreakdowns[0].value.amount is missing"],
  ] as const)("reports %s, naming the field, with what can still be told", (_, change, problem) => {
    const reading = readAmazonOrder(mutated(change))
    expect(reading.ok).toBe(false)
    if (reading.ok) return
    expect(reading.problems).toEqual([problem])
    expect(reading.amazon_order_id).toBe("028-1234567-1234567")
    expect(reading.amazon_status).toBe("UNSHIPPED")
    expect(reading.purchased_at).toEqual(new Date("2026-11-20T10:00:00.000Z"))
  })

  it("never quotes a value: a buyer's name or address in the wrong field stays out of the message", () => {
    const reading = readAmazonOrder(mutated((o) => {
      o.orderItems[0].quantityOrdered = "Jane Doe, Hauptstraße 5"
      o.proceeds.grandTotal.amount = "+49 30 9876543"
      o.lastUpdatedTime = "jane@example.com"
    }))
    expect(reading.ok).toBe(false)
    if (reading.ok) return
    const text = [...reading.problems, malformedOrderMessage(reading)].join(" ")
    for (const value of ["Jane", "Hauptstraße", "9876543", "jane@example.com"]) expect(text).not.toContain(value)
    expect(reading.problems).toContain("orderItems[0].quantityOrdered is a text, not a whole number")
  })

  it("says what is wrong with an order without id, and keeps nothing it cannot read", () => {
    const reading = readAmazonOrder(mutated((o) => {
      delete o.orderId
      o.fulfillment.fulfillmentStatus = "SOMETHING_NEW"
    }))
    expect(reading).toMatchObject({ ok: false, amazon_order_id: null, amazon_status: null, problems: ["orderId is missing"] })
    expect(readAmazonOrder("not an order")).toMatchObject({ ok: false, amazon_order_id: null, problems: ['the order is a text, not an object'] })
    expect(readAmazonOrder(null)).toMatchObject({ ok: false, problems: ["the order is null, not an object"] })
  })

  it("words the message for the store owner", () => {
    expect(malformedOrderMessage({ amazon_order_id: "028-1", problems: ["orderItems[0].product is missing"] })).toBe(
      "Amazon sent order 028-1 in a shape that cannot be read (orderItems[0].product is missing). It was not imported; retry fetches it from Amazon again."
    )
    expect(malformedOrderMessage({ amazon_order_id: null, problems: ["a", "b", "c", "d", "e"] })).toBe(
      "Amazon sent an order without a readable order id (a; b; c; and 2 more); it was skipped."
    )
  })
})

describe("pageProblemsOf", () => {
  it.each([
    [{ orders: [], lastUpdatedBefore: "2026-11-20T10:00:00Z" }, []],
    [{ orders: [], pagination: { nextToken: "abc" } }, []],
    [{ orders: "none" }, ['orders is a text, not a list']],
    [{ orders: [], pagination: { nextToken: 5 } }, ["pagination.nextToken is a whole number, not a token"]],
    [{ orders: [], lastUpdatedBefore: 1700000000 }, ["lastUpdatedBefore is a whole number, not a date-time"]],
    [[], ["the answer is a list, not an object"]],
  ])("%j → %j", (page, problems) => {
    expect(pageProblemsOf(page)).toEqual(problems)
  })
})
