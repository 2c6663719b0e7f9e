import { SpApiError, SpApiNetworkError, SpApiThrottledError } from "../errors"
import { feedDocumentId, feedId } from "../types"
import { captureLogger, euClient, SANDBOX, useSandbox } from "./sandbox-fixture"

describe("retries, errors and quota (against the sandbox)", () => {
  const sandbox = useSandbox()
  const control = () => sandbox.current.control
  const calls = (operation: string) => control().stats().operations[operation] ?? { calls: 0, throttled: 0, serverErrors: 0, timeouts: 0 }

  /** A feed of the seeded EU seller to poll. */
  async function someFeed(client = euClient(sandbox.current)) {
    const contentType = "application/json; charset=UTF-8"
    const document = await client.feeds.createFeedDocument({ contentType })
    await client.feeds.uploadFeedDocument(document, "{}", contentType)
    const { feedId: id } = await client.feeds.createFeed({
      feedType: "JSON_LISTINGS_FEED",
      marketplaceIds: [SANDBOX.DE],
      inputFeedDocumentId: feedDocumentId(document.feedDocumentId),
    })
    return feedId(id)
  }

  it("429 → drains the bucket, backs off, succeeds", async () => {
    const logger = captureLogger()
    const client = euClient(sandbox.current, { logger })
    const id = await someFeed(client)
    await client.feeds.getFeed(id) // learns the sandbox's (time-scaled) rate from the header
    control().addFault({ operation: "getFeed", kind: "429", count: 2 })
    await expect(client.feeds.getFeed(id)).resolves.toMatchObject({ feedId: id })
    expect(calls("getFeed")).toMatchObject({ calls: 4, throttled: 2 })
    expect(client.rateLimiter.bucket(client.settings.partnerKey, "getFeed").state().throttled).toBe(2)
    expect(logger.lines.filter((l) => /^warn .*getFeed: HTTP 429 QuotaExceeded, retry \d\/5/.test(l))).toHaveLength(2)
  })

  it("429 that outlasts every retry → SpApiThrottledError with Amazon's code and request id", async () => {
    const client = euClient(sandbox.current, { maxRetries: 2 })
    const id = await someFeed(client)
    await client.feeds.getFeed(id)
    control().clearRequests()
    control().addFault({ operation: "getFeed", kind: "429" })
    const error = await client.feeds.getFeed(id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpApiThrottledError)
    expect(error).toMatchObject({ operation: "getFeed", status: 429, code: "QuotaExceeded", attempts: 3 })
    expect((error as SpApiError).requestId).toMatch(/\S+/)
    expect(control().requests({ operation: "getFeed" })).toHaveLength(3)
  })

  it("5xx retries are bounded by maxRetries", async () => {
    const client = euClient(sandbox.current, { maxRetries: 3 })
    const id = await someFeed(client)
    control().addFault({ operation: "getFeed", kind: "500" })
    await expect(client.feeds.getFeed(id)).rejects.toMatchObject({ status: 500, code: "InternalFailure", retryable: true, attempts: 4 })
    expect(calls("getFeed")).toMatchObject({ calls: 4, serverErrors: 4 })
  })

  it("a transient 503 is retried, even for createFeed", async () => {
    const client = euClient(sandbox.current)
    control().addFault({ operation: "createFeed", kind: "503", count: 1 })
    await expect(someFeed(client)).resolves.toMatch(/\S/)
    expect(calls("createFeed")).toMatchObject({ calls: 2, serverErrors: 1 })
  })

  it("createFeed is not retried after a 500: it may have been applied", async () => {
    const client = euClient(sandbox.current)
    control().addFault({ operation: "createFeed", kind: "500", count: 1 })
    await expect(someFeed(client)).rejects.toMatchObject({ status: 500, retryable: false, attempts: 1 })
    expect(calls("createFeed").calls).toBe(1)
  })

  it("a timeout is retried for a read", async () => {
    const client = euClient(sandbox.current, { timeoutMs: 300 })
    const id = await someFeed(client)
    control().addFault({ operation: "getFeed", kind: "timeout", count: 1, delayMs: 2000 })
    await expect(client.feeds.getFeed(id)).resolves.toMatchObject({ feedId: id })
    expect(control().requests({ operation: "getFeed" })).toHaveLength(2)
  })

  it("createFeed is not retried after a timeout: SpApiNetworkError, mayHaveBeenReceived", async () => {
    const client = euClient(sandbox.current, { timeoutMs: 300 })
    control().addFault({ operation: "createFeed", kind: "timeout", count: 1, delayMs: 2000 })
    const error = await someFeed(client).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpApiNetworkError)
    expect(error).toMatchObject({ operation: "createFeed", code: "Timeout", mayHaveBeenReceived: true, retryable: false })
    expect(control().requests({ operation: "createFeed" })).toHaveLength(1)
  })

  it("confirmShipment is not retried after a timeout either", async () => {
    const client = euClient(sandbox.current, { timeoutMs: 300 })
    control().addFault({ operation: "confirmShipment", kind: "timeout", count: 1, delayMs: 2000 })
    const { orderIds } = control().addOrders({ generate: { count: 1, sellerId: SANDBOX.euSeller, marketplaceId: SANDBOX.DE } })
    const error = await client.ordersV0
      .confirmShipment(orderIds[0] as never, {
        marketplaceId: SANDBOX.DE,
        packageDetail: { packageReferenceId: "1", carrierCode: "DHL", trackingNumber: "123", shipDate: new Date().toISOString(), orderItems: [] },
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: "SpApiNetworkError", mayHaveBeenReceived: true })
    expect(control().requests({ operation: "confirmShipment" })).toHaveLength(1)
  })

  it("a malformed body is retried for a read and reported as MalformedResponse when it persists", async () => {
    const client = euClient(sandbox.current, { maxRetries: 1 })
    const id = await someFeed(client)
    control().addFault({ operation: "getFeed", kind: "malformed", count: 1 })
    await expect(client.feeds.getFeed(id)).resolves.toMatchObject({ feedId: id })
    control().addFault({ operation: "getFeed", kind: "malformed" })
    await expect(client.feeds.getFeed(id)).rejects.toMatchObject({ name: "SpApiNetworkError", code: "MalformedResponse", attempts: 2 })
  })

  it("Amazon's 4xx errors are not retried and carry code, message and request id", async () => {
    const client = euClient(sandbox.current)
    const error = await client.feeds.getFeed(feedId("999999999")).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpApiError)
    const e = error as SpApiError
    expect([400, 404]).toContain(e.status)
    expect(e.retryable).toBe(false)
    expect(e.code).toMatch(/\S/)
    expect(e.requestId).toMatch(/\S/)
    expect(e.message).toContain(e.requestId)
    expect(calls("getFeed").calls).toBe(1)
  })

  it("adopts x-amzn-RateLimit-Limit (the sandbox reports rate × time scale)", async () => {
    const client = euClient(sandbox.current)
    const id = await someFeed(client)
    const bucket = client.rateLimiter.bucket(client.settings.partnerKey, "getFeed")
    expect(bucket.rate).toBe(2)
    await client.feeds.getFeed(id)
    expect(bucket.rate).toBe(2 * 1000)
    expect(client.rateLimiter.bucket(client.settings.partnerKey, "createFeed").rate).toBeCloseTo(0.0083 * 1000, 6)
  })

  it("never logs or throws a token or secret", async () => {
    const logger = captureLogger()
    const client = euClient(sandbox.current, { logger, maxRetries: 1, timeoutMs: 300 })
    const id = await someFeed(client)
    await client.feeds.getFeed(id)
    const accessToken = await client.lwa.getAccessToken(SANDBOX.euRefreshToken)
    const errors: unknown[] = []
    control().addFault({ operation: "getFeed", kind: "429", count: 1 })
    await client.feeds.getFeed(id)
    control().addFault({ operation: "getFeed", kind: "500" })
    errors.push(await client.feeds.getFeed(id).catch((e: unknown) => e))
    control().clearFaults()
    control().addFault({ operation: "getFeed", kind: "timeout", delayMs: 1000 })
    errors.push(await client.feeds.getFeed(id).catch((e: unknown) => e))
    control().clearFaults()
    control().revokeSeller(SANDBOX.euSeller)
    errors.push(await client.feeds.getFeed(id).catch((e: unknown) => e))
    errors.push(await euClient(sandbox.current, { logger, clientSecret: "wrong-secret-value" }).feeds.getFeed(id).catch((e: unknown) => e))

    expect(errors.every((e) => e instanceof SpApiError)).toBe(true)
    expect(logger.lines.length).toBeGreaterThan(5)
    const texts = [
      ...logger.lines,
      ...errors.map((e) => `${(e as Error).message} ${JSON.stringify(e)} ${(e as Error).stack}`),
    ]
    for (const text of texts) {
      for (const secret of [SANDBOX.clientSecret, "wrong-secret-value", SANDBOX.euRefreshToken, accessToken]) {
        expect(text).not.toContain(secret)
      }
      expect(text).not.toMatch(/Atz[ar]\|/)
    }
  })
})
