import { Readable } from "node:stream"
import { createGzip } from "node:zlib"
import iconv from "iconv-lite"
import { countReportLines, MAX_LINE_CHARACTERS, readListingsReport, ReportFormatError, type ReportLine } from "../parse-listings-report"

const COLUMNS = ["item-name", "item-description", "seller-sku", "price", "quantity", "asin1", "status"]
const row = (...cells: string[]) => cells.join("\t")

async function readAll(text: string | Buffer, fallback = "windows-1252"): Promise<ReportLine[]> {
  const lines: ReportLine[] = []
  const source = Readable.from([typeof text === "string" ? Buffer.from(text, "utf8") : text])
  for await (const line of readListingsReport(source, { fallback })) lines.push(line)
  return lines
}

describe("readListingsReport", () => {
  it("yields each row's cells by column name, with its line number", async () => {
    const text = [COLUMNS.join("\t"), row("Mug", "", "MUG-1", "12.50", "4", "B0SANDBX03", "Active"), row("Cap", "Blue", "CAP-1", "9", "0", "", "Inactive"), ""].join("\n")
    expect(await readAll(text)).toEqual([
      { kind: "row", line: 2, cells: { "item-name": "Mug", "item-description": "", "seller-sku": "MUG-1", price: "12.50", quantity: "4", asin1: "B0SANDBX03", status: "Active" } },
      { kind: "row", line: 3, cells: expect.objectContaining({ "seller-sku": "CAP-1", status: "Inactive" }) },
    ])
  })

  it("reports a line with the wrong number of fields and goes on", async () => {
    const text = [COLUMNS.join("\t"), "broken\tline", row("Mug", "", "MUG-1", "1", "1", "", "Active"), row("A", "", "B", "1", "1", "", "Active", "extra")].join("\r\n")
    expect(await readAll(text)).toEqual([
      { kind: "malformed", line: 2, reason: "has 2 fields where the header has 7" },
      expect.objectContaining({ kind: "row", line: 3 }),
      { kind: "malformed", line: 4, reason: "has 8 fields where the header has 7" },
    ])
  })

  it("accepts trailing empty fields and skips empty lines (line numbers stay the file's)", async () => {
    const text = [COLUMNS.join("\t"), "", `${row("Mug", "", "MUG-1", "1", "1", "", "Active")}\t\t`].join("\n")
    expect(await readAll(text)).toEqual([expect.objectContaining({ kind: "row", line: 3, cells: expect.objectContaining({ "seller-sku": "MUG-1" }) })])
  })

  it("treats quotes as text: a title starting with a quote does not swallow the next lines", async () => {
    const text = [COLUMNS.join("\t"), row('"Best" mug', '12" pan', "Q-1", "1", "1", "", "Active"), row('"unclosed', "", "Q-2", "1", "1", "", "Active"), row("plain", "", "Q-3", "1", "1", "", "Active")].join("\n")
    const lines = await readAll(text)
    expect(lines.map((l) => (l.kind === "row" ? [l.line, l.cells["seller-sku"], l.cells["item-name"]] : l))).toEqual([
      [2, "Q-1", '"Best" mug'],
      [3, "Q-2", '"unclosed'],
      [4, "Q-3", "plain"],
    ])
  })

  it("normalises header names (case, spaces) and decodes Windows-1252", async () => {
    const text = iconv.encode(`Item-Name\t Seller-SKU \tprice\nKaffeebecher Größe L\tKB-L\t9,99\n`, "windows-1252")
    expect(await readAll(text)).toEqual([{ kind: "row", line: 2, cells: { "item-name": "Kaffeebecher Größe L", "seller-sku": "KB-L", price: "9,99" } }])
  })

  it("reports a line with bytes its charset does not allow, naming the column, and goes on", async () => {
    // UTF-8 (decided at "Größe"), then a line written in Windows-1252: 0xE9 alone is not UTF-8
    const text = Buffer.concat([
      Buffer.from(`${COLUMNS.join("\t")}\n${row("Becher Größe L — a long enough title to decide the charset", "", "KB-L", "1", "1", "", "Active")}\n`, "utf8"),
      Buffer.from(row("Caf", "", "CAFE-1", "1", "1", "", "Active").replace("Caf", "Caf\xe9"), "latin1"),
      Buffer.from(`\n${row("Tee", "", "TEA-1", "1", "1", "", "Active")}\n`, "utf8"),
    ])
    expect(await readAll(text)).toEqual([
      expect.objectContaining({ kind: "row", line: 2 }),
      { kind: "malformed", line: 3, reason: 'has bytes that are not valid UTF-8 in item-name ("Caf?")' },
      expect.objectContaining({ kind: "row", line: 4, cells: expect.objectContaining({ "seller-sku": "TEA-1" }) }),
    ])
  })

  it("stops at a line longer than MAX_LINE_CHARACTERS instead of buffering it (an endless or binary body)", async () => {
    const endless = `${COLUMNS.join("\t")}\n${row("Mug", "x".repeat(MAX_LINE_CHARACTERS + 10), "SKU-1", "9.99", "1", "B000000001", "Active")}\n`
    await expect(readAll(endless)).rejects.toThrow(ReportFormatError)
    await expect(readAll(endless)).rejects.toThrow(/longer than 1 MiB/)
    // a long but real description is fine
    const long = `${COLUMNS.join("\t")}\n${row("Mug", "y".repeat(100_000), "SKU-1", "9.99", "1", "B000000001", "Active")}\n`
    expect(await readAll(long)).toEqual([expect.objectContaining({ kind: "row", cells: expect.objectContaining({ "seller-sku": "SKU-1" }) })])
  })

  it("refuses a report without a seller-sku column (e.g. localized headers)", async () => {
    await expect(readAll("出品者SKU\t価格\nA\t1\n")).rejects.toThrow(ReportFormatError)
    await expect(readAll("")).rejects.toThrow(/empty/)
  })

  it("streams a gzip report generated on the fly (peak memory: npm run bench)", async () => {
    const rows = 50_000
    function* lines() {
      yield `${COLUMNS.join("\t")}\n`
      for (let i = 0; i < rows; i++) yield `${row(`Item ${i}`, "", `SKU-${i}`, "1.00", "1", "", "Active")}\n`
    }
    const gzip = Readable.from(lines()).pipe(createGzip())
    const { createGunzip } = await import("node:zlib")
    let count = 0
    let last = 0
    for await (const line of readListingsReport(gzip.pipe(createGunzip()), { fallback: "windows-1252" })) {
      count++
      last = line.line
    }
    expect(count).toBe(rows)
    expect(last).toBe(rows + 1)
  })
})

describe("countReportLines", () => {
  it.each([
    ["h\na\nb\n", 2],
    ["h\na\nb", 2],
    ["h\n", 0],
    ["h", 0],
    ["", 0],
  ])("%j → %d", async (text, expected) => {
    expect(await countReportLines(Readable.from([Buffer.from(text)]))).toBe(expected)
  })
})
