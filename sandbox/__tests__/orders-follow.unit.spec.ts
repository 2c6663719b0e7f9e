import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const SEARCH = "/orders/2026-01-01/orders"
const EU = ["A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1F83G8C2ARO7P", "A1805IZSGTT6HS", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9"]
const ALL = "BUYER,RECIPIENT,PROCEEDS,FULFILLMENT,CANCELLATION,PACKAGES"

describe("sandbox: orders as Amazon changes them after they were placed", () => {
  let t: TestSandbox
  let headers: Record<string, string>
  const since = () => new Date(Date.now() - 60_000).toISOString()
  const get = async (orderId: string) => (await t.http.get(`${SEARCH}/${orderId}`, { headers, params: { includedData: ALL } })).data.order
  const add = (order: Record<string, unknown>) =>
    t.sandbox.control.addOrders({ orders: [{ sellerId: DEMO.euSeller, marketplaceId: DEMO.DE, items: [{ sku: "DEMO-MUG", quantity: 3, unitPrice: 12.5 }], ...order } as never] }).orderIds[0]

  beforeAll(async () => {
    t = await openSandbox({ timeScale: 1000 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(async () => {
    t.sandbox.control.reset()
    headers = await t.auth()
  })
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  it("answers one searchOrders call for several marketplaces, and refuses more than 50", async () => {
    const ids = t.sandbox.control.addOrders({
      orders: EU.map((marketplaceId) => ({ sellerId: DEMO.euSeller, marketplaceId, items: [{ sku: "DEMO-MUG", quantity: 1 }] })) as never,
    }).orderIds
    const res = await t.http.get(SEARCH, { headers, params: { lastUpdatedAfter: since(), marketplaceIds: EU.join(",") } })
    expect(res.status).toBe(200)
    expect(res.data.orders.map((o: { orderId: string }) => o.orderId).sort()).toEqual([...ids].sort())
    expect(new Set(res.data.orders.map((o: { salesChannel: { marketplaceId: string } }) => o.salesChannel.marketplaceId)).size).toBe(EU.length)
    const tooMany = await t.http.get(SEARCH, { headers, params: { lastUpdatedAfter: since(), marketplaceIds: Array.from({ length: 51 }, () => DEMO.DE).join(",") } })
    expect(tooMany.status).toBe(400)
  })

  it("marks multi-channel orders NON_AMAZON", async () => {
    const id = add({ salesChannel: "NON_AMAZON" })
    expect((await get(id)).salesChannel.channelName).toBe("NON_AMAZON")
  })

  it("shows a partial cancellation: the line's quantityOrdered drops, with who canceled it; all lines at 0 cancel the order", async () => {
    const id = add({ items: [{ sku: "DEMO-MUG", quantity: 3 }, { sku: "DEMO-TSHIRT-S", quantity: 1 }] })
    const [mug, shirt] = t.sandbox.control.getOrder(id)!.items
    const before = (await get(id)).lastUpdatedTime
    t.sandbox.control.advanceClock(5)
    t.sandbox.control.updateOrder(id, { items: [{ orderItemId: mug.orderItemId, quantityOrdered: 1 }] })
    const order = await get(id)
    expect(Date.parse(order.lastUpdatedTime)).toBeGreaterThan(Date.parse(before))
    expect(order.fulfillment.fulfillmentStatus).toBe("UNSHIPPED")
    expect(order.orderItems[0]).toMatchObject({ quantityOrdered: 1, cancellation: { cancellationExecution: { cancelledBy: "MERCHANT" } } })
    expect(order.proceeds.grandTotal.amount).toBe((12.5 + shirt.unitPrice).toFixed(2))
    expect(() => t.sandbox.control.updateOrder(id, { items: [{ orderItemId: mug.orderItemId, quantityOrdered: 2 }] })).toThrow(/between/)
    t.sandbox.control.updateOrder(id, { items: [{ orderItemId: mug.orderItemId, quantityOrdered: 0 }, { orderItemId: shirt.orderItemId, quantityOrdered: 0 }] })
    expect((await get(id)).fulfillment.fulfillmentStatus).toBe("CANCELLED")
  })

  it("shows a buyer's cancellation request under CANCELLATION, and only there", async () => {
    const id = add({})
    t.sandbox.control.updateOrder(id, { buyerCancelRequest: { reason: "Ordered by mistake" } })
    expect((await get(id)).orderItems[0].cancellation).toEqual({ cancellationRequest: { requester: "BUYER", cancelReason: "Ordered by mistake" } })
    const plain = (await t.http.get(`${SEARCH}/${id}`, { headers, params: { includedData: "FULFILLMENT" } })).data.order
    expect(plain.orderItems[0].cancellation).toBeUndefined()
  })

  it("ships an order in Seller Central: a package with its tracking number, every unit shipped", async () => {
    const id = add({})
    t.sandbox.control.updateOrder(id, { shipInSellerCentral: { trackingNumber: "00340434161094042557" } })
    const order = await get(id)
    expect(order.fulfillment.fulfillmentStatus).toBe("SHIPPED")
    expect(order.orderItems[0].fulfillment).toEqual({ quantityFulfilled: 3, quantityUnfulfilled: 0 })
    expect(order.packages).toEqual([expect.objectContaining({ trackingNumber: "00340434161094042557", packageItems: [{ orderItemId: order.orderItems[0].orderItemId, quantity: 3 }] })])
    expect(() => t.sandbox.control.updateOrder(id, { shipInSellerCentral: {} })).toThrow(/nothing left to ship/)
  })

  it("ships part of an order in Seller Central: the units named, the package numbered by Amazon", async () => {
    const id = add({})
    const itemId = t.sandbox.control.getOrder(id)!.items[0].orderItemId
    expect(() => t.sandbox.control.updateOrder(id, { shipInSellerCentral: { items: [{ orderItemId: itemId, quantity: 4 }] } })).toThrow(/unshipped/)
    t.sandbox.control.updateOrder(id, { shipInSellerCentral: { trackingNumber: "SC-1", items: [{ orderItemId: itemId, quantity: 1 }] } })
    const order = await get(id)
    expect(order.fulfillment.fulfillmentStatus).toBe("PARTIALLY_SHIPPED")
    expect(order.packages).toEqual([expect.objectContaining({ packageReferenceId: "1", trackingNumber: "SC-1", packageItems: [{ orderItemId: itemId, quantity: 1 }] })])
  })
})
