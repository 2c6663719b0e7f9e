import { SpApiAuthError, SpApiError } from "../errors"
import { LwaClient } from "../lwa"
import { captureLogger, euClient, FAST_RETRY, SANDBOX, useSandbox } from "./sandbox-fixture"

describe("LWA token exchange (against the sandbox)", () => {
  const sandbox = useSandbox()

  const lwa = (overrides: Partial<ConstructorParameters<typeof LwaClient>[0]> = {}) =>
    new LwaClient({
      clientId: SANDBOX.clientId,
      clientSecret: SANDBOX.clientSecret,
      tokenUrl: sandbox.current.lwaTokenUrl,
      retry: FAST_RETRY,
      ...overrides,
    })

  const refreshGrants = () => sandbox.current.control.stats().lwa.refresh_token

  it("caches the access token per refresh token", async () => {
    const client = lwa()
    const first = await client.getAccessToken(SANDBOX.euRefreshToken)
    const second = await client.getAccessToken(SANDBOX.euRefreshToken)
    const otherSeller = await client.getAccessToken(SANDBOX.naRefreshToken)
    expect(second).toBe(first)
    expect(otherSeller).not.toBe(first)
    expect(client.tokenRequestCount).toBe(2)
    expect(refreshGrants()).toBe(2)
  })

  it("shares one token request between concurrent callers (single flight)", async () => {
    const client = euClient(sandbox.current)
    await Promise.all(Array.from({ length: 12 }, () => client.feeds.getFeeds({ feedTypes: ["JSON_LISTINGS_FEED"] })))
    expect(refreshGrants()).toBe(1)
    expect(sandbox.current.control.stats().operations.getFeeds.calls).toBe(12)
  })

  it("refreshes 60 s before expiry, not later", async () => {
    let now = Date.now()
    const client = lwa({ now: () => now })
    await client.getAccessToken(SANDBOX.euRefreshToken)
    now += (3600 - 61) * 1000
    await client.getAccessToken(SANDBOX.euRefreshToken)
    expect(refreshGrants()).toBe(1)
    now += 2000 // 59 s left
    await client.getAccessToken(SANDBOX.euRefreshToken)
    expect(refreshGrants()).toBe(2)
  })

  it("revoked refresh token → SpApiAuthError invalid_grant with LWA's description", async () => {
    sandbox.current.control.revokeSeller(SANDBOX.euSeller)
    const error = await lwa()
      .getAccessToken(SANDBOX.euRefreshToken)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpApiAuthError)
    expect(error).toMatchObject({ code: "invalid_grant", status: 400, retryable: false })
    expect((error as SpApiAuthError).amazonMessage).toMatch(/invalid grant/)
    expect(refreshGrants()).toBe(1) // not retried
  })

  it("a seller revoked while the client holds a token → the API call fails with invalid_grant", async () => {
    const client = euClient(sandbox.current)
    await client.feeds.getFeeds({ feedTypes: ["JSON_LISTINGS_FEED"] })
    sandbox.current.control.revokeSeller(SANDBOX.euSeller)
    // SP-API refuses the old token (403) → one fresh token is requested → LWA says invalid_grant
    await expect(client.feeds.getFeeds({ feedTypes: ["JSON_LISTINGS_FEED"] })).rejects.toMatchObject({ name: "SpApiAuthError", code: "invalid_grant" })
  })

  it("wrong client secret → SpApiAuthError invalid_client", async () => {
    const error = await lwa({ clientSecret: "not-the-secret" })
      .getAccessToken(SANDBOX.euRefreshToken)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpApiAuthError)
    expect(error).toMatchObject({ code: "invalid_client", status: 401 })
    expect((error as Error).message).not.toContain("not-the-secret")
  })

  it("exchanges an authorization code for a refresh token and seeds the cache", async () => {
    const redirectUri = "https://store.example/admin/amazon/oauth/callback"
    const { code } = sandbox.current.control.issueAuthorizationCode(SANDBOX.euSeller, redirectUri)
    const client = lwa()
    const tokens = await client.exchangeAuthorizationCode(code, redirectUri)
    expect(tokens.refreshToken).toMatch(/^Atzr\|/)
    expect(tokens.expiresIn).toBeGreaterThan(0)
    expect(await client.getAccessToken(tokens.refreshToken!)).toBe(tokens.accessToken)
    expect(refreshGrants()).toBe(0)

    // single use
    await expect(client.exchangeAuthorizationCode(code, redirectUri)).rejects.toMatchObject({ code: "invalid_grant" })
  })

  it("retries a refresh after an LWA 5xx, and never logs the secrets", async () => {
    sandbox.current.control.addFault({ operation: "lwaToken", kind: "500", count: 2 })
    const logger = captureLogger()
    const client = lwa({ logger })
    const token = await client.getAccessToken(SANDBOX.euRefreshToken)
    expect(client.tokenRequestCount).toBe(3)
    expect(logger.lines.filter((l) => l.startsWith("warn"))).toHaveLength(2)
    for (const line of logger.lines) {
      expect(line).not.toContain(SANDBOX.clientSecret)
      expect(line).not.toContain(SANDBOX.euRefreshToken)
      expect(line).not.toContain(token)
    }
  })

  it("gives up after maxRetries on a dead token endpoint", async () => {
    sandbox.current.control.addFault({ operation: "lwaToken", kind: "503" })
    const client = lwa({ retry: { ...FAST_RETRY, maxRetries: 2 } })
    const error = await client.getAccessToken(SANDBOX.euRefreshToken).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpApiError)
    expect(error).toMatchObject({ status: 503, retryable: true, attempts: 3 })
    expect(client.tokenRequestCount).toBe(3)
  })
})
