import { buildOrderFeed, messageOutcomes, parseXmlProcessingReport } from "../../src/utils/order-feeds/xml-feed"
import { processOrderFeed } from "../order-feeds"
import type { SandboxState } from "../state"
import type { FeedRecord, OrderRecord } from "../types"

const SELLER = "A1SANDBOXSELLER"
const US = "ATVPDKIKX0DER"
const DE = "A1PA6795UKMFR9"

function order(id: string, marketplaceId: string, currency: string, status: OrderRecord["status"] = "SHIPPED"): OrderRecord {
  return {
    orderId: id,
    sellerId: SELLER,
    marketplaceId,
    status,
    fulfilledBy: "MERCHANT",
    serviceLevel: "Standard",
    createdAt: 0,
    lastUpdatedAt: 0,
    buyer: { name: "B", email: "b@example.com" },
    shippingAddress: { name: "B", addressLine1: "x", city: "y", postalCode: "1", countryCode: "US" },
    items: [{ orderItemId: "I1", sku: "S", asin: "B0", title: "T", quantityOrdered: 2, quantityShipped: 2, unitPrice: 10, currency, shippingPrice: 5, taxRate: marketplaceId === US ? 8 : undefined }],
    packages: [],
  }
}

function setup() {
  const orders = new Map<string, OrderRecord>([
    ["111-1", order("111-1", US, "USD")],
    ["302-1", order("302-1", DE, "EUR")],
    ["111-2", order("111-2", US, "USD", "UNSHIPPED")],
  ])
  const state = { orders, clock: { now: () => 1000 } } as unknown as SandboxState
  let n = 0
  const feed = (feedType: string): FeedRecord => ({ feedId: `F${++n}`, sellerId: SELLER, clientId: "c", feedType, marketplaceIds: [US], inputFeedDocumentId: "d", createdAt: 0 })
  return { state, orders, feed }
}

const adjust = (orderId: string, currency: string, components: Record<string, string>, item = "I1") =>
  buildOrderFeed("POST_PAYMENT_ADJUSTMENT_DATA", SELLER, [
    { messageId: 1, amazon_order_id: orderId, currency, items: [{ amazon_order_item_id: item, merchant_adjustment_item_id: "m1", reason: "CustomerReturn", components }] },
  ])

function run(ctx: ReturnType<typeof setup>, type: string, xml: string | Buffer) {
  const out = processOrderFeed(ctx.state, ctx.feed(type), Buffer.isBuffer(xml) ? xml : Buffer.from(xml))
  return { status: out.status, outcomes: messageOutcomes(parseXmlProcessingReport(out.result.content.toString("utf8")), [1]) }
}

describe("sandbox: XML order feeds", () => {
  it("applies a US refund with tax once, refuses a second tax refund and an over-refund", () => {
    const ctx = setup()
    expect(run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", adjust("111-1", "USD", { Principal: "10.00", Tax: "0.80" })).outcomes[0].accepted).toBe(true)
    expect(ctx.orders.get("111-1")!.refunds).toEqual([
      expect.objectContaining({ feedId: "F1", messageId: 1, items: [expect.objectContaining({ orderItemId: "I1", components: { Principal: 1000, Tax: 80 } })] }),
    ])
    const second = run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", adjust("111-1", "USD", { Principal: "5.00", Tax: "0.40" })).outcomes[0]
    expect(second).toMatchObject({ accepted: false, message: "The requested refund amount for the tax or shipping tax is not eligible." })
    const over = run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", adjust("111-1", "USD", { Principal: "10.01" })).outcomes[0]
    expect(over.accepted).toBe(false)
    expect(over.message).toMatch(/exceeds the amount charged/)
    expect(ctx.orders.get("111-1")!.refunds).toHaveLength(1)
  })

  it("refuses Tax in a tax-inclusive marketplace and unknown items", () => {
    const ctx = setup()
    expect(run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", adjust("302-1", "EUR", { Principal: "10.00", Tax: "1.60" })).outcomes[0].accepted).toBe(false)
    expect(run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", adjust("302-1", "EUR", { Principal: "1.00" }, "NOPE")).outcomes[0].message).toMatch(/order item NOPE was not found/)
    expect(run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", adjust("302-1", "EUR", { Principal: "20.00", Shipping: "5.00" })).outcomes[0].accepted).toBe(true)
  })

  it("a BOM ends the feed FATAL with 50001", () => {
    const ctx = setup()
    const xml = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(adjust("111-1", "USD", { Principal: "1.00" }))])
    const out = run(ctx, "POST_PAYMENT_ADJUSTMENT_DATA", xml)
    expect(out.status).toBe("FATAL")
    expect(out.outcomes[0]).toMatchObject({ accepted: false, code: "50001" })
  })

  it("cancels an unshipped merchant order; refuses a shipped one", () => {
    const ctx = setup()
    const cancel = (id: string) =>
      buildOrderFeed("POST_ORDER_ACKNOWLEDGEMENT_DATA", SELLER, [{ messageId: 1, amazon_order_id: id, status: "Failure", items: [{ amazon_order_item_id: "I1", cancel_reason: "NoInventory" }] }])
    expect(run(ctx, "POST_ORDER_ACKNOWLEDGEMENT_DATA", cancel("111-2")).outcomes[0].accepted).toBe(true)
    expect(ctx.orders.get("111-2")).toMatchObject({ status: "CANCELLED", cancelReason: "NoInventory" })
    expect(run(ctx, "POST_ORDER_ACKNOWLEDGEMENT_DATA", cancel("111-1")).outcomes[0].message).toMatch(/cannot be canceled: it is SHIPPED/)
  })
})
