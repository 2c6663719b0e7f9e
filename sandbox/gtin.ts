/**
 * GTIN arithmetic (EAN-13, UPC-A, ISBN-13, JAN, GTIN-14 share the GS1 mod-10 check digit).
 * The catalog indexes every barcode as GTIN-14 so a UPC-A `012345678905` and the EAN-13
 * `0012345678905` find the same item, as they do on Amazon.
 */

/** Check digit for a GTIN body (all digits except the last). */
export function gtinCheckDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

export function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body))
}

export function isValidGtin(code: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(code)) return false
  return gtinCheckDigit(code.slice(0, -1)) === Number(code[code.length - 1])
}

/** GTIN-14 form of a valid barcode (left-padded with zeros), or undefined. */
export function toGtin14(code: string): string | undefined {
  const digits = code.replace(/[\s-]/g, "")
  if (!isValidGtin(digits)) return undefined
  return digits.padStart(14, "0")
}
