import { RateLimiterRegistry } from "../rate-limiter"
import { feedDocumentId, feedId } from "../types"
import { euClient, SANDBOX, useSandbox } from "./sandbox-fixture"

/**
 * The limiter against the sandbox's token buckets at 20× Amazon's speed: calls wait for quota instead
 * of being throttled. Counts only — the timing figures are in bench/sp-api-client.ts.
 */
describe("rate limiting against a time-scaled sandbox", () => {
  const sandbox = useSandbox({ timeScale: 20 })

  it("sends a burst of 60 getFeed calls (rate 2, burst 15) without a single 429, in call order", async () => {
    const client = euClient(sandbox.current)
    const contentType = "application/json; charset=UTF-8"
    const document = await client.feeds.createFeedDocument({ contentType })
    await client.feeds.uploadFeedDocument(document, "{}", contentType)
    const { feedId: id } = await client.feeds.createFeed({
      feedType: "JSON_LISTINGS_FEED",
      marketplaceIds: [SANDBOX.DE],
      inputFeedDocumentId: feedDocumentId(document.feedDocumentId),
    })

    const finished: number[] = []
    await Promise.all(Array.from({ length: 60 }, (_, i) => client.feeds.getFeed(feedId(id)).then(() => finished.push(i))))

    expect(sandbox.current.control.stats().operations.getFeed).toMatchObject({ calls: 60, throttled: 0 })
    const bucket = client.rateLimiter.bucket(client.settings.partnerKey, "getFeed").state()
    expect(bucket).toMatchObject({ rate: 40, granted: 60, throttled: 0, queued: 0 })
    // FIFO: once the burst is spent, calls leave one at a time in the order they were made
    expect(finished.slice(20)).toEqual([...finished.slice(20)].sort((a, b) => a - b))
  })

  it("shares buckets between clients of the same seller through one registry", async () => {
    const rateLimiter = new RateLimiterRegistry()
    const a = euClient(sandbox.current, { rateLimiter })
    const b = euClient(sandbox.current, { rateLimiter })
    // searchCatalogItems: rate 2, burst 2 — 12 calls from two clients share the 2-token bucket
    const search = (client: typeof a) =>
      client.catalogItems.searchCatalogItems({ marketplaceIds: [SANDBOX.DE], identifiers: ["4006381333931"], identifiersType: "EAN" })
    await Promise.all(Array.from({ length: 12 }, (_, i) => search(i % 2 ? a : b)))
    expect(sandbox.current.control.stats().operations.searchCatalogItems).toMatchObject({ calls: 12, throttled: 0 })
    expect(rateLimiter.snapshot()).toEqual([
      expect.objectContaining({ sellingPartner: `eu/${SANDBOX.euSeller}`, operation: "searchCatalogItems", granted: 12 }),
    ])
  })
})
