import { listingsStrings as s } from "../../lib/strings-listings"

type Where = { product_id: string | null; variant_id: string | null; storeId?: string | null }

/**
 * Where in the admin an issue's field is fixed: the variant's edit form for
 * its own columns, the price editor, the variant page for stock, the store's
 * attribute mapping for Amazon's attributes. Null when the listing has no
 * Medusa product (an imported, unlinked one).
 */
export function fixLink(field: string | undefined, where: Where): { to: string; label: string } | null {
  if (field?.startsWith("amazon:")) {
    return where.storeId ? { to: `/settings/amazon/${where.storeId}`, label: s.issues.fixIn(s.issues.where.mapping) } : null
  }
  if (!where.product_id) return null
  const product = `/products/${where.product_id}`
  const variant = where.variant_id ? `${product}/variants/${where.variant_id}` : null
  if (field === "prices") return { to: `${product}/prices`, label: s.issues.fixIn(s.issues.where.prices) }
  if (field === "inventory" && variant) return { to: variant, label: s.issues.fixIn(s.issues.where.stock) }
  if (field?.startsWith("metadata.") && variant) {
    return { to: `${variant}/metadata/edit`, label: s.issues.fixIn(s.issues.where.metadata) }
  }
  if (field && ["sku", "barcode", "ean", "upc", "isbn", "manage_inventory"].includes(field) && variant) {
    return { to: `${variant}/edit`, label: s.issues.fixIn(s.issues.where.variant) }
  }
  return { to: product, label: s.issues.fixIn(s.issues.where.product) }
}

/** https://www.amazon.de/dp/B0… when the marketplace's storefront is known. */
export function amazonProductUrl(asin: string | null | undefined, domain: string | null | undefined): string | null {
  if (!asin || !domain) return null
  return `https://www.${domain.replace(/^www\./, "")}/dp/${encodeURIComponent(asin)}`
}

/** Price as Amazon has it, in the listing's currency ("€19.99"); bigNumber may arrive as a string. */
export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "–"
  const value = Number(amount)
  if (!Number.isFinite(value)) return "–"
  if (!currency) return value.toLocaleString()
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(value)
  } catch {
    return `${value.toLocaleString()} ${currency.toUpperCase()}`
  }
}
