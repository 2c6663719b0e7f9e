export type ProductTypeAttribute = { name: string; title: string; description: string | null; required: boolean }
export type ProductTypeSummary = {
  name: string
  display_name: string
  required_attributes: string[]
  attributes: ProductTypeAttribute[]
}

type JsonSchema = { properties?: Record<string, { title?: string; description?: string }>; required?: string[] }

/**
 * The attributes of a product type's JSON Schema (Amazon's "meta-schema"
 * flavour of draft 2019-09), required ones first, for the attribute mapping.
 */
export function summarizeProductTypeSchema(schema: unknown): Pick<ProductTypeSummary, "attributes"> {
  const { properties = {}, required = [] } = (schema ?? {}) as JsonSchema
  const attributes = Object.entries(properties).map(([name, definition]) => ({
    name,
    title: definition?.title ?? name,
    description: definition?.description ?? null,
    required: required.includes(name),
  }))
  attributes.sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name))
  return { attributes }
}
