import { checkIdentifier, isbn10To13, isValidGtin, isValidIsbn10 } from "../gtin"

describe("checkIdentifier", () => {
  it.each([
    ["EAN", "4006381333931", "4006381333931"],
    ["EAN", "5901234123457", "5901234123457"],
    ["EAN", "4006-3813-33931", "4006381333931"],
    ["EAN", "96385074", "96385074"],
    ["UPC", "012345678905", "012345678905"],
    ["EAN", "012345678905", "0012345678905"],
    ["UPC", "036000291452", "036000291452"],
    ["GTIN", "00012345678905", "00012345678905"],
    ["ISBN", "9780306406157", "9780306406157"],
    ["ISBN", "0306406152", "9780306406157"],
    ["ISBN", "080442957X", "9780804429573"],
    ["ASIN", "b07xj8c8f5", "B07XJ8C8F5"],
    ["SKU", " DEMO-MUG ", "DEMO-MUG"],
  ] as const)("accepts %s %s as %s", (type, raw, value) => {
    expect(checkIdentifier(type, raw)).toMatchObject({ ok: true, type, value })
  })

  it.each([
    ["EAN", "4006381333932", /wrong check digit/],
    ["EAN", "400638133393", /must be 13 digits/],
    ["EAN", "012345678904", /must be 13 digits/],
    ["UPC", "012345678904", /wrong check digit/],
    ["UPC", "4006381333931", /must be 12 digits/],
    ["ISBN", "9780306406158", /wrong check digit/],
    ["ISBN", "0306406153", /wrong check digit/],
    ["ISBN", "4006381333931", /must be 13 digits \(978\/979/],
    ["GTIN", "12345", /must be 8, 12, 13 or 14/],
    ["ASIN", "B07", /not an ASIN/],
    ["EAN", "", /missing/],
    ["EAN", null, /missing/],
  ] as const)("refuses %s %s", (type, raw, reason) => {
    const check = checkIdentifier(type, raw)
    expect(check.ok).toBe(false)
    expect(check.ok === false && check.reason).toMatch(reason)
  })

  it("gives the GTIN-14 form Amazon's catalog matches on", () => {
    expect(checkIdentifier("UPC", "012345678905")).toMatchObject({ gtin14: "00012345678905" })
    expect(checkIdentifier("EAN", "0012345678905")).toMatchObject({ gtin14: "00012345678905" })
  })
})

describe("check digits", () => {
  it("GS1 mod 10", () => {
    expect(isValidGtin("4006381333931")).toBe(true)
    expect(isValidGtin("4006381333930")).toBe(false)
  })
  it("ISBN-10 mod 11 and conversion", () => {
    expect(isValidIsbn10("0306406152")).toBe(true)
    expect(isbn10To13("0306406152")).toBe("9780306406157")
  })
})
