import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"
import { STATIC_HEADER, buildStaticRequest, listStaticExamples, startSandbox } from "../server"

/** The operations the plugin calls; each must replay at least one successful static example. */
const PLUGIN_OPERATIONS = [
  "getMarketplaceParticipations",
  "searchOrders",
  "getOrder",
  "confirmShipment",
  "createFeedDocument",
  "createFeed",
  "getFeed",
  "getFeeds",
  "cancelFeed",
  "getFeedDocument",
  "searchCatalogItems",
  "getCatalogItem",
  "getListingsItem",
  "putListingsItem",
  "patchListingsItem",
  "deleteListingsItem",
  "searchListingsItems",
  "createReport",
  "getReport",
  "getReports",
  "cancelReport",
  "getReportDocument",
  "searchDefinitionsProductTypes",
  "getDefinitionsProductType",
]

const examples = listStaticExamples()
const withModels = examples.length > 0 ? describe : describe.skip

withModels("sandbox: static-example replay (x-amzn-api-sandbox: static)", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox()
  })
  afterAll(() => t.sandbox.close())

  it("lists every static example of the models with its expected answer", () => {
    expect(examples.length).toBeGreaterThanOrEqual(100)
    const confirm = examples.find((e) => e.operationId === "confirmShipment" && e.status === 204)
    expect(confirm).toMatchObject({ api: "ordersV0", method: "POST", path: "/orders/v0/orders/{orderId}/shipmentConfirmation", parameters: { orderId: "902-1106328-1059050", body: expect.any(Object) } })
    // Only getAccount's 400 example has the same request as its 200 example.
    expect(examples.filter((e) => e.shadowed).map((e) => `${e.operationId} ${e.status}`)).toEqual(["getAccount 400"])
  })

  it("answers each example's request with the example's status and body", async () => {
    const headers = { ...(await t.auth()), [STATIC_HEADER]: "static" }
    const replayed = new Set<string>()
    const failures: string[] = []
    for (const example of examples.filter((e) => !e.shadowed)) {
      const request = buildStaticRequest(example)
      const res = await t.http.request({ method: request.method, url: request.url, data: request.body, headers })
      const expectBody = example.status !== 204 && example.body !== null && example.body !== undefined
      const ok = res.status === example.status && (!expectBody || JSON.stringify(res.data) === JSON.stringify(example.body))
      if (!ok) failures.push(`${example.api} ${example.operationId} #${example.index}: got ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
      else if (example.status < 300) replayed.add(example.operationId)
      expect(res.headers["x-amzn-requestid"]).toBeTruthy()
    }
    expect(failures).toEqual([])
    expect(PLUGIN_OPERATIONS.filter((op) => !replayed.has(op))).toEqual([])
    expect(t.sandbox.control.requests().filter((r) => r.static).length).toBeGreaterThanOrEqual(100)
  })

  it("answers 400 when no example matches and still requires an access token", async () => {
    const token = await t.auth()
    const miss = await t.http.get("/feeds/2021-06-30/feeds/not-an-example", { headers: { ...token, [STATIC_HEADER]: "static" } })
    expect(miss.status).toBe(400)
    expect(miss.data.errors[0].code).toBe("InvalidInput")
    expect(miss.headers["x-amzn-ratelimit-limit"]).toBe("5")
    const anonymous = await t.http.get("/feeds/2021-06-30/feeds/feedId1", { headers: { [STATIC_HEADER]: "static" } })
    expect(anonymous.status).toBe(403)
  })
})

withModels("sandbox: request validation against Amazon's models", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox()
  })
  afterAll(() => t.sandbox.close())
  beforeEach(() => t.sandbox.control.reset())
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  it("records what is wrong with a request without rejecting it", async () => {
    const headers = await t.auth()
    const res = await t.http.get("/orders/2026-01-01/orders?createdAfter=2024-01-01T00:00:00Z&maxResultsPerPage=ten&includedData=BUYER,ADDRESS&marketplaceId=A1PA6795UKMFR9", { headers })
    expect(res.status).toBe(400) // the sandbox's own check of maxResultsPerPage, not the validator
    const [failure] = t.sandbox.control.validationErrors()
    expect(failure).toMatchObject({ kind: "request", operationId: "searchOrders", api: "orders_2026-01-01", method: "GET" })
    expect(failure.errors.map((e) => e.location).sort()).toEqual(["query.includedData.1", "query.marketplaceId", "query.maxResultsPerPage"])

    t.sandbox.control.clearValidationErrors()
    await t.http.post("/feeds/2021-06-30/feeds", { feedType: "JSON_LISTINGS_FEED", marketplaceIds: ["A1PA6795UKMFR9"] }, { headers })
    const [body] = t.sandbox.control.validationErrors()
    expect(body.errors[0]).toMatchObject({ location: "body", message: "must have required property 'inputFeedDocumentId'" })

    const http = await t.http.get("/_sandbox/validation-errors")
    expect(http.data.validationErrors).toHaveLength(1)
    await t.http.delete("/_sandbox/validation-errors")
    expect(t.sandbox.control.validationErrors()).toEqual([])

    // A correct request records nothing.
    await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}/DEMO-MUG`, { headers, params: { marketplaceIds: DEMO.DE, includedData: "summaries,offers" } })
    expect(t.sandbox.control.validationErrors()).toEqual([])
  })

  it("answers 400 with an Amazon-style body when rejectInvalid is set", async () => {
    const strict = await openSandbox({ rejectInvalid: true })
    try {
      const headers = await strict.auth()
      const res = await strict.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}/DEMO-MUG`, { headers, params: { marketplaceIds: DEMO.DE, includedData: "everything" } })
      expect(res.status).toBe(400)
      expect(res.data.errors[0]).toMatchObject({ code: "InvalidInput", message: expect.stringContaining("query.includedData.0") })
      expect((await strict.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}/DEMO-MUG`, { headers, params: { marketplaceIds: DEMO.DE } })).status).toBe(200)
    } finally {
      await strict.sandbox.close()
    }
  })
})

describe("sandbox: without Amazon's models", () => {
  it("logs once, keeps every stateful operation working, and turns static replay off", async () => {
    const lines: string[] = []
    const sandbox = await startSandbox({ modelsDir: "/nonexistent/amazon-sp-api", validateRequests: true, logger: (l) => lines.push(l) })
    try {
      expect(lines.filter((l) => l.startsWith("Amazon models not found at /nonexistent/amazon-sp-api"))).toHaveLength(1)
      expect(listStaticExamples({ modelsDir: "/nonexistent/amazon-sp-api" })).toEqual([])
      const { default: axios } = await import("axios")
      const http = axios.create({ baseURL: sandbox.url, validateStatus: () => true })
      const token = await http.post("/auth/o2/token", new URLSearchParams({ grant_type: "refresh_token", refresh_token: DEMO.euRefreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
      const headers = { "x-amz-access-token": token.data.access_token }
      expect((await http.get("/sellers/v1/marketplaceParticipations", { headers })).status).toBe(200)
      expect((await http.get("/sellers/v1/marketplaceParticipations", { headers: { ...headers, [STATIC_HEADER]: "static" } })).status).toBe(501)
      expect(sandbox.control.summary().modelsLoaded).toBe(false)
    } finally {
      await sandbox.close()
    }
  })
})
