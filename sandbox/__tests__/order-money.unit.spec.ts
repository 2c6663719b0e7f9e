import { decorateCartTotals, MathBN } from "@medusajs/framework/utils"
import { readAmazonOrder } from "../../src/utils/orders/map-amazon-order"
import { orderMoney } from "../../src/utils/orders/order-money"
import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const UK = "A1F83G8C2ARO7P"
const JP = "A1VC38T7YXB528"
const INCLUDED = "BUYER,RECIPIENT,PROCEEDS,PROMOTION,TAX,FULFILLMENT"

/**
 * The sandbox serves an order's money as Amazon does: tax on top of before-tax prices in the US, VAT inside
 * the prices elsewhere (on top for Amazon Business orders), promotions as DISCOUNT with their ids, gift
 * wrap, COD fee, delivery tip, amounts in the currency's minor unit — and the importer turns each into a
 * Medusa order whose computed total is the grandTotal.
 */
describe("sandbox: order money (proceeds, tax, promotions)", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 1000 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(() => t.sandbox.control.reset())
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  const fetchOrder = async (orderId: string, headers: Record<string, string>) => {
    const res = await t.http.get(`/orders/2026-01-01/orders/${orderId}`, { headers, params: { includedData: INCLUDED } })
    expect(res.status).toBe(200)
    return res.data.order
  }

  /** Medusa's computed total of the order the importer makes from it, in the currency's minor digits. */
  const medusaTotal = (order: unknown) => {
    const reading = readAmazonOrder(order)
    if (!reading.ok) throw new Error(reading.problems.join("; "))
    const money = orderMoney({ marketplace_id: reading.record.marketplace_id, currency_code: reading.record.currency_code!, total: reading.record.total, lines: reading.record.items, order_charges: reading.record.order_charges })
    const cart = {
      items: reading.record.items.map((l) => ({ quantity: l.quantity, ...money.lines[l.order_item_id] })),
      shipping_methods: money.methods,
    }
    const totals = decorateCartTotals(JSON.parse(JSON.stringify(cart)) as never) as unknown as { total: unknown; tax_total: unknown }
    const digits = reading.record.currency_code === "JPY" ? 0 : 2
    return { total: MathBN.convert(totals.total as never).toFixed(digits), tax: MathBN.convert(totals.tax_total as never).toFixed(digits) }
  }

  it("US: sales tax on top of the price, a promotion on item and shipping, a delivery tip", async () => {
    const headers = await t.auth("na")
    const [id] = t.sandbox.control.addOrders({
      orders: [
        {
          sellerId: DEMO.naSeller,
          marketplaceId: DEMO.US,
          tip: 3,
          items: [{ sku: "DEMO-CAP", quantity: 3, unitPrice: 10.99, shippingPrice: 5.99, taxRate: 8.25, promotion: { id: "US-10OFF", itemDiscount: 3, shippingDiscount: 5.99 }, taxCollection: "MARKETPLACE_FACILITATOR" }],
        },
      ],
    }).orderIds
    const order = await fetchOrder(id, headers)
    const item = order.orderItems[0]
    expect(item.product.price.unitPrice).toEqual({ amount: "10.99", currencyCode: "USD" })
    // 32.97 − 3.00 = 29.97 taxed 8.25 % = 2.47; shipping free
    expect(item.proceeds).toEqual({
      proceedsTotal: { amount: "32.44", currencyCode: "USD" },
      breakdowns: [
        { type: "ITEM", subtotal: { amount: "32.97", currencyCode: "USD" } },
        { type: "SHIPPING", subtotal: { amount: "5.99", currencyCode: "USD" } },
        { type: "DISCOUNT", subtotal: { amount: "-8.99", currencyCode: "USD" }, detailedBreakdowns: [{ subtype: "ITEM", value: { amount: "-3.00", currencyCode: "USD" } }, { subtype: "SHIPPING", value: { amount: "-5.99", currencyCode: "USD" } }] },
        { type: "TAX", subtotal: { amount: "2.47", currencyCode: "USD" }, detailedBreakdowns: [{ subtype: "ITEM", value: { amount: "2.47", currencyCode: "USD" } }] },
      ],
    })
    expect(item.promotion).toEqual({ breakdowns: [{ promotionId: "US-10OFF" }] })
    expect(item.tax.taxCollections[0].model).toBe("MARKETPLACE_FACILITATOR")
    expect(order.proceeds.grandTotal).toEqual({ amount: "35.44", currencyCode: "USD" })
    expect(order.proceeds.breakdowns).toContainEqual({ type: "DELIVERY_TIP", status: "FINALIZED", subtotal: { amount: "3.00", currencyCode: "USD" } })
    // Amazon's empty optional address texts
    expect(order.recipient.deliveryAddress).toMatchObject({ addressLine3: "", districtOrCounty: "", municipality: "" })
    expect(medusaTotal(order)).toEqual({ total: "35.44", tax: "2.47" })
  })

  it("DE: VAT inside the price, gift wrap with its VAT", async () => {
    const headers = await t.auth("eu")
    const [id] = t.sandbox.control.addOrders({
      orders: [{ sellerId: DEMO.euSeller, marketplaceId: DEMO.DE, items: [{ sku: "DEMO-MUG", quantity: 3, unitPrice: 12.5, shippingPrice: 4.9, giftWrapPrice: 3.5 }] }],
    }).orderIds
    const order = await fetchOrder(id, headers)
    const item = order.orderItems[0]
    // 37.50 gross has 5.99 VAT (19 %), 4.90 has 0.78, 3.50 has 0.56; the buyer pays the gross amounts
    expect(item.proceeds.proceedsTotal.amount).toBe("45.90")
    expect(item.proceeds.breakdowns.find((b: { type: string }) => b.type === "TAX").detailedBreakdowns.map((d: { subtype: string; value: { amount: string } }) => [d.subtype, d.value.amount])).toEqual([
      ["ITEM", "5.99"],
      ["SHIPPING", "0.78"],
      ["GIFT_WRAP", "0.56"],
    ])
    expect(order.proceeds.grandTotal.amount).toBe("45.90")
    expect(medusaTotal(order)).toEqual({ total: "45.90", tax: "7.33" })
  })

  it("UK: an Amazon Business order, priced before VAT with the VAT on top", async () => {
    const headers = await t.auth("eu")
    const [id] = t.sandbox.control.addOrders({
      orders: [{ sellerId: DEMO.euSeller, marketplaceId: UK, business: true, items: [{ sku: "DEMO-MUG", quantity: 3, unitPrice: 29.99, shippingPrice: 5 }] }],
    }).orderIds
    const order = await fetchOrder(id, headers)
    expect(order.orderItems[0].product.price).toEqual({ unitPrice: { amount: "29.99", currencyCode: "GBP" }, priceDesignation: "BUSINESS_PRICE" })
    // 89.97 + 5.00 + VAT 17.99 + 1.00
    expect(order.proceeds.grandTotal.amount).toBe("113.96")
    expect(medusaTotal(order)).toEqual({ total: "113.96", tax: "18.99" })
  })

  it("JP: yen without decimals, consumption tax inside, a cash-on-delivery fee", async () => {
    const { seller, refreshToken } = t.sandbox.control.createSeller({ marketplaceIds: [JP], refreshToken: "Atzr|sandbox-refresh-token-jp-money" })
    const res = await t.http.post(
      "/auth/o2/token",
      new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret })
    )
    const headers = { "x-amz-access-token": res.data.access_token as string }
    const [id] = t.sandbox.control.addOrders({ orders: [{ sellerId: seller.sellerId, marketplaceId: JP, items: [{ sku: "JP-TEA", quantity: 2, unitPrice: 3490, codFee: 330 }] }] }).orderIds
    const order = await fetchOrder(id, headers)
    expect(order.orderItems[0].product.price.unitPrice).toEqual({ amount: "3490", currencyCode: "JPY" })
    expect(order.proceeds.grandTotal).toEqual({ amount: "7310", currencyCode: "JPY" })
    // 6980 has 635 consumption tax (10 %), 330 has 30
    expect(medusaTotal(order)).toEqual({ total: "7310", tax: "665" })
  })
})
