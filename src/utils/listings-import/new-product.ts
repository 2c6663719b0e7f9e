import { createHash } from "node:crypto"
import type { FamilyChild, FamilyGroup } from "./families"
import { variantTitle } from "./families"
import { isFulfilledByAmazon, type ReportListing } from "./listing-row"

/** What a new product needs besides the listing: where it goes and in which currency. */
export type NewProductContext = {
  marketplace_id: string
  /** ISO 4217 of the marketplace, e.g. "eur" */
  currency_code: string
  /** the store's publish_imported_products setting */
  publish: boolean
  sales_channel_id: string | null
  shipping_profile_id: string | null
}

/** Medusa's own names for the option of a product without variants (the admin's "Default option"). */
export const DEFAULT_OPTION = { title: "Default option", value: "Default option value" } as const

/** The input of createProductsWorkflow for one product (a subset of CreateProductWorkflowInputDTO). */
export type NewProductInput = {
  title: string
  handle: string
  description?: string
  status: "draft" | "published"
  options: Array<{ title: string; values: string[] }>
  variants: Array<{
    title: string
    sku: string
    manage_inventory: boolean
    options: Record<string, string>
    prices: Array<{ currency_code: string; amount: number }>
  }>
  sales_channels?: Array<{ id: string }>
  shipping_profile_id?: string
  metadata: Record<string, string>
}

/**
 * A Medusa product for a listing the store does not have (issue "Listings in"; Shoper does the same): title,
 * description, price in the marketplace currency, the seller SKU, the ASIN in metadata. No barcode — the
 * report's product-id is whatever the seller once typed and Amazon does not vouch for it (Shoper: "new
 * products have no barcode, Amazon does not provide it"). A draft unless the store publishes imports.
 */
export function newProductInput(listing: ReportListing, handle: string, context: NewProductContext): NewProductInput {
  return {
    title: listing.title,
    handle,
    ...(listing.description ? { description: listing.description } : {}),
    status: context.publish ? "published" : "draft",
    options: [{ title: DEFAULT_OPTION.title, values: [DEFAULT_OPTION.value] }],
    variants: [
      {
        title: listing.title,
        sku: listing.sku,
        manage_inventory: true,
        options: { [DEFAULT_OPTION.title]: DEFAULT_OPTION.value },
        prices: listing.price === null ? [] : [{ currency_code: context.currency_code.toLowerCase(), amount: listing.price }],
      },
    ],
    ...(context.sales_channel_id ? { sales_channels: [{ id: context.sales_channel_id }] } : {}),
    ...(context.shipping_profile_id ? { shipping_profile_id: context.shipping_profile_id } : {}),
    metadata: {
      amazon_sku: listing.sku,
      amazon_marketplace_id: context.marketplace_id,
      ...(listing.asin ? { amazon_asin: listing.asin } : {}),
    },
  }
}

/**
 * One Medusa product for a seller's variation family: the parent's title, an option per theme attribute
 * with the children's values, a variant per child SKU (priced and described as newProductInput does), the
 * parent SKU in metadata (amazon_parent_sku — listings out uses it as the family's parent SKU, so a later
 * send patches Amazon's family instead of making another). The parent itself is no variant: it is not sold.
 */
export function familyProductInput(group: FamilyGroup, handle: string, context: NewProductContext, parentAsin: string | null): NewProductInput {
  const description = group.children.map((child) => child.listing.description).find(Boolean)
  return {
    title: group.title,
    handle,
    ...(description ? { description } : {}),
    status: context.publish ? "published" : "draft",
    options: group.options.map((option) => ({ title: option.title, values: option.values })),
    variants: group.children.map((child) => familyVariantInput(child, context.currency_code)),
    ...(context.sales_channel_id ? { sales_channels: [{ id: context.sales_channel_id }] } : {}),
    ...(context.shipping_profile_id ? { shipping_profile_id: context.shipping_profile_id } : {}),
    metadata: {
      amazon_parent_sku: group.parent_sku,
      amazon_marketplace_id: context.marketplace_id,
      amazon_variation_theme: group.theme,
      ...(parentAsin ? { amazon_asin: parentAsin } : {}),
    },
  }
}

/** A child of a family as a variant: its option values, SKU and price (its ASIN stays on its listing). */
export function familyVariantInput(child: FamilyChild, currencyCode: string): NewProductInput["variants"][number] {
  return {
    title: variantTitle(child.options),
    sku: child.listing.sku,
    manage_inventory: true,
    options: child.options,
    prices: child.listing.price === null ? [] : [{ currency_code: currencyCode.toLowerCase(), amount: child.listing.price }],
  }
}

/**
 * Stock to put at the sales channel's location: Amazon's quantity for merchant-fulfilled listings, so the
 * next listings-out send repeats it instead of zeroing the offer. FBA stock is Amazon's: none.
 */
export function initialStock(listing: ReportListing): number | null {
  return isFulfilledByAmazon(listing) ? null : listing.quantity
}

/** Letters NFKD does not decompose into ASCII + a diacritic. */
const LATIN_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d", þ: "th", ð: "d" }

/** Lower-case ASCII words joined by "-" (diacritics dropped); "" when nothing is left (e.g. a Japanese title). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[ßæøœłđþð]/g, (letter) => LATIN_LETTERS[letter])
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "")
}

/** Handles to try for a listing's product, best first: from the title, then title + SKU, then a hash of the SKU. */
export function handleCandidates(listing: Pick<ReportListing, "title" | "sku">): string[] {
  const title = slugify(listing.title)
  const sku = slugify(listing.sku)
  const hash = createHash("sha1").update(listing.sku).digest("hex").slice(0, 8)
  const candidates = [title, title && sku ? `${title}-${sku}` : sku, `${title || sku || "amazon"}-${hash}`]
  return [...new Set(candidates.filter(Boolean))]
}

/**
 * The first free candidate per listing; `taken` holds the handles in the database (and gets the chosen
 * ones added, so two listings of a batch never share one). The last candidate carries a hash of the SKU, and
 * SKUs are unique in a report, so it is free unless someone made that very handle by hand.
 */
export function assignHandles(listings: Array<Pick<ReportListing, "title" | "sku">>, taken: Set<string>): string[] {
  return listings.map((listing) => {
    const candidates = handleCandidates(listing)
    const handle = candidates.find((c) => !taken.has(c)) ?? `${candidates[candidates.length - 1]}-${taken.size}`
    taken.add(handle)
    return handle
  })
}
