import { RateLimiterRegistry, TokenBucket } from "../rate-limiter"
import { DEFAULT_RATE_LIMITS } from "../rate-limits"

/** Lets every already-resolved promise callback run. */
const flush = async () => {
  for (let i = 0; i < 5; i += 1) {
    await Promise.resolve()
  }
}

describe("TokenBucket", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  const bucket = (rate: number, burst: number, safetyMarginMs = 0) =>
    new TokenBucket({ rate, burst, safetyMarginMs, now: () => Date.now() })

  it("starts full: the first `burst` calls go at once, the next waits for a refill", async () => {
    const b = bucket(10, 3)
    const granted: number[] = []
    for (let i = 0; i < 5; i += 1) {
      void b.acquire().then(() => granted.push(i))
    }
    await flush()
    expect(granted).toEqual([0, 1, 2])
    expect(b.queued).toBe(2)

    jest.advanceTimersByTime(99) // 0.99 token
    await flush()
    expect(granted).toEqual([0, 1, 2])

    jest.advanceTimersByTime(1)
    await flush()
    expect(granted).toEqual([0, 1, 2, 3])

    jest.advanceTimersByTime(100)
    await flush()
    expect(granted).toEqual([0, 1, 2, 3, 4])
    expect(b.queued).toBe(0)
  })

  it("serves waiters first-in-first-out, even when a newcomer arrives as a token appears", async () => {
    const b = bucket(100, 1)
    const order: string[] = []
    await b.acquire()
    void b.acquire().then(() => order.push("first"))
    void b.acquire().then(() => order.push("second"))
    jest.advanceTimersByTime(10)
    void b.acquire().then(() => order.push("third"))
    await flush()
    jest.advanceTimersByTime(30)
    await flush()
    expect(order).toEqual(["first", "second", "third"])
  })

  it("keeps a reserve of rate × margin tokens: paid once, not per call", async () => {
    // 100/s with a 20 ms margin → 2 tokens of cushion: 8 of 10 go at once, then one every 10 ms
    const b = bucket(100, 10, 20)
    let granted = 0
    for (let i = 0; i < 12; i += 1) {
      void b.acquire().then(() => (granted += 1))
    }
    await flush()
    expect(granted).toBe(8)
    jest.advanceTimersByTime(10)
    await flush()
    expect(granted).toBe(9)
    jest.advanceTimersByTime(30)
    await flush()
    expect(granted).toBe(12)
  })

  it("adopts a new rate without losing the refill accrued at the old one", async () => {
    const b = bucket(1, 1)
    await b.acquire()
    let done = false
    void b.acquire().then(() => (done = true))
    jest.advanceTimersByTime(500) // half a token at 1/s
    b.setRate(100) // the other half takes 5 ms at 100/s
    jest.advanceTimersByTime(4)
    await flush()
    expect(done).toBe(false)
    jest.advanceTimersByTime(2)
    await flush()
    expect(done).toBe(true)
    expect(b.rate).toBe(100)
  })

  it("drains on a 429 and widens its margin", async () => {
    const b = bucket(100, 5, 0)
    b.drain()
    const state = b.state()
    expect(state.tokens).toBe(0)
    expect(state.throttled).toBe(1)
    expect(state.safetyMarginMs).toBeGreaterThan(0)
    let done = false
    void b.acquire().then(() => (done = true))
    await flush()
    expect(done).toBe(false)
    jest.advanceTimersByTime(50)
    await flush()
    expect(done).toBe(true)
  })

  it("refuses a nonsensical plan", () => {
    expect(() => bucket(0, 1)).toThrow(RangeError)
    expect(() => bucket(1, 0)).toThrow(RangeError)
  })
})

describe("RateLimiterRegistry", () => {
  it("keeps one bucket per selling partner and operation, seeded from Amazon's table", () => {
    const registry = new RateLimiterRegistry()
    expect(registry.bucket("eu/A1", "getFeed")).toBe(registry.bucket("eu/A1", "getFeed"))
    expect(registry.bucket("eu/A1", "getFeed")).not.toBe(registry.bucket("eu/A2", "getFeed"))
    expect(registry.bucket("eu/A1", "getFeed")).not.toBe(registry.bucket("eu/A1", "getFeeds"))
    expect(registry.bucket("eu/A1", "searchOrders").state()).toMatchObject(DEFAULT_RATE_LIMITS.searchOrders)
    expect(registry.bucket("eu/A1", "someFutureOperation").state()).toMatchObject({ rate: 1, burst: 1 })
  })

  it("takes the rate from x-amzn-RateLimit-Limit and ignores garbage", () => {
    const registry = new RateLimiterRegistry({ limits: { getFeed: { rate: 2, burst: 15 } } })
    registry.observeRateLimitHeader("na/A2", "getFeed", "100.0")
    expect(registry.bucket("na/A2", "getFeed").rate).toBe(100)
    for (const garbage of [undefined, "", "abc", "-1", "0", "Infinity"]) {
      registry.observeRateLimitHeader("na/A2", "getFeed", garbage)
    }
    expect(registry.bucket("na/A2", "getFeed").rate).toBe(100)
    expect(registry.snapshot()).toEqual([
      expect.objectContaining({ sellingPartner: "na/A2", operation: "getFeed", rate: 100, burst: 15 }),
    ])
  })
})
