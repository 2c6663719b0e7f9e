import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const DE = DEMO.DE
const SEARCH = "/orders/2026-01-01/orders"

describe("sandbox: Orders API 2026-01-01 and confirmShipment", () => {
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

  it("pages through lastUpdatedAfter results in ascending update order", async () => {
    const start = new Date(Date.now() - 1000).toISOString()
    const { orderIds } = t.sandbox.control.addOrders({ generate: { count: 25, sellerId: DEMO.euSeller, marketplaceId: DE, spreadSeconds: 0.5 } })
    expect(orderIds).toHaveLength(25)
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    let lastUpdatedBefore: string | undefined
    do {
      const res = await t.http.get(SEARCH, { headers, params: token ? { paginationToken: token } : { lastUpdatedAfter: start, marketplaceIds: DE, maxResultsPerPage: 10 } })
      expect(res.status).toBe(200)
      const times = res.data.orders.map((o: { lastUpdatedTime: string }) => Date.parse(o.lastUpdatedTime))
      expect([...times].sort((a, b) => a - b)).toEqual(times)
      seen.push(...res.data.orders.map((o: { orderId: string }) => o.orderId))
      lastUpdatedBefore ??= res.data.lastUpdatedBefore
      token = res.data.pagination?.nextToken
      pages++
    } while (token)
    expect(pages).toBe(3)
    expect(seen.sort()).toEqual([...orderIds].sort())

    // An update after the cursor shows up in the next poll, and only it.
    t.sandbox.control.advanceClock(5)
    t.sandbox.control.updateOrder(orderIds[3], { status: "Canceled" })
    const next = await t.http.get(SEARCH, { headers, params: { lastUpdatedAfter: lastUpdatedBefore, includedData: "FULFILLMENT" } })
    expect(next.data.orders.map((o: { orderId: string }) => o.orderId)).toEqual([orderIds[3]])
    expect(next.data.orders[0].fulfillment.fulfillmentStatus).toBe("CANCELLED")
  })

  it("validates the query like Amazon: exactly one of createdAfter / lastUpdatedAfter, page size 1..100", async () => {
    const none = await t.http.get(SEARCH, { headers, params: { marketplaceIds: DE } })
    expect(none.status).toBe(400)
    expect(none.data.errors[0].code).toBe("InvalidInput")
    expect((await t.http.get(SEARCH, { headers, params: { createdAfter: "2024-01-01T00:00:00Z", lastUpdatedAfter: "2024-01-01T00:00:00Z" } })).status).toBe(400)
    expect((await t.http.get(SEARCH, { headers, params: { createdAfter: "2024-01-01T00:00:00Z", maxResultsPerPage: 101 } })).status).toBe(400)
    expect((await t.http.get(SEARCH, { headers, params: { createdAfter: "2024-01-01T00:00:00Z", marketplaceIds: DEMO.US } })).status).toBe(400)
  })

  it("returns buyer and recipient data only when includedData asks for them", async () => {
    const plain = await t.http.get(SEARCH, { headers, params: { createdAfter: "2020-01-01T00:00:00Z" } })
    expect(plain.data.orders.length).toBe(5)
    for (const order of plain.data.orders) {
      expect(order.buyer).toBeUndefined()
      expect(order.recipient).toBeUndefined()
      expect(order.orderItems[0].product.sellerSku).toMatch(/^DEMO-/)
    }
    const pii = await t.http.get(SEARCH, { headers, params: { createdAfter: "2020-01-01T00:00:00Z", includedData: "BUYER,RECIPIENT,FULFILLMENT,PACKAGES", fulfilledBy: "MERCHANT" } })
    expect(pii.data.orders.length).toBe(4)
    for (const order of pii.data.orders) {
      expect(order.buyer.buyerName).toBeTruthy()
      expect(order.recipient.deliveryAddress.countryCode).toBe("DE")
    }
    const statuses = pii.data.orders.map((o: { fulfillment: { fulfillmentStatus: string } }) => o.fulfillment.fulfillmentStatus).sort()
    expect(statuses).toEqual(["CANCELLED", "PENDING", "SHIPPED", "UNSHIPPED"])
    const shipped = pii.data.orders.find((o: { fulfillment: { fulfillmentStatus: string } }) => o.fulfillment.fulfillmentStatus === "SHIPPED")
    expect(shipped.packages[0]).toMatchObject({ carrier: "DHL", trackingNumber: "00340434161234567890" })
  })

  it("lets pending orders become unshipped as (scaled) time passes", async () => {
    const pending = [...(await t.http.get(SEARCH, { headers, params: { createdAfter: "2020-01-01T00:00:00Z", fulfillmentStatuses: "PENDING" } })).data.orders]
    expect(pending).toHaveLength(1)
    t.sandbox.control.advanceClock(1_900) // 30 simulated minutes at time scale 1000
    const order = await t.http.get(`/orders/2026-01-01/orders/${pending[0].orderId}`, { headers, params: { includedData: "FULFILLMENT" } })
    expect(order.data.order.fulfillment.fulfillmentStatus).toBe("UNSHIPPED")
  })

  it("confirms shipments package by package and rejects bad ones with Amazon-style errors", async () => {
    const [orderId] = t.sandbox.control.addOrders({
      orders: [{ sellerId: DEMO.euSeller, marketplaceId: DE, items: [{ sku: "DEMO-MUG", quantity: 2 }, { sku: "DEMO-TSHIRT-S", quantity: 1 }], status: "Unshipped" }],
    }).orderIds
    const order = t.sandbox.control.getOrder(orderId)!
    const [mug, shirt] = order.items
    const confirm = (packageDetail: Record<string, unknown>, marketplaceId: string = DE) =>
      t.http.post(`/orders/v0/orders/${orderId}/shipmentConfirmation`, { marketplaceId, packageDetail }, { headers })
    const pkg = (over: Record<string, unknown> = {}) => ({
      packageReferenceId: "1",
      carrierCode: "DHL",
      trackingNumber: "JJD000390007812345",
      shipDate: new Date().toISOString(),
      orderItems: [{ orderItemId: mug.orderItemId, quantity: 2 }],
      ...over,
    })

    const badCarrier = await confirm(pkg({ carrierCode: "Pigeon Post" }))
    expect(badCarrier.status).toBe(400)
    expect(badCarrier.data.errors[0]).toMatchObject({ code: "InvalidInput", message: expect.stringMatching(/carrierCode/) })
    expect((await confirm(pkg({ carrierCode: "Other" }))).status).toBe(400) // Other needs carrierName
    expect((await confirm(pkg({ orderItems: [{ orderItemId: "12345678901234", quantity: 1 }] }))).status).toBe(400)
    expect((await confirm(pkg({ orderItems: [{ orderItemId: mug.orderItemId, quantity: 3 }] }))).status).toBe(400)
    expect((await confirm(pkg(), DEMO.UK)).status).toBe(400)

    const first = await confirm(pkg())
    expect(first.status).toBe(204)
    expect(t.sandbox.control.getOrder(orderId)?.status).toBe("PARTIALLY_SHIPPED")
    expect((await confirm(pkg({ orderItems: [{ orderItemId: shirt.orderItemId, quantity: 1 }] }))).status).toBe(400) // packageReferenceId reused
    const second = await confirm(pkg({ packageReferenceId: "2", carrierCode: "Other", carrierName: "Hermes Einrichtungs Service", orderItems: [{ orderItemId: shirt.orderItemId, quantity: 1 }] }))
    expect(second.status).toBe(204)

    const fetched = await t.http.get(`/orders/2026-01-01/orders/${orderId}`, { headers, params: { includedData: "FULFILLMENT,PACKAGES" } })
    expect(fetched.data.order.fulfillment.fulfillmentStatus).toBe("SHIPPED")
    expect(fetched.data.order.packages.map((p: { carrier: string }) => p.carrier)).toEqual(["DHL", "Hermes Einrichtungs Service"])
    expect(fetched.data.order.orderItems[0].fulfillment).toEqual({ quantityFulfilled: 2, quantityUnfulfilled: 0 })
    const log = t.sandbox.control.requests({ operation: "confirmShipment" })
    expect(log.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 204, 400, 204])
    expect(log[5].body).toMatchObject({ marketplaceId: DE, packageDetail: { carrierCode: "DHL" } })
  })

  it("can lose the answer of a confirmShipment it carried out (processed fault): the package is there all the same", async () => {
    const [orderId] = t.sandbox.control.addOrders({
      orders: [{ sellerId: DEMO.euSeller, marketplaceId: DE, items: [{ sku: "DEMO-MUG", quantity: 1 }], status: "Unshipped" }],
    }).orderIds
    const [mug] = t.sandbox.control.getOrder(orderId)!.items
    t.sandbox.control.addFault({ operation: "confirmShipment", kind: "500", processed: true, count: 1 })
    const packageDetail = { packageReferenceId: "1", carrierCode: "DHL", trackingNumber: "JJD000390007899999", shipDate: new Date().toISOString(), orderItems: [{ orderItemId: mug.orderItemId, quantity: 1 }] }
    const lost = await t.http.post(`/orders/v0/orders/${orderId}/shipmentConfirmation`, { marketplaceId: DE, packageDetail }, { headers })
    expect(lost.status).toBe(500)
    expect(t.sandbox.control.getOrder(orderId)).toMatchObject({ status: "SHIPPED", packages: [{ trackingNumber: "JJD000390007899999" }] })
    // sending it again is refused like Amazon would: the number is taken
    const again = await t.http.post(`/orders/v0/orders/${orderId}/shipmentConfirmation`, { marketplaceId: DE, packageDetail }, { headers })
    expect(again.status).toBe(400)
    expect(() => t.sandbox.control.addFault({ operation: "getOrder", kind: "429", processed: true })).toThrow(/processed/)
  })

  it("answers 404 for another seller's or an unknown order", async () => {
    const na = await t.auth("na")
    const euOrder = [...(await t.http.get(SEARCH, { headers, params: { createdAfter: "2020-01-01T00:00:00Z" } })).data.orders][0]
    expect((await t.http.get(`/orders/2026-01-01/orders/${euOrder.orderId}`, { headers: na })).status).toBe(404)
    expect((await t.http.get("/orders/2026-01-01/orders/999-9999999-9999999", { headers })).status).toBe(404)
  })
})
