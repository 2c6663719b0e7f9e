import { Readable } from "node:stream"
import { readListingsReport } from "../../listings-import/parse-listings-report"
import { matchReturnLines } from "../match-return-lines"
import { groupReturns, parseReportDate, readReturnRow, returnsReportWindow, RMA_COLUMN, type ReportedReturn } from "../returns-report"

// Header and first line of a real report (2025, amazon.com), one SKU changed
const HEADER =
  "Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\tLabel type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\tIs prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\tResolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\tSafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\tRefunded Amount"
const LINE =
  "113-6277818-6289068\t10-Jul-2025\t14-Jul-2025\tApproved\tDfqRyqfBRRMA\t \tAmazonPrePaidLabel\t4.14\tUSD\tUSPS\t9202090339598363834190\tSeller\tN\tN\tB0DFN2HN9N\tNECK-925\tNecklace \"16 inch\"\t2\tAMZ-PG-WJ-TOO-SMALL\tY\tC-Returns\tStandardRefund\t \t \t21.38\t2\t\t\t\t\t\t"

async function rows(text: string) {
  const out: Array<Record<string, string>> = []
  for await (const line of readListingsReport(Readable.from([Buffer.from(text)]), { declared: "utf-8", fallback: "utf-8" }, { requiredColumn: RMA_COLUMN, name: "a returns report" })) {
    if (line.kind === "row") out.push(line.cells)
  }
  return out
}

describe("returns report → returns", () => {
  it("reads Amazon's line: authorized while no delivery date, quotes literal, blanks as null", async () => {
    const [cells] = await rows(`${HEADER}\n${LINE}\n`)
    const read = readReturnRow(cells)
    expect(read).toEqual({
      ok: true,
      value: expect.objectContaining({
        amazon_rma_id: "DfqRyqfBRRMA",
        amazon_order_id: "113-6277818-6289068",
        status: "authorized",
        amazon_status: "Approved",
        requested_at: new Date("2025-07-14T00:00:00Z"),
        received_at: null,
        resolution: "StandardRefund",
        refunded_amount: null,
        currency: "USD",
        lines: [{ sku: "NECK-925", asin: "B0DFN2HN9N", quantity: 2, reason: "AMZ-PG-WJ-TOO-SMALL" }],
      }),
    })
  })

  it.each([
    ["a delivery date", { "return delivery date": "20-Jul-2025" }, { status: "received", received_at: new Date("2025-07-20T00:00:00Z") }],
    ["a rejected request", { "return request status": "Rejected" }, { status: "rejected" }],
    ["an ISO date", { "return delivery date": "2025-07-21" }, { status: "received" }],
  ])("%s", async (_name, change, expected) => {
    const [cells] = await rows(`${HEADER}\n${LINE}\n`)
    const read = readReturnRow({ ...cells, ...change })
    expect(read.ok && read.value).toMatchObject(expected)
  })

  it.each([
    [{ "amazon rma id": " " }, /no Amazon RMA ID/],
    [{ "merchant sku": "" }, /no Merchant SKU/],
    [{ "return quantity": "two" }, /not a number of units/],
    [{ "return request date": "32-Foo-2025" }, /not a date/],
  ])("refuses %o in words", async (change, reason) => {
    const [cells] = await rows(`${HEADER}\n${LINE}\n`)
    const read = readReturnRow({ ...cells, ...change })
    expect(read.ok).toBe(false)
    expect(!read.ok && read.reason).toMatch(reason)
  })

  it("a report without the RMA column is refused as a whole", async () => {
    await expect(rows("seller-sku\tprice\nA\t1\n")).rejects.toThrow(/no "amazon rma id" column.*not a returns report/)
  })

  it("groups lines of one RMA; received only when every line is", () => {
    const base = (sku: string, status: ReportedReturn["status"], received: string | null): ReportedReturn => ({
      amazon_rma_id: "R1", amazon_order_id: "O1", status, amazon_status: "Approved", requested_at: null, received_at: received ? new Date(received) : null,
      resolution: null, refunded_amount: null, currency: "EUR", tracking_id: null, lines: [{ sku, asin: null, quantity: 1, reason: null }],
    })
    expect(groupReturns([base("A", "received", "2025-07-20"), base("A", "received", "2025-07-21")])).toEqual([
      expect.objectContaining({ status: "received", received_at: new Date("2025-07-21"), lines: [expect.objectContaining({ sku: "A", quantity: 2 })] }),
    ])
    expect(groupReturns([base("A", "received", "2025-07-20"), base("B", "authorized", null)])[0]).toMatchObject({ status: "authorized", received_at: null })
    expect(groupReturns([base("A", "authorized", null), base("B", "rejected", null)])[0].status).toBe("rejected")
  })

  it("window: 30 days, further back for open returns, never 60 days or more", () => {
    const now = new Date("2026-12-05T12:00:00Z")
    const day = 24 * 3600_000
    expect(returnsReportWindow(now, null).start).toEqual(new Date(now.getTime() - 30 * day))
    expect(returnsReportWindow(now, new Date(now.getTime() - 40 * day)).start).toEqual(new Date(now.getTime() - 41 * day))
    const far = returnsReportWindow(now, new Date(now.getTime() - 90 * day))
    expect(now.getTime() - far.start.getTime()).toBeLessThan(60 * day)
  })

  it("parses the report's dates", () => {
    expect(parseReportDate("04-Jul-2025")).toEqual(new Date("2025-07-04T00:00:00Z"))
    expect(parseReportDate(" ")).toBeNull()
    expect(parseReportDate("July 4")).toBe("invalid")
  })
})

describe("return lines → Medusa order items", () => {
  const items = [
    { id: "i1", sku: "MUG", variant_sku: "MUG", amazon_order_item_id: "111", returnable: 1 },
    { id: "i2", sku: "MUG", variant_sku: "MUG", amazon_order_item_id: "112", returnable: 2 },
    { id: "i3", sku: "AMZ-TEE", variant_sku: "TEE-S", amazon_order_item_id: "113", returnable: 0 },
  ]
  it("by SKU (Amazon's or the variant's), spread over items with that SKU", () => {
    expect(matchReturnLines([{ sku: "MUG", quantity: 2, reason: "X" }], items)).toEqual({
      ok: true,
      lines: [
        { sku: "MUG", quantity: 1, reason: "X", medusa_item_id: "i1", amazon_order_item_id: "111" },
        { sku: "MUG", quantity: 1, reason: "X", medusa_item_id: "i2", amazon_order_item_id: "112" },
      ],
    })
  })
  it("unknown SKU and more units than shipped are refused in words", () => {
    expect(matchReturnLines([{ sku: "NOPE", quantity: 1 }], items)).toEqual({ ok: false, reason: "SKU NOPE is not on the Medusa order." })
    expect(matchReturnLines([{ sku: "TEE-S", quantity: 1 }], items)).toEqual({ ok: false, reason: "1 unit(s) of SKU TEE-S returned, but only 0 shipped and not yet returned in Medusa." })
  })
})
