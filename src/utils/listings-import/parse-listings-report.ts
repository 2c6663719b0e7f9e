import { type Readable, pipeline } from "node:stream"
import { parse } from "csv-parse"
import { createReportDecoder, type ReportDecoderOptions } from "./report-charset"

/** One line of a listings report after parsing: its cells by (lower-case) column name, or why it was unreadable. */
export type ReportLine =
  | { kind: "row"; line: number; cells: Record<string, string> }
  | { kind: "malformed"; line: number; reason: string }

/** The report as a whole cannot be read (no header, no seller-sku column): nothing of it is imported. */
export class ReportFormatError extends Error {}

/** The longest line read (characters). A row of a listings report is a few KB, with a long description. */
export const MAX_LINE_CHARACTERS = 1024 * 1024

/** The column every listings report has and every row is keyed by. */
export const SKU_COLUMN = "seller-sku"

/**
 * Streams a listings report (gunzipped bytes) as lines: decoded (report-charset.ts), split by csv-parse as
 * TSV, the first line taken as the header. Only one chunk and one record are in memory at a time, so a
 * 200,000-row report stays flat; the consumer's pace (for await) is the parser's backpressure.
 *
 * Amazon's flat files are plain TSV (IANA text/tab-separated-values): fields never contain tabs or line
 * breaks and a `"` is a literal character — so quoting is off. With CSV quoting on, a title that starts
 * with `"` (`"Best" mug`, `12" pan`) would swallow every following line up to the next quote.
 * A line whose field count differs from the header's is reported with its line number and skipped, and so
 * is a line with bytes its charset does not allow (decoded as U+FFFD): a SKU or title with a replaced
 * character would be matched or created wrongly.
 */
export async function* readListingsReport(
  source: Readable,
  decoding: ReportDecoderOptions,
  /** another flat-file report read the same way (the returns report): the column it must have, and its name */
  kind: { requiredColumn: string; name: string } = { requiredColumn: SKU_COLUMN, name: "a listings report" }
): AsyncGenerator<ReportLine> {
  const parser = parse({
    delimiter: "\t",
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // a line longer than this is not a listings row (a binary or endless body): stop instead of buffering it
    max_record_size: MAX_LINE_CHARACTERS,
  })
  const decoder = createReportDecoder(decoding)
  pipeline(source, decoder, parser, () => {
    // errors surface through the parser's async iterator below
  })

  let header: string[] | null = null
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((name) => name.trim().toLowerCase())
        if (!header.includes(kind.requiredColumn)) {
          throw new ReportFormatError(
            `The report has no "${kind.requiredColumn}" column (its first line starts "${record.slice(0, 4).join(" | ").slice(0, 120)}"): ` +
              `it is not ${kind.name}, or Amazon sent localized column names.`
          )
        }
        continue
      }
      if (record.length !== header.length && !onlyEmptyExtras(record, header.length)) {
        yield { kind: "malformed", line: info.lines, reason: `has ${record.length} fields where the header has ${header.length}` }
        continue
      }
      const undecodable = record.findIndex((cell) => cell.includes(REPLACEMENT))
      if (undecodable !== -1) {
        const column = header[undecodable] ?? `field ${undecodable + 1}`
        yield { kind: "malformed", line: info.lines, reason: `has bytes that are not valid ${charsetName(decoder.charset())} in ${column} ("${shown(record[undecodable])}")` }
        continue
      }
      const cells: Record<string, string> = {}
      for (let i = 0; i < header.length; i++) cells[header[i]] = record[i] ?? ""
      yield { kind: "row", line: info.lines, cells }
    }
  } catch (error) {
    if ((error as { code?: string })?.code === "CSV_MAX_RECORD_SIZE") {
      throw new ReportFormatError(
        `A line of the report is longer than ${MAX_LINE_CHARACTERS / 1024 / 1024} MiB: it is not a listings report (or it is damaged); nothing of it is imported.`
      )
    }
    throw error
  } finally {
    // an early return (the consumer stopped) or an error: stop downloading
    source.destroy()
    parser.destroy()
  }
  if (!header) throw new ReportFormatError("The report is empty: it has no header line.")
}

/** What a decoder puts where the bytes are not valid in its charset. */
const REPLACEMENT = "\uFFFD"

function charsetName(charset: string | null): string {
  if (!charset) return "text"
  return charset === "utf-8" ? "UTF-8" : charset === "windows-1252" ? "Windows-1252" : charset === "windows-31j" ? "Shift_JIS" : charset
}

/** The cell as a store owner can find it in the file: the undecodable bytes shown as "?". */
function shown(cell: string): string {
  const text = cell.replace(/\uFFFD/g, "?")
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** Trailing tabs after the last column are harmless. */
function onlyEmptyExtras(record: string[], width: number): boolean {
  return record.length > width && record.slice(width).every((cell) => cell === "")
}

/**
 * Data lines of a report (lines after the header), counted on the raw bytes without parsing — the
 * progress total. A line feed byte never occurs inside a multi-byte character in UTF-8, Windows-1252 or
 * Shift_JIS, so no decoding is needed. Empty lines are counted too; the total is an upper bound.
 */
export async function countReportLines(source: Readable): Promise<number> {
  let lineFeeds = 0
  let last = 0x0a
  for await (const chunk of source as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lineFeeds++
    if (chunk.length) last = chunk[chunk.length - 1]
  }
  const lines = lineFeeds + (last === 0x0a ? 0 : 1)
  return Math.max(0, lines - 1)
}
