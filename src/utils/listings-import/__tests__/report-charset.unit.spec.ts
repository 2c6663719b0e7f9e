import { Readable } from "node:stream"
import iconv from "iconv-lite"
import { createReportDecoder, declaredCharset, isUtf8, legacyCharsetOf } from "../report-charset"

/** Feeds `bytes` in chunks of `size` through a decoder and returns the text and the charset it chose. */
async function decode(bytes: Buffer, options: { declared?: string | null; fallback: string }, size = 7) {
  const chunks: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
  const decoder = createReportDecoder(options)
  Readable.from(chunks).pipe(decoder)
  let text = ""
  for await (const part of decoder) text += part
  return { text, charset: decoder.charset() }
}

const header = "item-name\tseller-sku\tprice\n"
const padding = "x\ty\t1\n".repeat(30)

describe("legacyCharsetOf / declaredCharset", () => {
  it.each([
    ["A1VC38T7YXB528", "windows-31j"],
    ["A1PA6795UKMFR9", "windows-1252"],
    ["ATVPDKIKX0DER", "windows-1252"],
  ])("%s → %s", (marketplace, charset) => expect(legacyCharsetOf(marketplace)).toBe(charset))

  it.each([
    ["text/tab-separated-values; charset=Cp1252", "windows-1252"],
    ["text/plain;charset=UTF-8", "utf-8"],
    ['text/plain; charset="Shift_JIS"', "shift_jis"],
    ["text/plain; charset=Cp943", "windows-31j"],
    ["application/octet-stream", null],
    ["text/plain; charset=klingon", null],
    [undefined, null],
  ])("%s → %s", (contentType, charset) => expect(declaredCharset(contentType)).toBe(charset))
})

describe("createReportDecoder", () => {
  const german = `${header}${padding}Tasse Größe M – Über\tSKU-1\t12.50\n`
  const japanese = `${header}${padding}マグカップ 青\tSKU-2\t1200\n`

  it("reads UTF-8 as UTF-8 whatever the marketplace fallback, characters split across chunks", async () => {
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      const result = await decode(Buffer.from(german, "utf8"), { fallback: "windows-1252" }, size)
      expect(result).toEqual({ text: german, charset: "utf-8" })
    }
  })

  it("stays UTF-8 when a stray byte comes after the window it decided on (that line is undecodable, not the report)", async () => {
    const bytes = Buffer.concat([Buffer.from(`${header}Größe L — ${padding}`, "utf8"), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from("\tz\t1\n")])
    const { text, charset } = await decode(bytes, { fallback: "windows-1252" }, 4096)
    expect(charset).toBe("utf-8")
    expect(text).toContain("Größe L")
    expect(text).toContain("Caf\uFFFD\tz")
  })

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const result = await decode(iconv.encode(german, "windows-1252"), { fallback: "windows-1252" })
    expect(result).toEqual({ text: german, charset: "windows-1252" })
  })

  it("reads a Japanese report in Shift_JIS", async () => {
    const result = await decode(iconv.encode(japanese, "shift_jis"), { fallback: legacyCharsetOf("A1VC38T7YXB528") }, 5)
    expect(result).toEqual({ text: japanese, charset: "windows-31j" })
  })

  it("uses the declared charset", async () => {
    const latin1 = iconv.encode("a\tb\nÄ\tc\n", "windows-1252")
    expect(await decode(latin1, { declared: "windows-1252", fallback: "utf-8" })).toEqual({ text: "a\tb\nÄ\tc\n", charset: "windows-1252" })
  })

  it("drops a UTF-8 BOM, and a BOM wins over the fallback", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("item-name\tseller-sku\nÄ\t1\n", "utf8")])
    expect(await decode(bytes, { fallback: "windows-1252" }, 1)).toEqual({ text: "item-name\tseller-sku\nÄ\t1\n", charset: "utf-8" })
  })

  it("reads UTF-16LE with a BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("a\tb\nÄ\tc\n", "utf-16le")])
    expect(await decode(bytes, { fallback: "windows-1252" }, 3)).toEqual({ text: "a\tb\nÄ\tc\n", charset: "utf-16le" })
  })

  it("passes pure ASCII through and decides at the end for a short non-ASCII tail", async () => {
    expect(await decode(Buffer.from("a\tb\n"), { fallback: "windows-1252" })).toMatchObject({ text: "a\tb\n" })
    expect(await decode(iconv.encode("a\tb\nÜ\n", "windows-1252"), { fallback: "windows-1252" })).toEqual({ text: "a\tb\nÜ\n", charset: "windows-1252" })
    expect(await decode(Buffer.from("a\tb\nÜ\n", "utf8"), { fallback: "windows-1252" })).toEqual({ text: "a\tb\nÜ\n", charset: "utf-8" })
  })
})

describe("isUtf8", () => {
  it("accepts a sequence cut at the end only when the stream goes on", () => {
    const cut = Buffer.from("Größe", "utf8").subarray(0, 3)
    expect(isUtf8(cut, true)).toBe(true)
    expect(isUtf8(cut, false)).toBe(false)
    expect(isUtf8(Buffer.from([0xc4, 0x41]), true)).toBe(false)
  })
})
