import axios from "axios"
import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

describe("sandbox: control API over HTTP", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox({ seed: "empty" })
  })
  afterAll(() => t.sandbox.close())
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  it("seeds a scenario from nothing and reads back what the sandbox received", async () => {
    expect((await t.http.get("/_sandbox/state")).data).toMatchObject({ sellers: 0, catalogItems: 0, listings: 0, orders: 0 })
    const seller = await t.http.post("/_sandbox/sellers", { sellerId: "A3TESTSELLER", name: "Test Seller FR", marketplaceIds: ["A13V1IB3VIYZZH", DEMO.DE] })
    expect(seller.data).toMatchObject({ seller: { sellerId: "A3TESTSELLER", region: "eu" }, refreshToken: expect.stringMatching(/^Atzr\|/) })
    const FR = "A13V1IB3VIYZZH"
    expect((await t.http.post("/_sandbox/catalog", [{ asin: "B0TEST0001", marketplaceId: FR, identifiers: { EAN: ["4006381333931"] }, title: "Stylo", brand: "Test", productType: "PRODUCT" }])).data).toEqual({ added: 1 })
    expect((await t.http.post("/_sandbox/listings", { listings: [{ sellerId: "A3TESTSELLER", marketplaceId: FR, sku: "STYLO-1", asin: "B0TEST0001", price: 2.5, quantity: 10 }] })).data).toEqual({ added: 1 })
    const orders = await t.http.post("/_sandbox/orders", { orders: [{ sellerId: "A3TESTSELLER", marketplaceId: FR, items: [{ sku: "STYLO-1", quantity: 2 }], status: "Pending" }] })
    const [orderId] = orders.data.orderIds
    expect((await t.http.get(`/_sandbox/orders/${orderId}`)).data).toMatchObject({ status: "PENDING", items: [{ sku: "STYLO-1", asin: "B0TEST0001", unitPrice: 2.5, currency: "EUR" }] })
    expect((await t.http.post(`/_sandbox/orders/${orderId}`, { status: "Unshipped" })).data.status).toBe("UNSHIPPED")
    expect((await t.http.post(`/_sandbox/orders/${orderId}`, { status: "Lost" })).status).toBe(400)

    const token = await axios.post(t.sandbox.lwaTokenUrl, new URLSearchParams({ grant_type: "refresh_token", refresh_token: seller.data.refreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    const headers = { "x-amz-access-token": token.data.access_token }
    const search = await t.http.get("/catalog/2022-04-01/items", { headers, params: { identifiersType: "EAN", identifiers: "4006381333931", marketplaceIds: FR } })
    expect(search.data.items[0].asin).toBe("B0TEST0001")
    expect((await t.http.get("/catalog/2022-04-01/items", { headers, params: { identifiersType: "EAN", identifiers: "4006381333931", marketplaceIds: DEMO.DE } })).data.numberOfResults).toBe(0)

    const log = (await t.http.get("/_sandbox/requests", { params: { operation: "searchCatalogItems" } })).data.requests
    expect(log).toHaveLength(2)
    expect(log[0]).toMatchObject({ operationId: "searchCatalogItems", method: "GET", path: "/catalog/2022-04-01/items", status: 200, sellerId: "A3TESTSELLER", query: { identifiersType: "EAN", marketplaceIds: FR } })
    expect((await t.http.get("/_sandbox/stats")).data.operations.searchCatalogItems).toEqual({ calls: 2, throttled: 0, serverErrors: 0, timeouts: 0 })
    await t.http.delete("/_sandbox/requests")
    expect((await t.http.get("/_sandbox/requests")).data.requests).toEqual([])

    // Feeds and reports can be finished on demand.
    const report = await t.http.post("/reports/2021-06-30/reports", { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [FR] }, { headers })
    expect((await t.http.post(`/_sandbox/reports/${report.data.reportId}/advance`)).data.processingStatus).toBe("DONE")
    expect((await t.http.post("/_sandbox/reports/99999/advance")).status).toBe(400)

    await t.http.post("/_sandbox/sellers/A3TESTSELLER/revoke")
    const revoked = await axios.post(t.sandbox.lwaTokenUrl, new URLSearchParams({ grant_type: "refresh_token", refresh_token: seller.data.refreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }), { validateStatus: () => true })
    expect(revoked.data.error).toBe("invalid_grant")

    expect((await t.http.post("/_sandbox/reset")).status).toBe(200)
    expect((await t.http.get("/_sandbox/state")).data).toMatchObject({ sellers: 0, listings: 0, orders: 0, requests: 0 })
  })

  it("issues authorization codes without the consent page and advances the clock", async () => {
    t.sandbox.control.createSeller({ sellerId: "A4CODESELLER", marketplaceIds: [DEMO.US] })
    const { data } = await t.http.post("/_sandbox/sellers/A4CODESELLER/authorization-code", { redirectUri: "https://app.example/cb" })
    const exchange = await axios.post(t.sandbox.lwaTokenUrl, new URLSearchParams({ grant_type: "authorization_code", code: data.code, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    expect(exchange.data.refresh_token).toMatch(/^Atzr\|/)
    const before = Date.parse((await t.http.get("/_sandbox/state")).data.now)
    await t.http.post("/_sandbox/clock/advance", { ms: 3_600_000 })
    expect(Date.parse((await t.http.get("/_sandbox/state")).data.now) - before).toBeGreaterThanOrEqual(3_600_000)
  })
})
