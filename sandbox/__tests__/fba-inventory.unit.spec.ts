import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const DE = DEMO.DE
const PATH = "/fba/inventory/v1/summaries"

describe("sandbox: FBA Inventory getInventorySummaries", () => {
  let t: TestSandbox
  let headers: Record<string, string>
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 10 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(async () => {
    t.sandbox.control.reset()
    headers = await t.auth()
  })
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  const get = (params: Record<string, string>) =>
    t.http.get(PATH, { headers, params: { granularityType: "Marketplace", granularityId: DE, marketplaceIds: DE, ...params } })

  it("answers the demo seller's FBA SKUs with details, and the same pooled numbers for any pan-EU marketplace", async () => {
    const res = await get({ details: "true" })
    expect(res.status).toBe(200)
    expect(t.sandbox.control.validationErrors()).toEqual([])
    const book = res.data.payload.inventorySummaries.find((s: { sellerSku: string }) => s.sellerSku === "DEMO-BOOK")
    expect(book.inventoryDetails).toMatchObject({ fulfillableQuantity: 14, inboundShippedQuantity: 6, reservedQuantity: { totalReservedQuantity: 2 } })
    expect(res.data.payload.inventorySummaries.map((s: { sellerSku: string }) => s.sellerSku)).toContain("FBA-ORPHAN-SCARF")
    const fr = "A13V1IB3VIYZZH"
    const other = await t.http.get(PATH, { headers, params: { granularityType: "Marketplace", granularityId: fr, marketplaceIds: fr, details: "true" } })
    expect(other.data.payload.inventorySummaries).toEqual(res.data.payload.inventorySummaries)
    t.sandbox.control.advanceClock(1_000)
    const uk = await t.http.get(PATH, { headers, params: { granularityType: "Marketplace", granularityId: DEMO.UK, marketplaceIds: DEMO.UK, details: "true" } })
    expect(uk.data.payload.inventorySummaries.map((s: { sellerSku: string }) => s.sellerSku)).not.toContain("DEMO-BOOK")
    t.sandbox.control.advanceClock(1_000) // the bucket (2/s, burst 2) refills
    const plain = await get({})
    expect(plain.data.payload.inventorySummaries[0].inventoryDetails).toBeUndefined()
  })

  it("pages by 50 with a nextToken that dies after 30 Amazon seconds, and filters by startDateTime", async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ sellerSku: `FBA-${String(i).padStart(3, "0")}`, fulfillable: i }))
    t.sandbox.control.setFbaInventory({ sellerId: DEMO.euSeller, marketplaceId: DE, items })
    const first = await get({ details: "true" })
    expect(first.data.payload.inventorySummaries).toHaveLength(50)
    const token = first.data.pagination.nextToken
    const second = await get({ details: "true", nextToken: token })
    expect(second.status).toBe(200)
    expect(second.data.payload.inventorySummaries[0].sellerSku).not.toBe(first.data.payload.inventorySummaries[0].sellerSku)
    t.sandbox.control.advanceClock(3_100) // 31 Amazon seconds at time scale 10
    const late = await get({ details: "true", nextToken: second.data.pagination.nextToken })
    expect(late.status).toBe(400)
    expect(late.data.errors[0].message).toMatch(/expired/)

    const since = new Date(Date.now() + 3_000).toISOString()
    t.sandbox.control.setFbaInventory({ sellerId: DEMO.euSeller, marketplaceId: DE, items: [{ sellerSku: "FBA-007", fulfillable: 70 }] })
    const changes = await get({ details: "true", startDateTime: since })
    expect(changes.data.payload.inventorySummaries.map((s: { sellerSku: string }) => s.sellerSku)).toEqual(["FBA-007"])
  })

  it("refuses a bad granularity, a marketplace mismatch, and throttles at burst 2", async () => {
    expect((await get({ granularityType: "Country" })).status).toBe(400)
    expect((await get({ marketplaceIds: "ATVPDKIKX0DER" })).status).toBe(400)
    const statuses = await Promise.all([get({}), get({}), get({}), get({})].map((p) => p.then((r) => r.status)))
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
  })
})
