import ExcelJS from "exceljs"
import { parse } from "csv-parse/sync"
import { EXPORT_COLUMNS, type ExportableOrder, ordersToCsv, ordersToXlsx, toExportRow } from "../orders-export"

const order: ExportableOrder = {
  amazon_order_id: "028-1234567-1234567",
  marketplace_id: "A1PA6795UKMFR9",
  purchased_at: "2026-11-20T10:00:00.000Z",
  amazon_status: "UNSHIPPED",
  import_status: "needs_attention",
  fulfillment_channel: "MFN",
  currency_code: "eur",
  total: "44.99",
  items: [
    { order_item_id: "1", sku: "DEMO-MUG", asin: null, title: null, quantity: 2, unit_price: "12.50", shipping_price: "0", quantity_shipped: 0 },
    { order_item_id: "2", sku: "Größe-XL", asin: null, title: null, quantity: 1, unit_price: "19.99", shipping_price: "0", quantity_shipped: 0 },
  ],
  issues: [{ code: "unknown_sku", sku: "Größe-XL", message: 'No variant has the SKU "Größe-XL".' }],
  order_id: null,
  order_display_id: null,
  ship_country_code: "DE",
}

describe("orders export", () => {
  it("flattens an order to one row", () => {
    expect(toExportRow(order)).toEqual({
      amazon_order_id: "028-1234567-1234567",
      marketplace_id: "A1PA6795UKMFR9",
      purchased_at: new Date("2026-11-20T10:00:00.000Z"),
      amazon_status: "UNSHIPPED",
      import_status: "needs_attention",
      fulfillment_channel: "MFN",
      medusa_order: null,
      currency_code: "EUR",
      total: 44.99,
      skus: "DEMO-MUG × 2; Größe-XL × 1",
      units: 3,
      ship_country_code: "DE",
      issues: 'No variant has the SKU "Größe-XL".',
    })
    expect(toExportRow({ ...order, order_id: "order_1", order_display_id: 7 }).medusa_order).toBe("#7")
  })

  it("writes a CSV Excel reads as UTF-8, quoting what needs it", () => {
    const csv = ordersToCsv([order])
    expect(csv.startsWith("\ufeff")).toBe(true)
    const [header, row] = parse(csv.slice(1)) as string[][]
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header))
    expect(row[0]).toBe("028-1234567-1234567")
    expect(row[9]).toBe("DEMO-MUG × 2; Größe-XL × 1")
    expect(row[12]).toBe('No variant has the SKU "Größe-XL".')
  })

  it("escapes formulas in text cells (CSV injection) and keeps numbers, negative ones too, numeric", () => {
    const hostile: ExportableOrder = {
      ...order,
      amazon_order_id: "=HYPERLINK(\"http://evil.example\",\"x\")",
      total: "-5.5",
      items: [{ ...order.items![0], sku: "@SUM(A1:A9)", quantity: 1 }],
      issues: [{ code: "unknown_sku", sku: "x", message: "+cmd|' /C calc'!A0" }],
      ship_country_code: "-DE",
      marketplace_id: "\tA1PA6795UKMFR9",
    }
    const [, row] = parse(ordersToCsv([hostile]).slice(1)) as string[][]
    expect(row[0]).toBe("'=HYPERLINK(\"http://evil.example\",\"x\")")
    expect(row[1]).toBe("'\tA1PA6795UKMFR9")
    expect(row[8]).toBe("-5.5")
    expect(row[9]).toBe("'@SUM(A1:A9) × 1")
    expect(row[10]).toBe("1")
    expect(row[11]).toBe("'-DE")
    expect(row[12]).toBe("'+cmd|' /C calc'!A0")
    // an ordinary row is untouched
    const [, plain] = parse(ordersToCsv([order]).slice(1)) as string[][]
    expect(plain[0]).toBe("028-1234567-1234567")
  })

  it("writes formula-looking text as text cells in XLSX, never as formulas", async () => {
    const buffer = await ordersToXlsx([{ ...order, amazon_order_id: "=1+1", total: "-5.5" }])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as never)
    const row = workbook.getWorksheet("Amazon orders")!.getRow(2)
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String)
    expect(row.getCell(1).value).toBe("=1+1")
    expect(row.getCell(9).value).toBe(-5.5)
  })

  it("writes a real XLSX workbook with typed cells", async () => {
    const buffer = await ordersToXlsx([order, { ...order, amazon_order_id: "028-2", total: "10" }])
    expect(buffer.subarray(0, 2).toString()).toBe("PK")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as never)
    const sheet = workbook.getWorksheet("Amazon orders")!
    expect(sheet.rowCount).toBe(3)
    expect(sheet.getRow(1).getCell(1).value).toBe("Amazon order")
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date("2026-11-20T10:00:00.000Z"))
    expect(sheet.getRow(3).getCell(9).value).toBe(10)
  })
})
