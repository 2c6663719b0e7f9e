import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const form = (fields: Record<string, string>) => new URLSearchParams(fields)

describe("sandbox: LWA token endpoint and consent page", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox({ accessTokenTtlSeconds: 60 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(() => t.sandbox.control.reset())

  it("exchanges a refresh token for a bearer access token and counts the request", async () => {
    const res = await t.http.post("/auth/o2/token", form({ grant_type: "refresh_token", refresh_token: DEMO.euRefreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    expect(res.status).toBe(200)
    expect(res.data).toEqual({ access_token: expect.stringMatching(/^Atza\|/), refresh_token: DEMO.euRefreshToken, token_type: "bearer", expires_in: 60 })
    expect(t.sandbox.control.stats().lwa.refresh_token).toBe(1)
    // The request log never holds secrets.
    const logged = JSON.stringify(t.sandbox.control.requests({ operation: "lwaToken" }))
    expect(logged).not.toContain(DEMO.clientSecret)
    expect(logged).not.toContain(DEMO.euRefreshToken)
  })

  it("answers LWA's own error bodies", async () => {
    const bad = await t.http.post("/auth/o2/token", form({ grant_type: "refresh_token", refresh_token: "Atzr|nope", client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    expect(bad.status).toBe(400)
    expect(bad.data).toEqual({ error: "invalid_grant", error_description: "The request has an invalid grant parameter : refresh_token" })

    const client = await t.http.post("/auth/o2/token", form({ grant_type: "refresh_token", refresh_token: DEMO.euRefreshToken, client_id: DEMO.clientId, client_secret: "wrong" }))
    expect(client.status).toBe(401)
    expect(client.data.error).toBe("invalid_client")

    const grant = await t.http.post("/auth/o2/token", form({ grant_type: "password", client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    expect(grant.status).toBe(400)
    expect(grant.data.error).toBe("unsupported_grant_type")
    expect(t.sandbox.control.stats().lwa.errors).toBe(3)
  })

  it("answers invalid_grant once the seller's authorization is revoked, and stops its access tokens", async () => {
    const headers = await t.auth()
    expect((await t.http.get("/sellers/v1/marketplaceParticipations", { headers })).status).toBe(200)
    t.sandbox.control.revokeSeller(DEMO.euSeller)
    const res = await t.http.post("/auth/o2/token", form({ grant_type: "refresh_token", refresh_token: DEMO.euRefreshToken, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    expect(res.status).toBe(400)
    expect(res.data.error).toBe("invalid_grant")
    expect((await t.http.get("/sellers/v1/marketplaceParticipations", { headers })).status).toBe(403)
  })

  it("rejects SP-API calls without, with an unknown, or with an expired access token", async () => {
    const none = await t.http.get("/sellers/v1/marketplaceParticipations")
    expect(none.status).toBe(403)
    expect(none.data).toEqual({ errors: [{ code: "Unauthorized", message: "Access to requested resource is denied.", details: "" }] })
    expect(none.headers["x-amzn-requestid"]).toBeTruthy()

    const unknown = await t.http.get("/sellers/v1/marketplaceParticipations", { headers: { "x-amz-access-token": "Atza|forged" } })
    expect(unknown.status).toBe(403)

    const headers = await t.auth()
    t.sandbox.control.advanceClock(61_000)
    const expired = await t.http.get("/sellers/v1/marketplaceParticipations", { headers })
    expect(expired.status).toBe(403)
    expect(expired.data.errors[0].code).toBe("Unauthorized")
    expect(expired.data.errors[0].message).toMatch(/expired/)
  })

  it("lists the seller's marketplace participations", async () => {
    const res = await t.http.get("/sellers/v1/marketplaceParticipations", { headers: await t.auth() })
    expect(res.status).toBe(200)
    const ids = res.data.payload.map((p: { marketplace: { id: string } }) => p.marketplace.id)
    expect(ids).toEqual(expect.arrayContaining([DEMO.DE, DEMO.UK, "A13V1IB3VIYZZH", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9"]))
    expect(res.data.payload[0]).toEqual({
      marketplace: { id: DEMO.DE, countryCode: "DE", name: "Amazon.de", defaultCurrencyCode: "EUR", defaultLanguageCode: "de_DE", domainName: "www.amazon.de" },
      storeName: "Sandbox Store EU",
      participation: { isParticipating: true, hasSuspendedListings: false },
    })
  })

  it("renders the consent page and redirects back with a single-use code that yields a new refresh token", async () => {
    const page = await t.http.get("/apps/authorize/consent", { params: { application_id: DEMO.applicationId, state: "st-1", version: "beta" } })
    expect(page.status).toBe(200)
    expect(page.data).toContain("Authorize")
    expect(page.data).toContain("for seller Sandbox Seller EU")
    expect(page.data).toContain('<form method="post" action="/apps/authorize/consent">')

    const confirm = await t.http.post("/apps/authorize/consent", form({ application_id: DEMO.applicationId, state: "st-1", seller: DEMO.naSeller, redirect_uri: "https://shop.example/cb?x=1" }))
    expect(confirm.status).toBe(302)
    const location = new URL(confirm.headers.location)
    expect(`${location.origin}${location.pathname}`).toBe("https://shop.example/cb")
    expect(location.searchParams.get("x")).toBe("1")
    expect(location.searchParams.get("state")).toBe("st-1")
    expect(location.searchParams.get("selling_partner_id")).toBe(DEMO.naSeller)
    const code = location.searchParams.get("spapi_oauth_code") as string

    const exchange = () =>
      t.http.post("/auth/o2/token", form({ grant_type: "authorization_code", code, redirect_uri: "https://shop.example/cb?x=1", client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    const first = await exchange()
    expect(first.status).toBe(200)
    expect(first.data.refresh_token).toMatch(/^Atzr\|/)
    expect(first.data.refresh_token).not.toBe(DEMO.naRefreshToken)
    const second = await exchange()
    expect(second.status).toBe(400)
    expect(second.data).toEqual({ error: "invalid_grant", error_description: "The request has an invalid grant parameter : code" })

    // The new refresh token works and belongs to the NA seller.
    const refreshed = await t.http.post("/auth/o2/token", form({ grant_type: "refresh_token", refresh_token: first.data.refresh_token, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    const participations = await t.http.get("/sellers/v1/marketplaceParticipations", { headers: { "x-amz-access-token": refreshed.data.access_token } })
    expect(participations.data.payload.map((p: { marketplace: { id: string } }) => p.marketplace.id)).toEqual([DEMO.US, "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"])
    expect(t.sandbox.control.stats().lwa.authorization_code).toBe(2)
  })

  it("redirects immediately with auto=1 to the default redirect URI; codes expire after five minutes", async () => {
    const res = await t.http.get("/apps/authorize/consent", { params: { application_id: DEMO.applicationId, state: "s2", auto: "1" } })
    expect(res.status).toBe(302)
    const location = new URL(res.headers.location)
    expect(`${location.origin}${location.pathname}`).toBe("http://localhost:9000/admin/amazon/oauth/callback")
    expect(location.searchParams.get("selling_partner_id")).toBe(DEMO.euSeller)
    t.sandbox.control.advanceClock(5 * 60_000 + 1)
    const late = await t.http.post("/auth/o2/token", form({ grant_type: "authorization_code", code: location.searchParams.get("spapi_oauth_code") as string, client_id: DEMO.clientId, client_secret: DEMO.clientSecret }))
    expect(late.status).toBe(400)
    expect(late.data.error).toBe("invalid_grant")
  })

  it("refuses an unknown application id", async () => {
    const res = await t.http.get("/apps/authorize/consent", { params: { application_id: "amzn1.sellerapps.app.other", state: "s" } })
    expect(res.status).toBe(400)
  })

  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))
})
