import axios from "axios"
import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"

describe("sandbox: token buckets", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 100 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(() => t.sandbox.control.reset())
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  it("allows the burst, then answers 429 QuotaExceeded until the scaled rate refills a token", async () => {
    const headers = await t.auth()
    // getMarketplaceParticipations: rate 0.016/s, burst 15 (notes §2); × timeScale 100 = 1.6/s.
    for (let i = 0; i < 15; i++) {
      const ok = await t.http.get(PARTICIPATIONS, { headers })
      expect(ok.status).toBe(200)
      expect(ok.headers["x-amzn-ratelimit-limit"]).toBe("1.6")
    }
    const throttled = await t.http.get(PARTICIPATIONS, { headers })
    expect(throttled.status).toBe(429)
    expect(throttled.data).toEqual({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] })
    expect(throttled.headers["x-amzn-requestid"]).toBeTruthy()
    expect(throttled.headers["x-amzn-ratelimit-limit"]).toBeUndefined()

    // One token comes back after 1 / 1.6 s of real time.
    t.sandbox.control.advanceClock(700)
    expect((await t.http.get(PARTICIPATIONS, { headers })).status).toBe(200)
    expect((await t.http.get(PARTICIPATIONS, { headers })).status).toBe(429)
    expect(t.sandbox.control.stats().operations.getMarketplaceParticipations).toEqual({ calls: 18, throttled: 2, serverErrors: 0, timeouts: 0 })
  })

  it("meters each seller and each operation separately", async () => {
    const eu = await t.auth("eu")
    const na = await t.auth("na")
    for (let i = 0; i < 15; i++) await t.http.get(PARTICIPATIONS, { headers: eu })
    expect((await t.http.get(PARTICIPATIONS, { headers: eu })).status).toBe(429)
    expect((await t.http.get(PARTICIPATIONS, { headers: na })).status).toBe(200)
    const search = await t.http.get("/catalog/2022-04-01/items", { headers: eu, params: { identifiers: "4006381333931", identifiersType: "EAN", marketplaceIds: DEMO.DE } })
    expect(search.status).toBe(200)
    // Two access tokens of the same seller share the bucket (it belongs to seller × app, not to the token).
    const eu2 = await t.auth("eu")
    expect((await t.http.get(PARTICIPATIONS, { headers: eu2 })).status).toBe(429)
  })
})

describe("sandbox: fault injection", () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await openSandbox({ randomSeed: 7 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(() => t.sandbox.control.reset())
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  const getListing = (headers: Record<string, string>) =>
    t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}/DEMO-MUG`, { headers, params: { marketplaceIds: DEMO.DE } })

  it("applies a rule to the next N matching requests only", async () => {
    const headers = await t.auth()
    const rule = t.sandbox.control.addFault({ operation: "getListingsItem", kind: "503", count: 2 })
    expect(rule.id).toBeTruthy()
    expect((await getListing(headers)).status).toBe(503)
    const second = await getListing(headers)
    expect(second.status).toBe(503)
    expect(second.data.errors[0].code).toBe("ServiceUnavailable")
    expect((await getListing(headers)).status).toBe(200)
    // Other operations are untouched.
    expect(t.sandbox.control.faults()).toEqual([])
    expect(t.sandbox.control.stats().operations.getListingsItem.serverErrors).toBe(2)
  })

  it("fires with the given probability, repeatably for the same seed", async () => {
    const run = async () => {
      // reset() goes back to the seed, access tokens included.
      const headers = await t.auth()
      t.sandbox.control.clearFaults()
      t.sandbox.control.addFault({ operation: "getListingsItem", kind: "500", probability: 0.3 })
      const statuses: number[] = []
      for (let i = 0; i < 10; i++) statuses.push((await getListing(headers)).status)
      return statuses
    }
    const first = await run()
    const failures = first.filter((s) => s === 500).length
    expect(failures).toBeGreaterThan(0)
    expect(failures).toBeLessThan(10)
    t.sandbox.control.reset()
    const again = await run()
    expect(again).toEqual(first)
  })

  it("throttles on demand (429 storm) and counts the 429s", async () => {
    const headers = await t.auth()
    t.sandbox.control.addFault({ kind: "429", count: 3 })
    const statuses = [await getListing(headers), await getListing(headers), await getListing(headers), await getListing(headers)].map((r) => r.status)
    expect(statuses).toEqual([429, 429, 429, 200])
    expect(t.sandbox.control.stats().totals.throttled).toBe(3)
  })

  it("sends a truncated JSON body for 'malformed'", async () => {
    const headers = await t.auth()
    t.sandbox.control.addFault({ operation: "getListingsItem", kind: "malformed", count: 1 })
    const res = await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}/DEMO-MUG`, { headers, params: { marketplaceIds: DEMO.DE }, responseType: "text", transformResponse: (x) => x })
    expect(res.status).toBe(200)
    expect(() => JSON.parse(res.data as string)).toThrow()
  })

  it("delays for 'slow' and holds the socket past the client's timeout for 'timeout'", async () => {
    const headers = await t.auth()
    t.sandbox.control.addFault({ operation: "getListingsItem", kind: "slow", delayMs: 150, count: 1 })
    const started = Date.now()
    expect((await getListing(headers)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)

    t.sandbox.control.addFault({ operation: "getListingsItem", kind: "timeout", delayMs: 2000, count: 1 })
    await expect(axios.get(`${t.sandbox.url}/listings/2021-08-01/items/${DEMO.euSeller}/DEMO-MUG`, { headers, params: { marketplaceIds: DEMO.DE }, timeout: 200 })).rejects.toMatchObject({
      code: "ECONNABORTED",
    })
  })

  it("can fail the LWA token endpoint and exposes rules over HTTP", async () => {
    const added = await t.http.post("/_sandbox/faults", { operation: "lwaToken", kind: "500", count: 1 })
    expect(added.status).toBe(200)
    expect((await t.http.get("/_sandbox/faults")).data.faults).toHaveLength(1)
    await expect(t.token()).rejects.toThrow(/500/)
    await expect(t.token()).resolves.toMatch(/^Atza\|/)
    expect((await t.http.post("/_sandbox/faults", { kind: "nonsense" })).status).toBe(400)
    expect((await t.http.delete("/_sandbox/faults")).status).toBe(200)
  })
})
