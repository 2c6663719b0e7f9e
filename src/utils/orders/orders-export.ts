import ExcelJS from "exceljs"
import { stringify } from "csv-stringify/sync"
import type { AmazonOrderLine, OrderIssue } from "./types"

/** An amazon_order row as the export reads it (no buyer data: exports leave the DPP's protection). */
export type ExportableOrder = {
  amazon_order_id: string
  marketplace_id: string
  purchased_at: Date | string | null
  amazon_status: string
  import_status: string
  fulfillment_channel: string
  currency_code: string | null
  total: string | number | null
  items: AmazonOrderLine[] | null
  issues: OrderIssue[] | null
  order_id: string | null
  order_display_id: number | null
  ship_country_code: string | null
}

export const EXPORT_COLUMNS = [
  { key: "amazon_order_id", header: "Amazon order" },
  { key: "marketplace_id", header: "Marketplace" },
  { key: "purchased_at", header: "Purchased" },
  { key: "amazon_status", header: "Amazon status" },
  { key: "import_status", header: "Import status" },
  { key: "fulfillment_channel", header: "Channel" },
  { key: "medusa_order", header: "Medusa order" },
  { key: "currency_code", header: "Currency" },
  { key: "total", header: "Total" },
  { key: "skus", header: "SKUs" },
  { key: "units", header: "Units" },
  { key: "ship_country_code", header: "Ship to country" },
  { key: "issues", header: "Issues" },
] as const

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number]["key"], string | number | Date | null>

/** One export line per Amazon order: what the admin list shows, flattened. */
export function toExportRow(order: ExportableOrder): ExportRow {
  const items = order.items ?? []
  return {
    amazon_order_id: order.amazon_order_id,
    marketplace_id: order.marketplace_id,
    purchased_at: order.purchased_at ? new Date(order.purchased_at) : null,
    amazon_status: order.amazon_status,
    import_status: order.import_status,
    fulfillment_channel: order.fulfillment_channel,
    medusa_order: order.order_display_id !== null ? `#${order.order_display_id}` : (order.order_id ?? null),
    currency_code: order.currency_code?.toUpperCase() ?? null,
    total: order.total === null || order.total === undefined ? null : Number(order.total),
    skus: items.map((line) => `${line.sku} × ${line.quantity}`).join("; "),
    units: items.reduce((n, line) => n + line.quantity, 0),
    ship_country_code: order.ship_country_code,
    issues: (order.issues ?? []).map((issue) => issue.message).join(" | ") || null,
  }
}

export function ordersToCsv(orders: ExportableOrder[]): string {
  const rows = orders.map(toExportRow).map((row) =>
    EXPORT_COLUMNS.map(({ key }) => {
      const value = row[key]
      return value instanceof Date ? value.toISOString() : value
    })
  )
  // BOM: Excel opens UTF-8 CSV (umlauts in titles, "×") correctly only with it.
  // escape_formulas: a SKU or an issue text starting with = + - @ (or tab / CR) gets a leading ' so a
  // spreadsheet shows it instead of running it (CSV injection); numbers, negative ones too, stay numbers.
  return "\ufeff" + stringify([EXPORT_COLUMNS.map((c) => c.header), ...rows], { escape_formulas: true })
}

export async function ordersToXlsx(orders: ExportableOrder[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "medusa-plugin-amazon"
  const sheet = workbook.addWorksheet("Amazon orders")
  sheet.columns = EXPORT_COLUMNS.map(({ key, header }) => ({
    key,
    header,
    width: key === "skus" || key === "issues" ? 40 : key === "purchased_at" ? 20 : 16,
    ...(key === "purchased_at" ? { style: { numFmt: "yyyy-mm-dd hh:mm" } } : {}),
    ...(key === "total" ? { style: { numFmt: "#,##0.00" } } : {}),
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: "frozen", ySplit: 1 }]
  // strings are written as text cells (never { formula }), so "=HYPERLINK(…)" in a SKU stays text in Excel
  for (const order of orders) sheet.addRow(toExportRow(order))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
