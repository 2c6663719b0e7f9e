/**
 * Amazon's returns report (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE) → returns as we keep them. Pure.
 *
 * One report line is one item of one return; the lines of one return share its "Amazon RMA ID". Column names are
 * Amazon's English ones (requested with preferredReportDocumentLocale en_US), lower-cased by the reader:
 * order id, return request date, return request status, amazon rma id, merchant sku, asin, return quantity,
 * return reason, resolution, return delivery date, currency code, tracking id, refunded amount … Dates are
 * `14-Jul-2025` (no time, no zone: read as midnight UTC); an empty cell is often a single space. The flat file
 * has no order item id: items are matched to the order by SKU.
 */

export const RETURNS_REPORT_TYPE = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE"
/** The column every returns report line is keyed by (lower-cased header). */
export const RMA_COLUMN = "amazon rma id"

export type ReturnLine = { sku: string; asin: string | null; quantity: number; reason: string | null }

export type ReportedReturn = {
  amazon_rma_id: string
  amazon_order_id: string
  /** authorized until the report shows a delivery date; rejected when Amazon's status says so */
  status: "authorized" | "received" | "rejected"
  amazon_status: string | null
  requested_at: Date | null
  received_at: Date | null
  resolution: string | null
  refunded_amount: string | null
  currency: string | null
  tracking_id: string | null
  lines: ReturnLine[]
}

export type ReturnRowResult = { ok: true; value: ReportedReturn } | { ok: false; reason: string }

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 }

/** Statuses under which Amazon will not take the item back: no Medusa return. */
const REFUSED = /^(rejected|denied|declined|cancel+ed)$/i

const text = (value: string | undefined): string | null => {
  const trimmed = (value ?? "").trim()
  return trimmed ? trimmed : null
}

/** `14-Jul-2025` (the report's format), or an ISO date Amazon sometimes writes in newer files → midnight UTC. */
export function parseReportDate(value: string | undefined): Date | null | "invalid" {
  const raw = text(value)
  if (!raw) return null
  const dmy = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(raw)
  if (dmy) {
    const month = MONTHS[dmy[2].toLowerCase()]
    if (month === undefined) return "invalid"
    return new Date(Date.UTC(Number(dmy[3]), month, Number(dmy[1])))
  }
  const iso = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : NaN
  return Number.isNaN(iso) ? "invalid" : new Date(iso)
}

/** One report line (cells by lower-case column name) → a return with that one line, or why it cannot be read. */
export function readReturnRow(cells: Record<string, string>): ReturnRowResult {
  const rma = text(cells[RMA_COLUMN])
  const orderId = text(cells["order id"])
  const sku = text(cells["merchant sku"])
  if (!rma) return { ok: false, reason: "has no Amazon RMA ID" }
  if (!orderId) return { ok: false, reason: `return ${rma} has no Order ID` }
  if (!sku) return { ok: false, reason: `return ${rma} has no Merchant SKU` }
  const quantity = Number(text(cells["return quantity"]) ?? "1")
  if (!Number.isInteger(quantity) || quantity < 1) return { ok: false, reason: `return ${rma}: "${cells["return quantity"]}" is not a number of units` }
  const requested = parseReportDate(cells["return request date"])
  const delivered = parseReportDate(cells["return delivery date"])
  if (requested === "invalid") return { ok: false, reason: `return ${rma}: "${cells["return request date"]}" is not a date` }
  if (delivered === "invalid") return { ok: false, reason: `return ${rma}: "${cells["return delivery date"]}" is not a date` }
  const amazonStatus = text(cells["return request status"])
  return {
    ok: true,
    value: {
      amazon_rma_id: rma,
      amazon_order_id: orderId,
      status: amazonStatus && REFUSED.test(amazonStatus) ? "rejected" : delivered ? "received" : "authorized",
      amazon_status: amazonStatus,
      requested_at: requested,
      received_at: delivered,
      resolution: text(cells["resolution"]),
      refunded_amount: text(cells["refunded amount"]),
      currency: text(cells["currency code"]),
      tracking_id: text(cells["tracking id"]),
      lines: [{ sku, asin: text(cells["asin"]), quantity, reason: text(cells["return reason"]) }],
    },
  }
}

/**
 * Lines of the same RMA become one return (its lines summed per SKU); the return is received only when every line
 * says so (Amazon writes the delivery date per line), rejected when any line is.
 */
export function groupReturns(rows: ReportedReturn[]): ReportedReturn[] {
  const byRma = new Map<string, ReportedReturn>()
  for (const row of rows) {
    const seen = byRma.get(row.amazon_rma_id)
    if (!seen) {
      byRma.set(row.amazon_rma_id, { ...row, lines: row.lines.map((l) => ({ ...l })) })
      continue
    }
    for (const line of row.lines) {
      const same = seen.lines.find((l) => l.sku === line.sku)
      if (same) same.quantity += line.quantity
      else seen.lines.push({ ...line })
    }
    if (seen.status === "rejected" || row.status === "rejected") seen.status = "rejected"
    else if (seen.status !== row.status) seen.status = "authorized"
    if (seen.status === "received" && row.received_at && (!seen.received_at || row.received_at > seen.received_at)) seen.received_at = row.received_at
    if (seen.status !== "received") seen.received_at = null
  }
  return [...byRma.values()]
}

/**
 * The report window's start: the last `lookbackDays`, reaching further back for returns still open (never over
 * 60 days). It has no end of ours: Amazon's default end is its own "now", so a return requested while our clock lagged
 * Amazon's is not left out; the hour's margin under 60 days keeps that open end within Amazon's limit.
 */
export function returnsReportWindow(now: Date, oldestOpen: Date | null, lookbackDays = 30): { start: Date } {
  const day = 24 * 3600_000
  const cap = now.getTime() - 60 * day + 3600_000
  let start = now.getTime() - lookbackDays * day
  if (oldestOpen && oldestOpen.getTime() - day < start) start = oldestOpen.getTime() - day
  return { start: new Date(Math.max(start, cap)) }
}
