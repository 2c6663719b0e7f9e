import { isValidIsbn10, isbn10To13 } from "../listings/gtin"
import type { ReportListing } from "./listing-row"

/** The store's product-ID mapping (amazon_store.product_id_type / product_id_attribute). */
export type ProductIdMapping = {
  product_id_type: "ASIN" | "EAN" | "UPC" | "ISBN" | "GTIN" | "JAN" | "SKU"
  /** "sku", "barcode", "ean", "upc", or "metadata.<key>" */
  product_id_attribute: string
}

/** Variant columns that can be filtered on directly; anything else is read from metadata (Medusa variants have no `isbn` column). */
const VARIANT_COLUMNS = new Set(["sku", "barcode", "ean", "upc"])

/** Where the identifier lives on a variant: a column, or a metadata key. */
export function identifierField(attribute: string): { column: string } | { metadata_key: string } {
  if (attribute.startsWith("metadata.")) return { metadata_key: attribute.slice("metadata.".length) }
  return VARIANT_COLUMNS.has(attribute) ? { column: attribute } : { metadata_key: attribute }
}

/** True when the mapping is just "the variant's SKU holds the seller SKU": the SKU lookup already covers it. */
export function mappingIsSku(mapping: ProductIdMapping): boolean {
  return mapping.product_id_type === "SKU" && mapping.product_id_attribute === "sku"
}

/**
 * The value of a report row to look up in the mapped field: the ASIN for an ASIN mapping, the seller SKU for
 * a SKU mapping, and product-id for barcode mappings when Amazon says it is a barcode (ISBN/UPC/EAN — any of
 * them, since they are all GTINs: a UPC-A is the EAN-13 with a leading zero).
 */
export function mappedIdentifier(listing: ReportListing, mapping: ProductIdMapping): string | null {
  switch (mapping.product_id_type) {
    case "ASIN":
      return listing.asin
    case "SKU":
      return listing.sku
    default:
      return listing.product_id && listing.product_id_type && listing.product_id_type !== "ASIN" ? listing.product_id : null
  }
}

const isBarcodeType = (type: ProductIdMapping["product_id_type"]) => type !== "ASIN" && type !== "SKU"

/**
 * The key two identifiers are equal by: barcodes as GTIN digits without leading zeros (UPC 012345678905 =
 * EAN 0012345678905; an ISBN-10 as its ISBN-13), ASINs upper-case, SKUs exact.
 */
export function identifierKey(type: ProductIdMapping["product_id_type"], raw: string): string {
  if (type === "ASIN") return raw.trim().toUpperCase()
  if (type === "SKU") return raw
  const compact = raw.trim().replace(/[\s-]/g, "").toUpperCase()
  const digits = compact.length === 10 && isValidIsbn10(compact) ? isbn10To13(compact) : compact
  return /^\d+$/.test(digits) ? digits.replace(/^0+/, "") : digits
}

/**
 * The spellings under which a variant may store the identifier, so one `IN (…)` query finds it whatever
 * form the merchant typed: GTIN-12/13/14 zero-padded forms, and the ISBN-10 of a 978 ISBN-13.
 */
export function identifierForms(type: ProductIdMapping["product_id_type"], raw: string): string[] {
  if (!isBarcodeType(type)) return type === "ASIN" ? unique([raw.trim(), raw.trim().toUpperCase()]) : [raw]
  const key = identifierKey(type, raw)
  if (!/^\d+$/.test(key)) return unique([raw.trim(), key])
  const forms = [raw.trim(), key, ...[8, 12, 13, 14].filter((n) => n >= key.length).map((n) => key.padStart(n, "0"))]
  const isbn10 = isbn13To10(key)
  if (isbn10) forms.push(isbn10)
  return unique(forms)
}

function isbn13To10(digits: string): string | null {
  if (!/^978\d{10}$/.test(digits)) return null
  const body = digits.slice(3, 12)
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * (10 - i), 0)
  const check = (11 - (sum % 11)) % 11
  return `${body}${check === 10 ? "X" : check}`
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))]
}
