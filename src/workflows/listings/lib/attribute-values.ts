import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { getMarketplace, type SpApiClient } from "../../../lib/sp-api"
import { languageTag, shapeAttribute } from "../../../utils/listings/attribute-shape"
import type { ListingIssue } from "../../../utils/listings/desired-listing"
import type { ChangeRow } from "./listing-outcomes"
import { loadProductTypeSchema } from "./product-type-schemas"

type VariantRow = {
  id: string
  sku: string | null
  barcode: string | null
  ean: string | null
  upc: string | null
  weight: number | null
  length: number | null
  height: number | null
  width: number | null
  material: string | null
  origin_country: string | null
  hs_code: string | null
  mid_code: string | null
  metadata: Record<string, unknown> | null
  options?: Array<{ value: string; option?: { title: string } | null } | null> | null
  product?: { title: string; subtitle: string | null; description: string | null; material: string | null } | null
}

function sourceValue(variant: VariantRow, type: string, source: string): unknown {
  switch (type) {
    case "constant":
      return source
    case "metadata":
      return variant.metadata?.[source] ?? null
    case "option":
      return variant.options?.find((o) => o?.option?.title?.toLowerCase() === source.toLowerCase())?.value ?? null
    default: {
      const own = (variant as unknown as Record<string, unknown>)[source]
      const fromProduct = variant.product ? (variant.product as Record<string, unknown>)[source] : undefined
      return own ?? fromProduct ?? null
    }
  }
}

export type AttributeValues = {
  /** per change id: the attributes, shaped per the product type's schema */
  attributes: Map<string, Record<string, unknown[]>>
  /** per change id: mapped values the schema's shape refuses (the change is not sent) */
  refused: Map<string, ListingIssue[]>
}

/**
 * The product-type attributes of listings that need a new ASIN, from the
 * store's attribute mappings (Amazon attribute ← Medusa field, option,
 * metadata key or constant), plus item_name from the product title — each
 * shaped per the product type's schema (attribute-shape.ts: language_tag,
 * unit, types). Throws when Amazon does not give a schema.
 */
export async function loadAttributeValues(
  container: MedusaContainer,
  storeId: string,
  changes: ChangeRow[],
  client: SpApiClient
): Promise<AttributeValues> {
  const result = new Map<string, Record<string, unknown[]>>()
  const refused = new Map<string, ListingIssue[]>()
  if (!changes.length) return { attributes: result, refused }
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const listings = await amazon.listAmazonListings({ id: changes.map((c) => c.listing_id) }, { select: ["id", "variant_id", "product_id"] })
  const variantOf = new Map(listings.map((l) => [l.id, l.variant_id]))
  // a variation parent has no variant: its product facts are read from one of its product's variants
  const parentProducts = [...new Set(listings.filter((l) => !l.variant_id && l.product_id).map((l) => l.product_id!))]
  if (parentProducts.length) {
    const { data: first } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { product_id: parentProducts } })
    const byProduct = new Map<string, string>()
    for (const v of first as Array<{ id: string; product_id: string }>) if (!byProduct.has(v.product_id)) byProduct.set(v.product_id, v.id)
    for (const l of listings) if (!l.variant_id && l.product_id && byProduct.has(l.product_id)) variantOf.set(l.id, byProduct.get(l.product_id)!)
  }
  const { data } = await query.graph({
    entity: "product_variant",
    fields: [
      "id", "sku", "barcode", "ean", "upc", "weight", "length", "height", "width", "material", "origin_country",
      "hs_code", "mid_code", "metadata", "options.value", "options.option.title",
      "product.title", "product.subtitle", "product.description", "product.material",
    ],
    filters: { id: [...new Set([...variantOf.values()].filter((v): v is string => !!v))] },
  })
  const variants = new Map((data as unknown as VariantRow[]).map((v) => [v.id, v]))
  const mappings = await amazon.listAmazonAttributeMappings({ store_id: storeId })
  const schemas = new Map<string, Awaited<ReturnType<typeof loadProductTypeSchema>>>()
  for (const change of changes) {
    const variant = variants.get(variantOf.get(change.listing_id) ?? "")
    if (!variant) continue
    const m = change.marketplace_id
    const schemaKey = `${change.payload.product_type}|${m}`
    if (!schemas.has(schemaKey)) schemas.set(schemaKey, await loadProductTypeSchema(client, change.payload.product_type, m))
    const properties = schemas.get(schemaKey)!.properties ?? {}
    const ctx = { marketplace_id: m, language_tag: languageTag(getMarketplace(m)?.country_code ?? "US") }
    const raw: Record<string, { value: unknown; field?: string }> = {}
    if (variant.product?.title) raw.item_name = { value: variant.product.title, field: "title" }
    const parent = change.payload.variation?.role === "parent"
    for (const mapping of mappings) {
      if (mapping.product_type !== change.payload.product_type) continue
      // a parent carries the product's facts, not the values its children vary by (their options)
      if (parent && mapping.source_type === "option") continue
      if (mapping.marketplace_id && mapping.marketplace_id !== m) continue
      const value = sourceValue(variant, mapping.source_type, mapping.source_value)
      if (value === null || value === undefined || value === "") continue
      const field = mapping.source_type === "metadata" ? `metadata.${mapping.source_value}` : mapping.source_type === "field" ? mapping.source_value : undefined
      raw[mapping.attribute] = { value, field }
    }
    const attributes: Record<string, unknown[]> = {}
    const issues: ListingIssue[] = []
    for (const [name, { value, field }] of Object.entries(raw)) {
      const shaped = shapeAttribute(name, value, properties[name], ctx)
      if (shaped.ok) attributes[name] = shaped.values
      else issues.push({ source: "medusa", code: "attribute_shape", severity: "error", message: `${shaped.reason}; change the attribute mapping of ${change.payload.product_type}.`, ...(field ? { field } : {}) })
    }
    result.set(change.id, attributes)
    if (issues.length) refused.set(change.id, issues)
  }
  return { attributes: result, refused }
}
