import { Listing } from "./types"

/**
 * Listings reports as Amazon delivers them: tab-separated, one header line, one line per listing.
 * Column list of GET_MERCHANT_LISTINGS_ALL_DATA: amazon-sp-api-notes.md §6 (developer-docs "Inventory
 * reports attributes"). The active and inactive reports use the same family without `status`
 * (a simplification: Amazon's column sets for those two differ slightly).
 */
export const ALL_DATA_COLUMNS = [
  "item-name",
  "item-description",
  "listing-id",
  "seller-sku",
  "price",
  "quantity",
  "open-date",
  "image-url",
  "item-is-marketplace",
  "product-id-type",
  "zshop-shipping-fee",
  "item-note",
  "item-condition",
  "zshop-category1",
  "zshop-browse-path",
  "zshop-storefront-feature",
  "asin1",
  "asin2",
  "asin3",
  "will-ship-internationally",
  "expedited-shipping",
  "zshop-boldface",
  "product-id",
  "bid-for-featured-placement",
  "add-delete",
  "pending-quantity",
  "fulfillment-channel",
  "merchant-shipping-group",
  "status",
] as const

export const LISTINGS_REPORT_TYPES: Record<string, { filter: (l: Listing) => boolean; columns: readonly string[] }> = {
  GET_MERCHANT_LISTINGS_ALL_DATA: { filter: () => true, columns: ALL_DATA_COLUMNS },
  GET_MERCHANT_LISTINGS_DATA: { filter: (l) => l.status === "Active", columns: ALL_DATA_COLUMNS.filter((c) => c !== "status") },
  GET_MERCHANT_LISTINGS_INACTIVE_DATA: { filter: (l) => l.status !== "Active", columns: ALL_DATA_COLUMNS.filter((c) => c !== "status") },
}

export const REPORT_CONTENT_TYPE = "text/tab-separated-values; charset=UTF-8"

/** product-id-type codes in listings reports (1 ASIN, 2 ISBN, 3 UPC, 4 EAN — notes §6, unverified). */
const PRODUCT_ID_TYPE: Record<string, string> = { ASIN: "1", ISBN: "2", UPC: "3", EAN: "4", GTIN: "4", JAN: "4" }

/** item-condition codes of flat-file listings (11 = New). */
const CONDITION_CODE: Record<string, string> = {
  used_like_new: "1",
  used_very_good: "2",
  used_good: "3",
  used_acceptable: "4",
  collectible_like_new: "5",
  collectible_very_good: "6",
  collectible_good: "7",
  collectible_acceptable: "8",
  refurbished_refurbished: "10",
  new_new: "11",
  new_open_box: "11",
  new_oem: "11",
  club_club: "11",
}

function clean(value: string): string {
  return value.replace(/[\t\r\n]+/g, " ")
}

function openDate(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")
}

function cell(listing: Listing, column: string): string {
  switch (column) {
    case "item-name":
      return clean(listing.itemName)
    case "item-description":
      return clean(listing.description ?? "")
    case "listing-id":
      return listing.listingId
    case "seller-sku":
      return clean(listing.sku)
    case "price":
      return listing.price === undefined ? "" : listing.price.toFixed(2)
    case "quantity":
      return listing.fulfillmentChannel === "DEFAULT" && listing.quantity !== undefined ? String(listing.quantity) : ""
    case "open-date":
      return openDate(listing.createdAt)
    case "item-is-marketplace":
      return "y"
    case "product-id-type":
      return listing.productId ? PRODUCT_ID_TYPE[listing.productId.type] ?? "1" : listing.asin ? "1" : ""
    case "item-condition":
      return CONDITION_CODE[listing.conditionType] ?? "11"
    case "asin1":
      return listing.asin ?? ""
    case "product-id":
      return listing.productId?.value ?? listing.asin ?? ""
    case "pending-quantity":
      return "0"
    case "fulfillment-channel":
      return listing.fulfillmentChannel
    case "merchant-shipping-group":
      return listing.fulfillmentChannel === "DEFAULT" ? "Migrated Template" : ""
    case "status":
      return listing.status
    default:
      return ""
  }
}

/**
 * A generator of the report text in chunks of `batch` lines, so a 200,000-row report streams through
 * gzip without being built as one string. Extra lines given as bytes are passed on as they are (a line in
 * another code page, or with bytes no charset allows).
 */
export function listingsReportRenderer(reportType: string, rows: Listing[], extraLines: (string | Buffer)[], batch = 1000): () => Iterable<string | Buffer> {
  const spec = LISTINGS_REPORT_TYPES[reportType]
  return function* render() {
    yield `${spec.columns.join("\t")}\n`
    let buffer: string[] = []
    for (const listing of rows) {
      buffer.push(spec.columns.map((c) => cell(listing, c)).join("\t"))
      if (buffer.length >= batch) {
        yield `${buffer.join("\n")}\n`
        buffer = []
      }
    }
    if (buffer.length) yield `${buffer.join("\n")}\n`
    for (const line of extraLines) {
      if (typeof line === "string") yield line.endsWith("\n") ? line : `${line}\n`
      else yield line[line.length - 1] === 0x0a ? line : Buffer.concat([line, Buffer.from("\n")])
    }
  }
}
