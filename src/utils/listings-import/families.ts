import { attributesFromName } from "../listings/variation"
import type { ImportedListingStatus, ReportListing } from "./listing-row"
import type { SkippedListing } from "./plan-batch"

/**
 * A seller's existing variation families (parent SKU + children made in Seller Central) → Medusa: the
 * children of one parent become one product with an option per theme attribute and a variant per child;
 * the parent never becomes a product or variant, it is recorded as a listing of that product without a
 * variant (as listings out records the parents it creates). The listings report does not tell parentage;
 * Amazon's Listings Items API does (relationships + attributes, listingsItems_2021-08-01). Pure.
 */

/** The part of a Listings Items API `Item` (includedData summaries, attributes, relationships) read here. */
export type AmazonFamilyItem = {
  sku: string
  summaries?: Array<{ marketplaceId?: string; asin?: string; itemName?: string; status?: string[] }>
  attributes?: Record<string, unknown>
  relationships?: Array<{
    marketplaceId?: string
    relationships?: Array<{ type?: string; parentSkus?: string[]; childSkus?: string[]; variationTheme?: { theme?: string; attributes?: string[] } }>
  }>
}

export type VariationThemeFacts = { name: string; attributes: string[] }

/** What Amazon says of one SKU's family in one marketplace. */
export type FamilyFacts = {
  sku: string
  role: "parent" | "child" | "none"
  parent_sku: string | null
  child_skus: string[]
  theme: VariationThemeFacts | null
  /** every attribute's first plain value in this marketplace (size → "M"); the theme's are picked later */
  values: Record<string, string>
  title: string | null
  asin: string | null
  /** Amazon shows it to buyers (summaries status DISCOVERABLE) */
  discoverable: boolean
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v)

/** Attribute entries of this marketplace (untagged ones count for every marketplace). */
function entries(attribute: unknown, marketplaceId: string): Obj[] {
  if (!Array.isArray(attribute)) return []
  return attribute.filter(isObj).filter((e) => e.marketplace_id === undefined || e.marketplace_id === marketplaceId)
}

function plainValue(attribute: unknown, marketplaceId: string): string | null {
  const value = entries(attribute, marketplaceId)[0]?.value
  if (typeof value === "string" && value.trim()) return value.trim()
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return null
}

/**
 * Reads relationships (type VARIATION: parentSkus / childSkus / variationTheme) and the family attributes
 * (parentage_level, child_parent_sku_relationship, variation_theme) of an item. The relationships win; the
 * attributes fill in what they leave out (relationship data can lag behind the attributes, models#2701).
 */
export function readFamilyFacts(item: AmazonFamilyItem, marketplaceId: string): FamilyFacts {
  const attributes = item.attributes ?? {}
  const variation = (item.relationships ?? [])
    .filter((r) => !r.marketplaceId || r.marketplaceId === marketplaceId)
    .flatMap((r) => r.relationships ?? [])
    .filter((r) => r.type === "VARIATION")
  const parentSkus = variation.flatMap((r) => r.parentSkus ?? [])
  const childSkus = [...new Set(variation.flatMap((r) => r.childSkus ?? []))]
  const level = plainValue(attributes.parentage_level, marketplaceId)?.toLowerCase()
  const relationship = entries(attributes.child_parent_sku_relationship, marketplaceId)[0]
  const attributeParent = typeof relationship?.parent_sku === "string" && relationship.parent_sku.trim() ? relationship.parent_sku.trim() : null
  const parentSku = parentSkus[0] ?? attributeParent
  const role: FamilyFacts["role"] = childSkus.length || level === "parent" ? "parent" : parentSku ? "child" : "none"

  const relationshipTheme = variation.find((r) => r.variationTheme?.theme)?.variationTheme
  const attributeTheme = entries(attributes.variation_theme, marketplaceId)[0]?.name
  const themeName = relationshipTheme?.theme ?? (typeof attributeTheme === "string" ? attributeTheme : null)
  const themeAttributes = relationshipTheme?.attributes?.length ? relationshipTheme.attributes : themeName ? (attributesFromName(themeName) ?? []) : []

  const values: Record<string, string> = {}
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = plainValue(attribute, marketplaceId)
    if (value !== null) values[name] = value
  }
  const summary = (item.summaries ?? []).find((s) => !s.marketplaceId || s.marketplaceId === marketplaceId)
  return {
    sku: item.sku,
    role,
    parent_sku: role === "child" ? parentSku : null,
    child_skus: role === "parent" ? childSkus : [],
    theme: themeName ? { name: themeName, attributes: [...new Set(themeAttributes)] } : null,
    values,
    title: summary?.itemName?.trim() || null,
    asin: summary?.asin ?? null,
    discoverable: !!summary?.status?.includes("DISCOVERABLE"),
  }
}

/** Theme attributes → the option titles a merchant would type (the reverse of the admin's option suggestions). */
const OPTION_TITLES: Record<string, string> = {
  size: "Size",
  color: "Color",
  material: "Material",
  style: "Style",
  pattern: "Pattern",
  flavor: "Flavor",
  scent: "Scent",
  item_shape: "Shape",
  item_package_quantity: "Package quantity",
  number_of_items: "Number of items",
}

export function optionTitle(attribute: string): string {
  const known = OPTION_TITLES[attribute]
  if (known) return known
  const words = attribute.replace(/_name$/, "").replace(/_/g, " ").trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A unknown SKU of the batch (planListingsBatch's `create`). */
export type CreateEntry = { listing: ReportListing; existing_id: string | null; restore: boolean }

/** The Medusa product a family already has (made by an earlier page or run), with its options and their values. */
export type ExistingFamilyProduct = {
  product_id: string
  options: Array<{ id: string; title: string; values: string[] }>
  /** the option values of its variants, title → value, to spot a child that would duplicate one */
  variant_options: Array<Record<string, string>>
}

export type FamilyChild = CreateEntry & { options: Record<string, string> }

export type FamilyGroup = {
  parent_sku: string
  theme: string
  /** the product the children join; null = a new product made of them */
  product_id: string | null
  /** the new product's title (the parent's, else the first child's) */
  title: string
  /** option title → every value of the children (new product) or the values to add (existing product) */
  options: Array<{ title: string; values: string[]; option_id?: string }>
  children: FamilyChild[]
}

/** A parent's listing row to write, linked to its family's product (product_id null: the group's new product). */
export type ParentRecord = {
  parent_sku: string
  /** the parent's report row when this batch has it */
  entry: CreateEntry | null
  asin: string | null
  status: ImportedListingStatus
  product_id: string | null
}

export type FamilyPlan = {
  /** products of their own; `note` says why a family child was not grouped */
  flat: Array<CreateEntry & { note: string | null }>
  groups: FamilyGroup[]
  parents: ParentRecord[]
  /** parents whose family has no product yet and no child in this batch: recorded once a child is imported */
  skipped: SkippedListing[]
}

/**
 * Sorts a batch's unknown SKUs by family. `facts` holds Amazon's word on them (and on the parents their
 * children name); a SKU Amazon did not describe is a product of its own. `existing` holds the product a
 * parent SKU's family already has. A child joins its family only with every theme value and a combination
 * no sibling has; otherwise it becomes its own product, with a note that says why.
 */
export function planFamilies(entries: CreateEntry[], facts: Map<string, FamilyFacts>, existing: Map<string, ExistingFamilyProduct>): FamilyPlan {
  const plan: FamilyPlan = { flat: [], groups: [], parents: [], skipped: [] }
  const children = new Map<string, CreateEntry[]>()
  const parentEntries = new Map<string, CreateEntry>()
  for (const entry of entries) {
    const own = facts.get(entry.listing.sku)
    if (own?.role === "parent") parentEntries.set(entry.listing.sku, entry)
    else if (own?.role === "child" && own.parent_sku) children.set(own.parent_sku, [...(children.get(own.parent_sku) ?? []), entry])
    else plan.flat.push({ ...entry, note: null })
  }

  for (const [parentSku, members] of children) {
    const parent = facts.get(parentSku)
    const product = existing.get(parentSku) ?? null
    const theme = parent?.theme?.attributes.length ? parent.theme : (members.map((m) => facts.get(m.listing.sku)!.theme).find((t) => t?.attributes.length) ?? null)
    const flat = (entry: CreateEntry, why: string) =>
      plan.flat.push({ ...entry, note: `SKU ${entry.listing.sku} is a child of variation parent ${parentSku} on Amazon, but ${why}; it was imported as a product of its own` })
    if (!theme) {
      const named = members.map((m) => facts.get(m.listing.sku)!.theme?.name).find(Boolean)
      for (const entry of members) flat(entry, named ? `Amazon does not say which attributes its variation theme ${named} varies by` : "Amazon names no variation theme for it")
      continue
    }
    const titles = theme.attributes.map(optionTitle)
    const productOptions = product ? new Map(product.options.map((o) => [o.title.toLowerCase(), o])) : null
    if (productOptions && (productOptions.size !== titles.length || titles.some((t) => !productOptions.has(t.toLowerCase())))) {
      const have = product!.options.map((o) => o.title).join(", ") || "none"
      for (const entry of members) flat(entry, `the Medusa product of that family has the options ${have}, not ${titles.join(", ")} (theme ${theme.name})`)
      continue
    }
    // a product's own spelling of an option title wins ("size" stays "size")
    const optionTitles = titles.map((t) => productOptions?.get(t.toLowerCase())?.title ?? t)
    const taken = new Set((product?.variant_options ?? []).map((o) => JSON.stringify(optionTitles.map((t) => o[t] ?? ""))))
    const grouped: FamilyChild[] = []
    for (const entry of members) {
      const own = facts.get(entry.listing.sku)!
      const missing = theme.attributes.filter((a) => !own.values[a])
      if (missing.length) {
        flat(entry, `Amazon shows no ${missing.join(" or ")} for it (theme ${theme.name})`)
        continue
      }
      const options = Object.fromEntries(theme.attributes.map((a, i) => [optionTitles[i], own.values[a]]))
      const key = JSON.stringify(optionTitles.map((t) => options[t]))
      if (taken.has(key)) {
        flat(entry, `another child of that family already has ${optionTitles.map((t) => `${t} ${options[t]}`).join(", ")}`)
        continue
      }
      taken.add(key)
      grouped.push({ ...entry, options })
    }
    if (!grouped.length) continue
    const options = optionTitles.map((title, i) => {
      const values = [...new Set(grouped.map((c) => c.options[title]))]
      const option = productOptions?.get(titles[i].toLowerCase())
      return option ? { title, option_id: option.id, values: values.filter((v) => !option.values.includes(v)) } : { title, values }
    })
    plan.groups.push({
      parent_sku: parentSku,
      theme: theme.name,
      product_id: product?.product_id ?? null,
      title: parentEntries.get(parentSku)?.listing.title ?? parent?.title ?? grouped[0].listing.title,
      options,
      children: grouped,
    })
  }

  const grouped = new Set(plan.groups.map((g) => g.parent_sku))
  const parentSkus = new Set([...grouped, ...parentEntries.keys()])
  for (const parentSku of parentSkus) {
    const entry = parentEntries.get(parentSku) ?? null
    const product = existing.get(parentSku)
    if (!grouped.has(parentSku) && !product) {
      const count = facts.get(parentSku)?.child_skus.length ?? 0
      plan.skipped.push({
        line: entry!.listing.line,
        sku: parentSku,
        reason: "variation_parent",
        message: `SKU ${parentSku} is a variation parent on Amazon (${count} ${count === 1 ? "child" : "children"}); it is not a product of its own and is recorded with the first child imported`,
      })
      continue
    }
    const parent = facts.get(parentSku)
    plan.parents.push({
      parent_sku: parentSku,
      entry,
      asin: entry?.listing.asin ?? parent?.asin ?? null,
      status: entry?.listing.status ?? (parent?.discoverable ? "active" : "inactive"),
      product_id: product?.product_id ?? null,
    })
  }
  return plan
}

/** Medusa's variant title for option values: "M / Red". */
export function variantTitle(options: Record<string, string>): string {
  return Object.values(options).join(" / ")
}
