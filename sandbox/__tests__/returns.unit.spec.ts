import { DEMO, TestSandbox, download, openSandbox, responseViolations } from "./helpers"
import { RETURNS_COLUMNS, reportDate } from "../returns"

const DE = DEMO.DE

describe("sandbox: buyer returns and GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", () => {
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

  const report = async (start: Date, end: Date) => {
    const res = await t.http.post(
      "/reports/2021-06-30/reports",
      { reportType: "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", marketplaceIds: [DE], dataStartTime: start.toISOString(), dataEndTime: end.toISOString() },
      { headers }
    )
    expect(res.status).toBe(202)
    t.sandbox.control.advanceReport(res.data.reportId)
    return (await t.http.get(`/reports/2021-06-30/reports/${res.data.reportId}`, { headers })).data
  }
  const rows = async (documentId: string) => {
    const doc = await t.http.get(`/reports/2021-06-30/documents/${documentId}`, { headers })
    const lines = (await download(doc.data.url)).split("\n").filter((l) => l.length)
    expect(lines[0]).toBe(RETURNS_COLUMNS.join("\t"))
    return lines.slice(1).map((l) => Object.fromEntries(l.split("\t").map((v, i) => [RETURNS_COLUMNS[i], v])))
  }

  it("a return of a shipped MFN order appears by request date; received sets the delivery date; empty → CANCELLED", async () => {
    const now = Date.now()
    const { orderIds } = t.sandbox.control.addOrders({
      orders: [{ sellerId: DEMO.euSeller, marketplaceId: DE, status: "Shipped", items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }] } as never],
    })
    const day = 24 * 3600_000
    expect((await report(new Date(now - day), new Date(now + day))).processingStatus).toBe("CANCELLED")

    const { rmaId } = t.sandbox.control.buyerReturn({ orderId: orderIds[0], items: [{ sku: "DEMO-MUG", quantity: 1 }], reason: "AMZ-PG-BAD-DESC" })
    expect(() => t.sandbox.control.buyerReturn({ orderId: orderIds[0], items: [{ sku: "DEMO-MUG", quantity: 2 }] })).toThrow(/2 unit\(s\) shipped, 1 already returned/)

    const done = await report(new Date(now - day), new Date(now + day))
    expect(done.processingStatus).toBe("DONE")
    const [row] = await rows(done.reportDocumentId)
    expect(row).toMatchObject({
      "Order ID": orderIds[0],
      "Return request status": "Approved",
      "Amazon RMA ID": rmaId,
      "Merchant SKU": "DEMO-MUG",
      "Return quantity": "1",
      "Return Reason": "AMZ-PG-BAD-DESC",
      "Return delivery date": " ",
      "Currency code": "EUR",
    })
    expect(row["Return request date"]).toMatch(/^\d\d-[A-Z][a-z]{2}-\d{4}$/)

    t.sandbox.control.buyerReturn({ orderId: orderIds[0], rmaId, status: "Received", receivedAt: "2026-11-20T10:00:00Z" })
    const [received] = await rows((await report(new Date(now - day), new Date(now + day))).reportDocumentId)
    expect(received["Return delivery date"]).toBe("20-Nov-2026")
    // outside the request-date window: nothing
    expect((await report(new Date(now - 10 * day), new Date(now - 5 * day))).processingStatus).toBe("CANCELLED")
    // more than 60 days in one report
    expect((await report(new Date(now - 61 * day), new Date(now))).processingStatus).toBe("FATAL")
  })

  it("refuses returns of unshipped or FBA orders", () => {
    const { orderIds } = t.sandbox.control.addOrders({ orders: [{ sellerId: DEMO.euSeller, marketplaceId: DE, status: "Unshipped", items: [{ sku: "DEMO-MUG", quantity: 1 }] } as never] })
    expect(() => t.sandbox.control.buyerReturn({ orderId: orderIds[0], items: [{ sku: "DEMO-MUG" }] })).toThrow(/0 unit\(s\) shipped/)
    expect(reportDate(Date.UTC(2025, 6, 4))).toBe("04-Jul-2025")
  })
})
