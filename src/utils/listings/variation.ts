import { createHash } from "node:crypto"

/**
 * Variation families (parent/child) for products the seller creates on Amazon (new ASINs): which theme of
 * the product type fits the product's mapped options, the parent's SKU, and the three attributes that tie
 * a family together (parentage_level, child_parent_sku_relationship, variation_theme — research §4.1).
 * Pure: the compute step feeds it the product type's schema, the options and the store's option mappings.
 */

export type VariationTheme = { name: string; attributes: string[] }

/** Part of a desired listing (desired-listing.ts): absent = a standalone listing (every hash stays what it was). */
export type VariationState = {
  role: "parent" | "child"
  /** the product type's theme, e.g. SIZE_NAME/COLOR_NAME */
  theme: string
  parent_sku: string
  /** child: the theme's attributes and their values (from the mapped options), e.g. { size: "M", color: "Red" } */
  attributes?: Record<string, string>
}

type Schema = { properties?: Record<string, unknown>; allOf?: unknown[] }
type Obj = Record<string, unknown>

const asObj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {})

/** Words of theme names that stand for an attribute when the schema does not say (e.g. "SIZE_NAME" → size). */
const THEME_WORDS: Record<string, string> = {
  SIZE: "size",
  SIZE_NAME: "size",
  COLOR: "color",
  COLOR_NAME: "color",
  COLOUR: "color",
  MATERIAL: "material",
  MATERIAL_TYPE: "material",
  STYLE: "style",
  STYLE_NAME: "style",
  PATTERN: "pattern",
  PATTERN_NAME: "pattern",
  FLAVOR: "flavor",
  FLAVOR_NAME: "flavor",
  SCENT: "scent",
  SCENT_NAME: "scent",
  ITEM_SHAPE: "item_shape",
  ITEM_PACKAGE_QUANTITY: "item_package_quantity",
  NUMBER_OF_ITEMS: "number_of_items",
}

/** The attributes a theme name stands for, read from its words ("SIZE_NAME/COLOR_NAME", "SizeColor" is not read). */
export function attributesFromName(name: string): string[] | null {
  const parts = name.toUpperCase().split(/[/&]| AND /).map((p) => p.trim().replace(/\s+/g, "_"))
  const out: string[] = []
  for (const part of parts) {
    const attribute = THEME_WORDS[part] ?? THEME_WORDS[part.replace(/_NAME$/, "")]
    if (!attribute) return null
    out.push(attribute)
  }
  return out.length ? out : null
}

/**
 * The themes a product type allows, from its schema: the enum of variation_theme's name, each with its
 * attributes — from the schema's conditionals (allOf: if the theme is X [and the item a child] then
 * required [...]) when it has them, else from the theme's name. A type without variation_theme (some real
 * types, e.g. FURNITURE_LEG) has none. Themes whose attributes cannot be told are left out.
 */
export function variationThemes(schema: unknown): VariationTheme[] {
  const { properties = {}, allOf = [] } = asObj(schema) as Schema
  const theme = asObj(properties.variation_theme)
  const names = asObj(asObj(asObj(theme.items).properties).name).enum
  if (!Array.isArray(names)) return []
  const fromConditions = new Map<string, string[]>()
  for (const rule of allOf) {
    const cond = asObj(asObj(rule).if)
    const contains = asObj(asObj(asObj(cond.properties).variation_theme).contains)
    const name = asObj(asObj(contains.properties).name).const
    const required = asObj(asObj(rule).then).required
    if (typeof name === "string" && Array.isArray(required)) {
      fromConditions.set(name, [...(fromConditions.get(name) ?? []), ...required.filter((r): r is string => typeof r === "string" && r !== "variation_theme")])
    }
  }
  const themes: VariationTheme[] = []
  for (const name of names) {
    if (typeof name !== "string") continue
    const attributes = fromConditions.get(name) ?? attributesFromName(name)
    if (attributes?.length) themes.push({ name, attributes: [...new Set(attributes)] })
  }
  return themes
}

export type ThemeChoice = { kind: "theme"; theme: VariationTheme } | { kind: "none"; candidates: VariationTheme[] }

/**
 * The theme whose attribute set equals the mapped set (M2E's rule: same number, every one matched) — a
 * theme with fewer attributes would leave children that differ only in an unmapped option as duplicates,
 * one with more would need values the product does not have. Among equal sets the schema's first wins.
 * No fit: the candidates that share an attribute, for the message.
 */
export function chooseTheme(themes: VariationTheme[], mapped: string[]): ThemeChoice {
  const want = new Set(mapped)
  const fit = themes.find((t) => t.attributes.length === want.size && t.attributes.every((a) => want.has(a)))
  if (fit) return { kind: "theme", theme: fit }
  return { kind: "none", candidates: themes.filter((t) => t.attributes.some((a) => want.has(a))) }
}

/** Amazon SKUs are at most 40 characters. */
export const MAX_SKU_LENGTH = 40

/**
 * The parent's SKU: product.metadata.amazon_parent_sku when the seller set one, else "P-" + the handle in
 * capitals (≤ 40 characters; a longer one keeps its start and gets a hash tail, so two long handles differ).
 */
export function parentSku(product: { handle?: string | null; id: string; metadata?: Record<string, unknown> | null }): string {
  const own = product.metadata?.amazon_parent_sku
  if (typeof own === "string" && own.trim()) return own.trim().slice(0, MAX_SKU_LENGTH)
  const base = `P-${(product.handle || product.id).toUpperCase().replace(/[^A-Z0-9._-]+/g, "-")}`
  if (base.length <= MAX_SKU_LENGTH) return base
  const tail = createHash("sha1").update(base).digest("hex").slice(0, 8).toUpperCase()
  return `${base.slice(0, MAX_SKU_LENGTH - tail.length - 1)}-${tail}`
}

/** Medusa option titles → the Amazon attribute they usually are (admin suggestion; the seller confirms). */
const OPTION_SUGGESTIONS: Array<[RegExp, string]> = [
  [/^(size|sizes|größe|groesse|taille|taglia|talla|maat|rozmiar|サイズ)$/i, "size"],
  [/^(colou?r|colou?rs|farbe|couleur|colore|kleur|kolor|カラー|色)$/i, "color"],
  [/^(material|materials|stoff|matière|matiere|materiale|materiaal)$/i, "material"],
  [/^(style|stil|modèle|modele|estilo)$/i, "style"],
  [/^(pattern|muster|motif)$/i, "pattern"],
  [/^(flavou?r|geschmack|goût|gout|sabor)$/i, "flavor"],
  [/^(scent|duft|parfum)$/i, "scent"],
]

/** The Amazon attribute a Medusa option title suggests, when the product type has it; null = no guess. */
export function suggestAttribute(optionTitle: string, available?: Iterable<string>): string | null {
  const title = optionTitle.trim()
  const hit = OPTION_SUGGESTIONS.find(([re]) => re.test(title))?.[1] ?? null
  if (!hit || !available) return hit
  return new Set(available).has(hit) ? hit : null
}

/**
 * The family attributes of a listing's message: a parent says it is one and which theme; a child names
 * its parent (child_relationship_type "variation") and the theme. The theme's values (size, color …) are
 * the child's own attributes (the attribute mappings). Amazon staff: removing any of these three breaks
 * the relationship, so a patch of a family member never drops them.
 */
export function familyAttributes(variation: VariationState, marketplaceId: string): Record<string, unknown[]> {
  const attributes: Record<string, unknown[]> = {
    parentage_level: [{ value: variation.role, marketplace_id: marketplaceId }],
    variation_theme: [{ name: variation.theme }],
  }
  if (variation.role === "child") {
    attributes.child_parent_sku_relationship = [{ child_relationship_type: "variation", parent_sku: variation.parent_sku, marketplace_id: marketplaceId }]
  }
  return attributes
}
