import { z } from "zod"
import { strings } from "./strings"
import type { ProductIdType } from "./types"

export const PRODUCT_ID_TYPES = ["ASIN", "EAN", "UPC", "ISBN", "GTIN", "JAN", "SKU"] as const satisfies readonly ProductIdType[]
/** Medusa variant columns that can hold the identifier, plus "metadata" = metadata.<key>. */
export const PRODUCT_ID_SOURCES = ["sku", "barcode", "ean", "upc", "isbn", "metadata"] as const
export type ProductIdSource = (typeof PRODUCT_ID_SOURCES)[number]

const METADATA_KEY = /^[A-Za-z0-9_\-]{1,64}$/

/** The form's three fields, checked together: a metadata source needs a key. */
export const productIdFields = {
  product_id_type: z.enum(PRODUCT_ID_TYPES),
  id_source: z.enum(PRODUCT_ID_SOURCES),
  metadata_key: z.string().trim(),
}

export function checkMetadataKey(
  value: { id_source: ProductIdSource; metadata_key: string },
  ctx: z.RefinementCtx
) {
  if (value.id_source === "metadata" && !METADATA_KEY.test(value.metadata_key)) {
    ctx.addIssue({ code: "custom", path: ["metadata_key"], message: strings.validation.metadataKey })
  }
}

/** Form → API: "barcode" or "metadata.gtin". */
export function toProductIdAttribute(source: ProductIdSource, metadataKey: string): string {
  return source === "metadata" ? `metadata.${metadataKey.trim()}` : source
}

/** API → form. */
export function fromProductIdAttribute(attribute: string): { id_source: ProductIdSource; metadata_key: string } {
  if (attribute.startsWith("metadata.")) return { id_source: "metadata", metadata_key: attribute.slice(9) }
  const source = (PRODUCT_ID_SOURCES as readonly string[]).includes(attribute) ? (attribute as ProductIdSource) : "sku"
  return { id_source: source, metadata_key: "" }
}

/** Where the identifier usually lives, so picking the type fills a sensible source. */
export const SUGGESTED_SOURCE: Record<ProductIdType, ProductIdSource> = {
  ASIN: "metadata",
  EAN: "barcode",
  UPC: "upc",
  ISBN: "isbn",
  GTIN: "barcode",
  JAN: "barcode",
  SKU: "sku",
}
