/**
 * Product identifiers Amazon matches on, checked before anything is sent:
 * GTIN-8/12(UPC-A)/13(EAN)/14 mod-10 check digits (GS1 General Specifications
 * §7.9) and ISBN-10 mod-11. A wrong digit is the most common cause of "no ASIN
 * found" — catching it here names the variant to fix.
 */
export type IdentifierType = "ASIN" | "EAN" | "UPC" | "ISBN" | "GTIN" | "JAN" | "SKU"

export type IdentifierCheck =
  | { ok: true; type: IdentifierType; value: string; gtin14?: string }
  | { ok: false; reason: string }

function gs1CheckDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

export function isValidGtin(value: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(value)) return false
  return gs1CheckDigit(value.slice(0, -1)) === Number(value.at(-1))
}

export function isValidIsbn10(value: string): boolean {
  if (!/^\d{9}[\dX]$/.test(value)) return false
  const sum = [...value].reduce((acc, c, i) => acc + (c === "X" ? 10 : Number(c)) * (10 - i), 0)
  return sum % 11 === 0
}

/** ISBN-10 → ISBN-13 (978 prefix), e.g. for books whose variant stores the old form. */
export function isbn10To13(isbn10: string): string {
  const body = `978${isbn10.slice(0, 9)}`
  return `${body}${gs1CheckDigit(body)}`
}

const LENGTHS: Record<string, string> = {
  EAN: "13 digits (or 8 for EAN-8)",
  JAN: "13 digits (or 8 for JAN short codes)",
  UPC: "12 digits",
  GTIN: "8, 12, 13 or 14 digits",
  ISBN: "13 digits (978/979…) or 10 characters",
}

/** Normalises and checks a product id of the given type (spaces and hyphens are dropped). */
export function checkIdentifier(type: IdentifierType, raw: string | null | undefined): IdentifierCheck {
  const value = (raw ?? "").trim().replace(/[\s-]/g, "").toUpperCase()
  if (!value) return { ok: false, reason: "missing" }
  switch (type) {
    case "ASIN":
      return /^[A-Z0-9]{10}$/.test(value)
        ? { ok: true, type, value }
        : { ok: false, reason: `${value} is not an ASIN (10 letters and digits, e.g. B07XJ8C8F5)` }
    case "SKU":
      return value.length <= 40 ? { ok: true, type, value: raw!.trim() } : { ok: false, reason: "longer than 40 characters" }
    case "ISBN":
      if (value.length === 10) {
        return isValidIsbn10(value)
          ? { ok: true, type, value: isbn10To13(value), gtin14: isbn10To13(value).padStart(14, "0") }
          : { ok: false, reason: `ISBN ${value} has a wrong check digit` }
      }
      if (!/^97[89]\d{10}$/.test(value)) return { ok: false, reason: `ISBN ${value} must be ${LENGTHS.ISBN}` }
      break
    case "EAN":
      // a UPC-A is an EAN-13 with a leading 0 (GS1): barcode fields often hold one
      if (/^\d{12}$/.test(value) && isValidGtin(value)) return { ok: true, type, value: `0${value}`, gtin14: value.padStart(14, "0") }
      if (!/^\d{13}$|^\d{8}$/.test(value)) return { ok: false, reason: `EAN ${value} must be ${LENGTHS.EAN}` }
      break
    case "JAN":
      // Japan's EAN-13 (GS1 Japan prefixes 45/49): same length and check digit as an EAN
      if (!/^\d{13}$|^\d{8}$/.test(value)) return { ok: false, reason: `JAN ${value} must be ${LENGTHS.JAN}` }
      break
    case "UPC":
      if (!/^\d{12}$/.test(value)) return { ok: false, reason: `UPC ${value} must be ${LENGTHS.UPC}` }
      break
    case "GTIN":
      if (!/^\d{8}$|^\d{12,14}$/.test(value)) return { ok: false, reason: `GTIN ${value} must be ${LENGTHS.GTIN}` }
      break
  }
  if (!isValidGtin(value)) return { ok: false, reason: `${type} ${value} has a wrong check digit` }
  return { ok: true, type, value, gtin14: value.padStart(14, "0") }
}
