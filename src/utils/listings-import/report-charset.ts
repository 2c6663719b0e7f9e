import { Transform, type TransformCallback } from "node:stream"
import iconv from "iconv-lite"

/**
 * Amazon's flat-file reports come in the marketplace's code page, not always UTF-8 (notes §6): Japan in
 * Shift_JIS (Windows-31J, Amazon's "Cp943"), the older EU/NA marketplaces historically in Windows-1252;
 * newer ones, and most reports today, in UTF-8. The document's Content-Type says which when Amazon sends
 * a charset; otherwise the bytes decide (see createReportDecoder).
 */
const JAPAN = "A1VC38T7YXB528"

/** The code page to assume for a marketplace's report when its bytes are not valid UTF-8. */
export function legacyCharsetOf(marketplaceId: string): string {
  return marketplaceId === JAPAN ? "windows-31j" : "windows-1252"
}

/** `text/tab-separated-values; charset=Cp1252` → "windows-1252"; null when none is declared or iconv does not know it. */
export function declaredCharset(contentType: string | null | undefined): string | null {
  const raw = /charset=["']?([^;"'\s]+)/i.exec(contentType ?? "")?.[1]
  if (!raw) return null
  const lower = raw.toLowerCase()
  const charset = lower === "cp1252" ? "windows-1252" : lower === "cp943" || lower === "ms932" ? "windows-31j" : lower
  return iconv.encodingExists(charset) ? charset : null
}

export type ReportDecoderOptions = {
  /** From the document's Content-Type; wins over sniffing. */
  declared?: string | null
  /** Used when the bytes are not valid UTF-8 (legacyCharsetOf the marketplace). */
  fallback: string
}

/** How many bytes after the first non-ASCII byte must be seen before deciding UTF-8 or not. */
const SNIFF_BYTES = 64

/**
 * Bytes → text, streaming. Every charset Amazon uses agrees with ASCII on bytes below 0x80, so ASCII is
 * passed through until the first byte ≥ 0x80; there the charset is decided once: the declared one, else
 * UTF-8 when a BOM is present or the SNIFF_BYTES from there on are valid UTF-8 (text in Windows-1252 or
 * Shift_JIS practically never is), else the fallback. A UTF-8 or UTF-16 BOM is honoured and dropped.
 * Memory: at most one chunk plus SNIFF_BYTES is held.
 */
export function createReportDecoder(options: ReportDecoderOptions): Transform & { charset: () => string | null } {
  let decoder: IncrementalDecoder | null = null
  let chosen: string | null = null
  let pending: Buffer | null = null
  let start = true

  const choose = (charset: string) => {
    chosen = charset
    decoder = iconv.getDecoder(charset) as IncrementalDecoder
  }
  if (options.declared) choose(options.declared)

  const transform = new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      let buffer = pending ? Buffer.concat([pending, chunk]) : chunk
      pending = null
      if (start) {
        // a BOM is unambiguous and wins over a declared charset
        if (buffer.length < 3) {
          pending = buffer
          return callback()
        }
        start = false
        const bom = bomCharset(buffer)
        if (bom) choose(bom)
      }
      if (!decoder) {
        const firstHigh = buffer.findIndex((byte) => byte >= 0x80)
        if (firstHigh === -1) {
          return callback(null, buffer.toString("latin1"))
        }
        if (buffer.length - firstHigh < SNIFF_BYTES) {
          pending = buffer
          return callback()
        }
        // only the window decides: one line with stray bytes further on must not turn a UTF-8 report into
        // mojibake (that line is reported as undecodable instead — parse-listings-report.ts)
        choose(isUtf8(buffer.subarray(firstHigh, firstHigh + SNIFF_BYTES), true) ? "utf-8" : options.fallback)
      }
      callback(null, decoder!.write(buffer))
    },
    flush(callback: TransformCallback) {
      if (pending) {
        const bom = start ? bomCharset(pending) : null
        if (bom) choose(bom)
        if (!decoder) {
          const firstHigh = pending.findIndex((byte) => byte >= 0x80)
          choose(firstHigh === -1 || isUtf8(pending.subarray(firstHigh), false) ? "utf-8" : options.fallback)
        }
        const text = decoder!.write(pending)
        if (text) this.push(text)
      }
      const rest = decoder?.end()
      if (rest) this.push(rest)
      callback()
    },
  })
  return Object.assign(transform, { charset: () => chosen })
}

/** iconv-lite's incremental decoder (its typings declare it outside the module). */
type IncrementalDecoder = { write(buffer: Buffer): string; end(): string | undefined }

function bomCharset(buffer: Buffer): string | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return "utf-8"
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return "utf-16le"
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return "utf-16be"
  return null
}

/** True when the bytes are UTF-8; with `open`, a sequence cut off at the end still counts as valid. */
export function isUtf8(bytes: Uint8Array, open: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: open })
    return true
  } catch {
    return false
  }
}
