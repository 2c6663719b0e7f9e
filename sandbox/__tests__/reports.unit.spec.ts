import { DEMO, TestSandbox, download, openSandbox, responseViolations } from "./helpers"
import { ALL_DATA_COLUMNS } from "../report-content"

const DE = DEMO.DE
const HEADER = "item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\timage-url\titem-is-marketplace\tproduct-id-type\tzshop-shipping-fee\titem-note\titem-condition\tzshop-category1\tzshop-browse-path\tzshop-storefront-feature\tasin1\tasin2\tasin3\twill-ship-internationally\texpedited-shipping\tzshop-boldface\tproduct-id\tbid-for-featured-placement\tadd-delete\tpending-quantity\tfulfillment-channel\tmerchant-shipping-group\tstatus"

describe("sandbox: Reports API and listings reports", () => {
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

  const create = async (reportType: string, marketplaceIds: string[] = [DE]) => {
    const res = await t.http.post("/reports/2021-06-30/reports", { reportType, marketplaceIds }, { headers })
    expect(res.status).toBe(202)
    return res.data.reportId as string
  }
  const fetchReport = async (reportId: string) => {
    const report = await t.http.get(`/reports/2021-06-30/reports/${reportId}`, { headers })
    const doc = await t.http.get(`/reports/2021-06-30/documents/${report.data.reportDocumentId}`, { headers })
    expect(doc.data.compressionAlgorithm).toBe("GZIP")
    return (await download(doc.data.url)).split("\n").filter((l) => l.length > 0)
  }

  it("processes over scaled time and produces the ALL_DATA TSV of the first marketplace, with raw extra rows", async () => {
    t.sandbox.control.addReportRows({ sellerId: DEMO.euSeller, marketplaceId: DE, rows: ["broken row without tabs"] })
    const reportId = await create("GET_MERCHANT_LISTINGS_ALL_DATA", [DE, DEMO.UK])
    const status = async () => (await t.http.get(`/reports/2021-06-30/reports/${reportId}`, { headers })).data.processingStatus
    expect(await status()).toBe("IN_QUEUE")
    t.sandbox.control.advanceClock(2_500) // 25 simulated seconds at time scale 10
    expect(await status()).toBe("IN_PROGRESS")
    t.sandbox.control.advanceClock(4_000)
    expect(await status()).toBe("DONE")

    const lines = await fetchReport(reportId)
    expect(lines[0]).toBe(HEADER)
    expect(ALL_DATA_COLUMNS.join("\t")).toBe(HEADER)
    const rows = lines.slice(1, -1).map((l) => Object.fromEntries(l.split("\t").map((v, i) => [ALL_DATA_COLUMNS[i], v])))
    expect(rows.map((r) => r["seller-sku"]).sort()).toEqual(["AMZ-CANDLE-FIG", "AMZ-SUITCASE-55", "DEMO-BOOK", "DEMO-MUG", "DEMO-TSHIRT-M", "DEMO-TSHIRT-S"])
    const mug = rows.find((r) => r["seller-sku"] === "DEMO-MUG")
    expect(mug).toMatchObject({ price: "12.50", quantity: "40", asin1: "B0SANDBX03", "product-id": "4012345678901", "product-id-type": "4", "fulfillment-channel": "DEFAULT", status: "Active", "item-condition": "11" })
    expect(rows.find((r) => r["seller-sku"] === "AMZ-CANDLE-FIG")?.status).toBe("Inactive")
    expect(rows.find((r) => r["seller-sku"] === "DEMO-BOOK")).toMatchObject({ "fulfillment-channel": "AMAZON_EU", quantity: "" })
    expect(lines[lines.length - 1]).toBe("broken row without tabs")
    // Extra rows are consumed by that report only.
    const again = await create("GET_MERCHANT_LISTINGS_ALL_DATA")
    t.sandbox.control.advanceReport(again)
    expect(await fetchReport(again)).toHaveLength(7)
  })

  it("filters active and inactive listings, and ends unsupported report types FATAL", async () => {
    const active = await create("GET_MERCHANT_LISTINGS_DATA")
    const inactive = await create("GET_MERCHANT_LISTINGS_INACTIVE_DATA")
    const other = await create("GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL")
    for (const id of [active, inactive, other]) t.sandbox.control.advanceReport(id)
    expect((await fetchReport(active)).length).toBe(1 + 5)
    const inactiveLines = await fetchReport(inactive)
    expect(inactiveLines).toHaveLength(2)
    expect(inactiveLines[0].split("\t")).not.toContain("status")
    expect(inactiveLines[1]).toContain("AMZ-CANDLE-FIG")
    expect((await t.http.get(`/reports/2021-06-30/reports/${other}`, { headers })).data.processingStatus).toBe("FATAL")
  })

  it("streams a large report (20,000 generated listings) gzip-compressed", async () => {
    const generated = await t.http.post("/_sandbox/listings", { generate: { count: 20_000, sellerId: DEMO.euSeller, marketplaceId: DEMO.UK } })
    expect(generated.data).toEqual({ added: 20_000 })
    const reportId = await create("GET_MERCHANT_LISTINGS_ALL_DATA", [DEMO.UK])
    t.sandbox.control.advanceReport(reportId)
    const lines = await fetchReport(reportId)
    expect(lines).toHaveLength(20_001)
    expect(lines[1].split("\t")).toHaveLength(ALL_DATA_COLUMNS.length)
    expect(lines.filter((l) => l.endsWith("\tInactive"))).toHaveLength(2_000)
  })

  it("lists, pages and cancels reports", async () => {
    const a = await create("GET_MERCHANT_LISTINGS_ALL_DATA")
    const b = await create("GET_MERCHANT_LISTINGS_ALL_DATA")
    expect((await t.http.delete(`/reports/2021-06-30/reports/${a}`, { headers })).status).toBe(200)
    t.sandbox.control.advanceReport(b)
    expect((await t.http.delete(`/reports/2021-06-30/reports/${b}`, { headers })).status).toBe(400)
    const page = await t.http.get("/reports/2021-06-30/reports", { headers, params: { reportTypes: "GET_MERCHANT_LISTINGS_ALL_DATA", pageSize: 1 } })
    expect(page.data.reports[0]).toMatchObject({ reportId: b, processingStatus: "DONE", reportDocumentId: expect.any(String) })
    const next = await t.http.get("/reports/2021-06-30/reports", { headers, params: { nextToken: page.data.nextToken } })
    expect(next.data.reports[0]).toMatchObject({ reportId: a, processingStatus: "CANCELLED" })
    expect(next.data.nextToken).toBeUndefined()
    const filtered = await t.http.get("/reports/2021-06-30/reports", { headers, params: { reportTypes: "GET_MERCHANT_LISTINGS_ALL_DATA", processingStatuses: "CANCELLED" } })
    expect(filtered.data.reports.map((r: { reportId: string }) => r.reportId)).toEqual([a])
    expect((await t.http.get("/reports/2021-06-30/reports", { headers })).status).toBe(400)
  })
})
