import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const DE = DEMO.DE
const BASE = "/fba/outbound/2020-07-01"
const address = { name: "Erika Mustermann", addressLine1: "Hauptstr. 1", city: "Berlin", stateOrRegion: "BE", postalCode: "10115", countryCode: "DE" }

function order(id: string, items: Array<{ sellerSku: string; quantity: number }>, extra: Record<string, unknown> = {}) {
  return {
    marketplaceId: DE,
    sellerFulfillmentOrderId: id,
    displayableOrderId: "1001",
    displayableOrderDate: "2026-12-05T10:00:00Z",
    displayableOrderComment: "Thank you for your order",
    shippingSpeedCategory: "Standard",
    destinationAddress: address,
    items: items.map((i, n) => ({ ...i, sellerFulfillmentOrderItemId: `item-${n}` })),
    ...extra,
  }
}

describe("sandbox: Multi-Channel Fulfillment (Fulfillment Outbound 2020-07-01)", () => {
  let t: TestSandbox
  let headers: Record<string, string>
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 100 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(async () => {
    t.sandbox.control.reset()
    headers = await t.auth()
  })
  afterEach(() => {
    expect(responseViolations(t.sandbox)).toEqual([])
    expect(t.sandbox.control.validationErrors()).toEqual([])
  })

  it("previews, creates once (a second create with the same id is refused), and ships on the clock with tracking", async () => {
    const preview = await t.http.post(`${BASE}/fulfillmentOrders/preview`, { marketplaceId: DE, address, items: [{ sellerSku: "DEMO-BOOK", quantity: 1, sellerFulfillmentOrderItemId: "a" }] }, { headers })
    expect(preview.status).toBe(200)
    expect(preview.data.payload.fulfillmentPreviews.map((p: { isFulfillable: boolean }) => p.isFulfillable)).toEqual([true, true, true])

    const created = await t.http.post(`${BASE}/fulfillmentOrders`, order("ful_01", [{ sellerSku: "DEMO-BOOK", quantity: 2 }]), { headers })
    expect(created.status).toBe(200)
    const again = await t.http.post(`${BASE}/fulfillmentOrders`, order("ful_01", [{ sellerSku: "DEMO-BOOK", quantity: 2 }]), { headers })
    expect(again.status).toBe(400)
    expect(again.data.errors[0].message).toMatch(/already exists/)

    const status = async () => (await t.http.get(`${BASE}/fulfillmentOrders/ful_01`, { headers })).data.payload
    expect((await status()).fulfillmentOrder.fulfillmentOrderStatus).toBe("Received")
    t.sandbox.control.advanceClock(700) // 70 Amazon seconds
    expect((await status()).fulfillmentOrder.fulfillmentOrderStatus).toBe("Planning")
    t.sandbox.control.advanceClock(6_000)
    expect((await status()).fulfillmentOrder.fulfillmentOrderStatus).toBe("Processing")
    const cancelLate = await t.http.put(`${BASE}/fulfillmentOrders/ful_01/cancel`, {}, { headers })
    expect(cancelLate.status).toBe(400)
    t.sandbox.control.advanceClock(36_000)
    const done = await status()
    expect(done.fulfillmentOrder.fulfillmentOrderStatus).toBe("Complete")
    const pkg = done.fulfillmentShipments[0].fulfillmentShipmentPackage[0]
    const tracking = await t.http.get(`${BASE}/tracking`, { headers, params: { packageNumber: pkg.packageNumber } })
    expect(tracking.status).toBe(200)
    expect(tracking.data.payload.customerTrackingLink).toBe(`https://www.swiship.com/track?id=${pkg.trackingNumber}`)
  })

  it("reports short stock: preview unfulfillable, FillOrKill order Unfulfillable at planning, unknown SKU refused, cancel while Received", async () => {
    t.sandbox.control.setFbaInventory({ sellerId: DEMO.euSeller, marketplaceId: DE, items: [{ sellerSku: "DEMO-BOOK", fulfillable: 1 }] })
    const preview = await t.http.post(`${BASE}/fulfillmentOrders/preview`, { marketplaceId: DE, address, items: [{ sellerSku: "DEMO-BOOK", quantity: 3, sellerFulfillmentOrderItemId: "a" }] }, { headers })
    expect(preview.data.payload.fulfillmentPreviews[0]).toMatchObject({ isFulfillable: false, unfulfillablePreviewItems: [{ sellerSku: "DEMO-BOOK", quantity: 2 }] })
    const unknown = await t.http.post(`${BASE}/fulfillmentOrders`, order("ful_x", [{ sellerSku: "NOPE", quantity: 1 }]), { headers })
    expect(unknown.status).toBe(400)
    expect((await t.http.post(`${BASE}/fulfillmentOrders`, order("ful_02", [{ sellerSku: "DEMO-BOOK", quantity: 3 }]), { headers })).status).toBe(200)
    t.sandbox.control.advanceClock(700)
    const got = (await t.http.get(`${BASE}/fulfillmentOrders/ful_02`, { headers })).data.payload
    expect(got.fulfillmentOrder.fulfillmentOrderStatus).toBe("Unfulfillable")
    expect(got.fulfillmentOrderItems[0].unfulfillableQuantity).toBe(3)

    expect((await t.http.post(`${BASE}/fulfillmentOrders`, order("ful_03", [{ sellerSku: "DEMO-BOOK", quantity: 1 }]), { headers })).status).toBe(200)
    expect((await t.http.put(`${BASE}/fulfillmentOrders/ful_03/cancel`, {}, { headers })).status).toBe(200)
    const cancelled = (await t.http.get(`${BASE}/fulfillmentOrders/ful_03`, { headers })).data.payload
    expect(cancelled.fulfillmentOrder.fulfillmentOrderStatus).toBe("Cancelled")
  })
})
