/**
 * One row of GET_MERCHANT_LISTINGS_ALL_DATA (or _INACTIVE_DATA) → what we keep of it. Pure.
 * Columns: amazon-sp-api-notes.md §6 (developer-docs "Inventory reports attributes").
 */

export type ImportedListingStatus = "active" | "inactive" | "incomplete"

/** A listing as Amazon's report describes it. */
export type ReportListing = {
  /** line in the report file, for messages */
  line: number
  sku: string
  asin: string | null
  title: string
  description: string | null
  /** in the marketplace currency; null when Amazon has none (incomplete listings) */
  price: number | null
  /** null for FBA listings (Amazon holds the stock) and when the column is empty */
  quantity: number | null
  status: ImportedListingStatus
  /** "DEFAULT" = merchant fulfilled; AMAZON_EU, AMAZON_NA … = FBA */
  fulfillment_channel: string | null
  /** Amazon's condition_type from the item-condition code (11 new, 1–4 used, 5–8 collectible, 10 refurbished); null when absent or unknown */
  condition_type: string | null
  /** what product-id holds (product-id-type 1 ASIN, 2 ISBN, 3 UPC, 4 EAN — notes §6) */
  product_id_type: "ASIN" | "ISBN" | "UPC" | "EAN" | null
  product_id: string | null
}

export type RowRejection = { reason: "malformed" | "no_sku"; message: string }

export type ReadRowResult = { ok: true; listing: ReportListing } | ({ ok: false } & RowRejection)

const PRODUCT_ID_TYPES: Record<string, ReportListing["product_id_type"]> = { "1": "ASIN", "2": "ISBN", "3": "UPC", "4": "EAN" }

/**
 * item-condition codes of Amazon's flat-file listings reports → the condition_type values of the listings
 * schemas. 11 also covers new_open_box/new_oem (the code does not tell them apart); the condition is only
 * ever sent when we create an offer, never to an offer Amazon already has (feed-messages.ts).
 */
const CONDITION_TYPES: Record<string, string> = {
  "1": "used_like_new",
  "2": "used_very_good",
  "3": "used_good",
  "4": "used_acceptable",
  "5": "collectible_like_new",
  "6": "collectible_very_good",
  "7": "collectible_good",
  "8": "collectible_acceptable",
  "10": "refurbished_refurbished",
  "11": "new_new",
}

/** Amazon allows 40 characters of almost anything in a seller SKU. */
const MAX_SKU_LENGTH = 40

/**
 * Reads one row. `defaultStatus` applies when the report has no status column (the inactive report).
 * Unknown status words count as inactive: importing them as active would publish what Amazon does not sell.
 */
export function readListingRow(cells: Record<string, string>, line: number, defaultStatus: ImportedListingStatus = "active"): ReadRowResult {
  const sku = (cells["seller-sku"] ?? "").replace(/[\r\n]/g, "")
  if (!sku.trim()) return { ok: false, reason: "no_sku", message: "has no seller-sku" }
  if (sku.length > MAX_SKU_LENGTH) {
    return { ok: false, reason: "malformed", message: `has a seller-sku of ${sku.length} characters (Amazon allows ${MAX_SKU_LENGTH})` }
  }

  const price = parseAmount(cells.price)
  if (price === undefined) return { ok: false, reason: "malformed", message: `(SKU ${sku}) has a price "${cut(cells.price)}" that is not a number` }
  const quantity = parseQuantity(cells.quantity)
  if (quantity === undefined) {
    return { ok: false, reason: "malformed", message: `(SKU ${sku}) has a quantity "${cut(cells.quantity)}" that is not a whole number ≥ 0` }
  }

  const asin = normaliseAsin(cells.asin1) ?? (cells["product-id-type"]?.trim() === "1" ? normaliseAsin(cells["product-id"]) : null)
  const productIdType = PRODUCT_ID_TYPES[(cells["product-id-type"] ?? "").trim()] ?? null
  const productId = (cells["product-id"] ?? "").trim() || null
  const title = (cells["item-name"] ?? "").trim()

  return {
    ok: true,
    listing: {
      line,
      sku,
      asin,
      title: title || sku,
      description: (cells["item-description"] ?? "").trim() || null,
      price,
      quantity,
      status: "status" in cells ? parseStatus(cells.status) : defaultStatus,
      fulfillment_channel: (cells["fulfillment-channel"] ?? "").trim().toUpperCase() || null,
      condition_type: CONDITION_TYPES[(cells["item-condition"] ?? "").trim()] ?? null,
      product_id_type: productId ? productIdType : null,
      product_id: productIdType ? productId : null,
    },
  }
}

export function parseStatus(value: string | undefined): ImportedListingStatus {
  const word = (value ?? "").trim().toLowerCase()
  if (word === "active") return "active"
  if (word === "incomplete") return "incomplete"
  return "inactive"
}

/**
 * "19.99", "1,299.00", "19,99" (a comma decimal, as some localized reports have) → number; "" → null;
 * anything else → undefined.
 */
export function parseAmount(raw: string | undefined): number | null | undefined {
  const value = (raw ?? "").trim()
  if (!value) return null
  let normalised: string
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) normalised = value.replace(/,/g, "")
  else if (/^\d+,\d{1,2}$/.test(value)) normalised = value.replace(",", ".")
  else if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(value)) normalised = value.replace(/\./g, "").replace(",", ".")
  else normalised = value
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined
  return Number(normalised)
}

/** "12" → 12; "" → null (FBA); "-1", "1.5", "many" → undefined. */
export function parseQuantity(raw: string | undefined): number | null | undefined {
  const value = (raw ?? "").trim()
  if (!value) return null
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined
}

function normaliseAsin(raw: string | undefined): string | null {
  const value = (raw ?? "").trim().toUpperCase()
  return /^[A-Z0-9]{10}$/.test(value) ? value : null
}

function cut(value: string | undefined): string {
  const text = value ?? ""
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** "GET_MERCHANT_LISTINGS_INACTIVE_DATA" has no status column: everything in it is inactive. */
export function defaultStatusOf(reportType: string): ImportedListingStatus {
  return reportType === "GET_MERCHANT_LISTINGS_INACTIVE_DATA" ? "inactive" : "active"
}

/** FBA listings (fulfillment-channel AMAZON_EU, AMAZON_NA …) have their stock at Amazon. */
export function isFulfilledByAmazon(listing: Pick<ReportListing, "fulfillment_channel">): boolean {
  return /^AMAZON/i.test(listing.fulfillment_channel ?? "")
}
