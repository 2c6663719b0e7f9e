import { normaliseEvent } from "../../src/utils/refunds-inbound/finance-events"
import { FINANCE_POSTING_LAG_MS } from "../finances"
import { DEMO, openSandbox, responseViolations, type TestSandbox } from "./helpers"

const EVENTS = "/finances/v0/financialEvents"

describe("sandbox: Finances v0 refund events", () => {
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

  const shippedOrder = () =>
    t.sandbox.control.addOrders({
      orders: [{ sellerId: DEMO.euSeller, marketplaceId: DEMO.DE, status: "Shipped", items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 11.9 }] } as never],
    }).orderIds[0]
  const since = (hoursBack: number) => new Date(Date.parse(t.sandbox.control.advanceClock(0).now) - hoursBack * 3600_000).toISOString()

  it("lists an Amazon refund, an A-to-z claim and a chargeback only after Amazon's 48 h posting lag, valid against the model", async () => {
    const refunded = shippedOrder()
    const claimed = shippedOrder()
    const charged = shippedOrder()
    const item = t.sandbox.control.getOrder(refunded)!.items[0].orderItemId
    t.sandbox.control.amazonRefund({ orderId: refunded, by: "AMAZON", items: [{ orderItemId: item, quantity: 1 }] })
    t.sandbox.control.amazonRefund({ orderId: claimed, by: "A_TO_Z" })
    t.sandbox.control.amazonRefund({ orderId: charged, by: "CHARGEBACK" })
    t.sandbox.control.advanceClock(10 * 60_000)

    const early = await t.http.get(EVENTS, { headers, params: { PostedAfter: since(24) } })
    expect(early.status).toBe(200)
    expect(early.data.payload.FinancialEvents.RefundEventList).toEqual([])

    t.sandbox.control.advanceClock(FINANCE_POSTING_LAG_MS)
    headers = await t.auth() // 48 h on Amazon's clock outlive an access token
    const later = await t.http.get(EVENTS, { headers, params: { PostedAfter: since(72) } })
    expect([later.status, later.data.errors]).toEqual([200, undefined])
    const events = later.data.payload.FinancialEvents
    expect(events.RefundEventList.map((e: { AmazonOrderId: string }) => e.AmazonOrderId)).toEqual([refunded])
    expect(events.GuaranteeClaimEventList.map((e: { AmazonOrderId: string }) => e.AmazonOrderId)).toEqual([claimed])
    expect(events.ChargebackEventList.map((e: { AmazonOrderId: string }) => e.AmazonOrderId)).toEqual([charged])
    // one mug of 11.90 gross in DE (19 % VAT inside): 10.00 principal + 1.90 tax back to the buyer
    const refund = normaliseEvent("refund", events.RefundEventList[0])!
    expect(refund.lines[0]).toMatchObject({ amazon_order_item_id: item, principal: "10.00", tax: "1.90" })
    expect(refund.amount).toBe("11.90")

    const byOrder = await t.http.get(`/finances/v0/orders/${refunded}/financialEvents`, { headers })
    expect(byOrder.status).toBe(200)
    expect(byOrder.data.payload.FinancialEvents.RefundEventList).toHaveLength(1)
    expect(responseViolations(t.sandbox)).toEqual([])
    expect(t.sandbox.control.validationErrors().filter((v) => v.kind === "request")).toEqual([])
  })

  it("lists the seller's own accepted adjustments too, so the plugin can match them instead of counting twice", async () => {
    const id = shippedOrder()
    const order = t.sandbox.control.getOrder(id)!
    order.refunds = [{ refundId: "F1-1", feedId: "F1", messageId: 1, postedAt: Date.parse(t.sandbox.control.advanceClock(0).now), currency: "EUR", items: [{ orderItemId: order.items[0].orderItemId, reason: "CustomerReturn", components: { Principal: 500 } }] }]
    t.sandbox.control.advanceClock(FINANCE_POSTING_LAG_MS + 10 * 60_000)
    headers = await t.auth()
    const res = await t.http.get(EVENTS, { headers, params: { PostedAfter: since(72) } })
    expect(normaliseEvent("refund", res.data.payload.FinancialEvents.RefundEventList[0])!.amount).toBe("5.00")
  })

  it("refuses what Amazon refuses: PostedAfter within 2 minutes, PostedBefore alone or before PostedAfter, MaxResultsPerPage > 100, a foreign NextToken", async () => {
    const now = t.sandbox.control.advanceClock(0).now
    expect((await t.http.get(EVENTS, { headers, params: { PostedAfter: now } })).status).toBe(400)
    expect((await t.http.get(EVENTS, { headers, params: { PostedBefore: since(1) } })).status).toBe(400)
    expect((await t.http.get(EVENTS, { headers, params: { PostedAfter: since(1), PostedBefore: since(2) } })).status).toBe(400)
    expect((await t.http.get(EVENTS, { headers, params: { PostedAfter: since(1), MaxResultsPerPage: 101 } })).status).toBe(400)
    expect((await t.http.get(EVENTS, { headers, params: { PostedAfter: since(1), NextToken: "bogus" } })).status).toBe(400)
  })

  it("pages with NextToken", async () => {
    for (let i = 0; i < 3; i++) t.sandbox.control.amazonRefund({ orderId: shippedOrder(), by: "SELLER_CENTRAL" })
    t.sandbox.control.advanceClock(FINANCE_POSTING_LAG_MS + 10 * 60_000)
    headers = await t.auth()
    const first = await t.http.get(EVENTS, { headers, params: { PostedAfter: since(72), MaxResultsPerPage: 2 } })
    expect(first.data.payload.FinancialEvents.RefundEventList).toHaveLength(2)
    const second = await t.http.get(EVENTS, { headers, params: { PostedAfter: since(72), MaxResultsPerPage: 2, NextToken: first.data.payload.NextToken } })
    expect(second.data.payload.FinancialEvents.RefundEventList).toHaveLength(1)
    expect(second.data.payload.NextToken).toBeUndefined()
  })
})
