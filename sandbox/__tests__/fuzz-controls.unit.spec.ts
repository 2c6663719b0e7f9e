import axios from "axios"
import { gunzipSync } from "node:zlib"
import { applyJsonPatch, parseFaultRule } from "../faults"
import { DEMO, TestSandbox, download, openSandbox, responseViolations } from "./helpers"

const DE = DEMO.DE
const JSON_TYPE = "application/json; charset=UTF-8"

describe("sandbox: the 'mutate' fault", () => {
  describe("parseFaultRule", () => {
    it("takes a JSON Patch of add / replace / remove for a named operation", () => {
      const patch = [
        { op: "replace", path: "/orders/0/proceeds/grandTotal/amount", value: { amount: 1 } },
        { op: "remove", path: "/orders/1/orderItems/0/product" },
        { op: "add", path: "/unknownField", value: true },
      ]
      expect(parseFaultRule({ operation: "searchOrders", kind: "mutate", patch, count: 1 })).toEqual({ operation: "searchOrders", kind: "mutate", patch, count: 1 })
    })

    it.each([
      ["no patch", { operation: "searchOrders", kind: "mutate" }, /needs patch/],
      ["an empty patch", { operation: "searchOrders", kind: "mutate", patch: [] }, /needs patch/],
      ["no operation", { kind: "mutate", patch: [{ op: "remove", path: "/a" }] }, /needs an operation/],
      ["an unknown op", { operation: "getOrder", kind: "mutate", patch: [{ op: "move", path: "/a", from: "/b" }] }, /patch\[0\]\.op must be add, replace or remove/],
      ["a path that is not a pointer", { operation: "getOrder", kind: "mutate", patch: [{ op: "remove", path: "order" }] }, /JSON Pointer/],
      ["a replace without value", { operation: "getOrder", kind: "mutate", patch: [{ op: "replace", path: "/order" }] }, /needs a value/],
      ["a patch on another kind", { operation: "getOrder", kind: "500", patch: [{ op: "remove", path: "/order" }] }, /only for kind "mutate"/],
    ])("refuses %s", (_, rule, message) => {
      expect(() => parseFaultRule(rule)).toThrow(message)
    })
  })

  describe("applyJsonPatch", () => {
    const doc = { orders: [{ id: "a", total: "1.00" }, { id: "b" }], pagination: { nextToken: "t" } }

    it("replaces, removes and adds (in objects and lists), leaving the input as it was", () => {
      const patched = applyJsonPatch(doc, [
        { op: "replace", path: "/orders/0/total", value: { amount: "1.00" } },
        { op: "remove", path: "/pagination/nextToken" },
        { op: "add", path: "/orders/-", value: { id: "c" } },
        { op: "add", path: "/orders/0", value: { id: "first" } },
        { op: "add", path: "/extra~1field", value: [1] },
      ])
      expect(patched).toEqual({ orders: [{ id: "first" }, { id: "a", total: { amount: "1.00" } }, { id: "b" }, { id: "c" }], pagination: {}, "extra/field": [1] })
      expect(doc).toEqual({ orders: [{ id: "a", total: "1.00" }, { id: "b" }], pagination: { nextToken: "t" } })
    })

    it("refuses a path that does not exist (a corruption that never happened must not pass)", () => {
      expect(() => applyJsonPatch(doc, [{ op: "replace", path: "/orders/5/total", value: 1 }])).toThrow(/\/orders\/5\/total does not exist/)
      expect(() => applyJsonPatch(doc, [{ op: "remove", path: "/nope" }])).toThrow(/does not exist/)
      expect(() => applyJsonPatch(doc, [{ op: "add", path: "/missing/deeper", value: 1 }])).toThrow(/does not exist/)
    })
  })

  describe("over HTTP", () => {
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
    // the sandbox's own answer is validated before it is mutated: a mutation is never a response violation
    afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

    const search = () => t.http.get("/orders/2026-01-01/orders", { headers, params: { marketplaceIds: DE, createdAfter: "2020-01-01T00:00:00Z" } })

    it("puts a wrong type into one answer of the operation, then answers normally again", async () => {
      const clean = await search()
      expect(typeof clean.data.orders[0].orderItems[0].product.sellerSku).toBe("string")
      t.sandbox.control.addFault({
        operation: "searchOrders",
        kind: "mutate",
        count: 1,
        patch: [
          { op: "replace", path: "/orders/0/orderItems/0/product/sellerSku", value: 42 },
          { op: "remove", path: "/orders/1/orderItems/0/product" },
        ],
      })
      const mutated = await search()
      expect(mutated.status).toBe(200)
      expect(mutated.data.orders[0].orderItems[0].product.sellerSku).toBe(42)
      expect(mutated.data.orders[1].orderItems[0].product).toBeUndefined()
      expect(t.sandbox.control.requests({ operation: "searchOrders" }).map((r) => r.fault)).toEqual([undefined, "mutate"])
      expect((await search()).data.orders).toEqual(clean.data.orders)
    })

    it("answers 500 SandboxFaultError when the patch does not fit the answer", async () => {
      t.sandbox.control.addFault({ operation: "searchOrders", kind: "mutate", count: 1, patch: [{ op: "remove", path: "/orders/99" }] })
      const res = await search()
      expect(res.status).toBe(500)
      expect(res.data.errors[0]).toMatchObject({ code: "SandboxFaultError", message: expect.stringMatching(/\/orders\/99 does not exist/) })
    })

    it("patches a JSON document download (a feed's processing report) and packs it as it was", async () => {
      const created = await t.http.post("/feeds/2021-06-30/documents", { contentType: JSON_TYPE }, { headers })
      const feedDoc = {
        header: { sellerId: DEMO.euSeller, version: "2.0", issueLocale: "de_DE" },
        messages: [{ messageId: 1, sku: "DEMO-MUG", operationType: "PATCH", productType: "KITCHEN", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity: 3 }] }] }],
      }
      await axios.put(created.data.url, Buffer.from(JSON.stringify(feedDoc)), { headers: { "Content-Type": JSON_TYPE } })
      const feed = await t.http.post("/feeds/2021-06-30/feeds", { feedType: "JSON_LISTINGS_FEED", marketplaceIds: [DE], inputFeedDocumentId: created.data.feedDocumentId }, { headers })
      const done = t.sandbox.control.advanceFeed(feed.data.feedId)
      const location = (await t.http.get(`/feeds/2021-06-30/documents/${done.resultFeedDocumentId}`, { headers })).data
      t.sandbox.control.addFault({
        operation: "downloadDocument",
        kind: "mutate",
        count: 1,
        patch: [
          { op: "add", path: "/issues/-", value: { messageId: 1, code: "X1", severity: "CRITICAL", message: "new severity" } },
          { op: "add", path: "/somethingNew", value: { nested: true } },
        ],
      })
      const report = JSON.parse(await download(location.url))
      expect(report.issues).toContainEqual({ messageId: 1, code: "X1", severity: "CRITICAL", message: "new severity" })
      expect(report.somethingNew).toEqual({ nested: true })
      expect(report.summary.messagesProcessed).toBe(1)
      // the next download is the report as Amazon made it
      expect(JSON.parse(await download(location.url)).somethingNew).toBeUndefined()
    })
  })
})

describe("sandbox: controls for runs cut short", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 100 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(() => t.sandbox.control.reset())
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  const tokenFor = (refreshToken: string) =>
    t.http.post(
      "/auth/o2/token",
      new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret })
    )

  it("restores a revoked seller with a new refresh token; the revoked one stays revoked", async () => {
    t.sandbox.control.revokeSeller(DEMO.euSeller)
    expect((await tokenFor(DEMO.euRefreshToken)).data.error).toBe("invalid_grant")
    const { refreshToken } = t.sandbox.control.restoreSeller(DEMO.euSeller)
    expect(refreshToken).toMatch(/^Atzr\|/)
    expect(refreshToken).not.toBe(DEMO.euRefreshToken)
    const renewed = await tokenFor(refreshToken)
    expect(renewed.status).toBe(200)
    expect((await t.http.get("/sellers/v1/marketplaceParticipations", { headers: { "x-amz-access-token": renewed.data.access_token } })).status).toBe(200)
    expect((await tokenFor(DEMO.euRefreshToken)).data.error).toBe("invalid_grant")

    // over HTTP, with a token of the test's choosing
    const restored = await t.http.post(`/_sandbox/sellers/${DEMO.euSeller}/restore`, { refreshToken: "Atzr|chosen-again" })
    expect(restored.data).toEqual({ refreshToken: "Atzr|chosen-again" })
    expect((await tokenFor("Atzr|chosen-again")).status).toBe(200)
    expect((await t.http.post("/_sandbox/sellers/A0UNKNOWN/restore", {})).status).toBe(400)
  })

  it("tells an in-process listener of each request before it is answered, so a test can act at an exact point", async () => {
    const headers = await t.auth()
    const seen: string[] = []
    const stop = t.sandbox.control.onRequest((entry) => {
      seen.push(entry.operationId)
      // revoked as the second call arrives: that very call is refused
      if (seen.filter((op) => op === "getMarketplaceParticipations").length === 2) t.sandbox.control.revokeSeller(DEMO.euSeller)
    })
    const call = () => t.http.get("/sellers/v1/marketplaceParticipations", { headers })
    expect((await call()).status).toBe(200)
    expect((await call()).status).toBe(403)
    stop()
    await call()
    expect(seen).toEqual(["getMarketplaceParticipations", "getMarketplaceParticipations"])
    t.sandbox.control.onRequest(() => seen.push("after reset"))
    t.sandbox.control.reset()
    await t.auth()
    expect(seen).toHaveLength(2)
  })

  it("puts report lines given as bytes into the next listings report as they are", async () => {
    const headers = await t.auth()
    const latin1 = Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from("\tbytes")])
    t.sandbox.control.addReportRows({ sellerId: DEMO.euSeller, marketplaceId: DE, rows: ["text row", latin1] })
    const over = await t.http.post("/_sandbox/report-rows", { sellerId: DEMO.euSeller, marketplaceId: DE, rows: [{ base64: Buffer.from([0xff, 0x41]).toString("base64") }] })
    expect(over.data).toEqual({ pending: 3 })
    const created = await t.http.post("/reports/2021-06-30/reports", { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [DE] }, { headers })
    const report = t.sandbox.control.advanceReport(created.data.reportId)
    const location = (await t.http.get(`/reports/2021-06-30/documents/${report.reportDocumentId}`, { headers })).data
    const raw = await axios.get<ArrayBuffer>(location.url, { responseType: "arraybuffer" })
    const bytes = gunzipSync(Buffer.from(raw.data))
    expect(bytes.subarray(bytes.length - latin1.length - 4)).toEqual(Buffer.concat([latin1, Buffer.from("\n"), Buffer.from([0xff, 0x41, 0x0a])]))
    expect(bytes.toString("utf8")).toContain("\ntext row\n")
  })
})
