import { createHash } from "node:crypto"

/**
 * A handful of product types with small JSON Schemas in Amazon's attribute shape (arrays of objects with
 * `value` + `marketplace_id`). Real definitions are thousands of lines; these keep the parts the plugin
 * relies on: which attributes are required for LISTING / LISTING_PRODUCT_ONLY / LISTING_OFFER_ONLY, and
 * the shapes of identifiers, price and quantity.
 */
export type Requirements = "LISTING" | "LISTING_PRODUCT_ONLY" | "LISTING_OFFER_ONLY"

export interface ProductTypeDefinition {
  name: string
  displayName: string
  /** Words that find it in searchDefinitionsProductTypes. */
  keywords: string[]
  /** Product facts required to create a new ASIN, beyond item_name/brand/identifier. */
  extraProductFacts: string[]
  /**
   * Variation themes Amazon allows for the type (variation_theme's enum), each with the attributes every child
   * must carry — encoded in the served schema as allOf/if/then on the theme name. Absent = no families.
   */
  variationThemes?: Array<{ name: string; attributes: string[] }>
}

export const PRODUCT_TYPES: readonly ProductTypeDefinition[] = [
  { name: "PRODUCT", displayName: "Product", keywords: ["product", "generic", "item"], extraProductFacts: [] },
  { name: "SHIRT", displayName: "Shirt", keywords: ["shirt", "t-shirt", "tshirt", "tee", "top", "apparel", "clothing"], extraProductFacts: ["color", "size", "department"],
    variationThemes: [
      { name: "SIZE_NAME", attributes: ["size"] },
      { name: "COLOR_NAME", attributes: ["color"] },
      { name: "SIZE_NAME/COLOR_NAME", attributes: ["size", "color"] },
    ],
  },
  { name: "LUGGAGE", displayName: "Luggage", keywords: ["luggage", "suitcase", "bag", "travel", "trolley"], extraProductFacts: ["color", "material"] },
  { name: "HOME", displayName: "Home", keywords: ["home", "decor", "furniture", "cushion", "lamp", "candle"], extraProductFacts: ["color", "material"] },
  { name: "KITCHEN", displayName: "Kitchen", keywords: ["kitchen", "mug", "cup", "pan", "knife", "cookware"], extraProductFacts: ["material"] },
  { name: "ABIS_BOOK", displayName: "Book", keywords: ["book", "novel", "paperback", "hardcover", "isbn"], extraProductFacts: [] },
]

export function productTypeDefinition(name: string): ProductTypeDefinition | undefined {
  return PRODUCT_TYPES.find((p) => p.name === name)
}

const text = (maxLength: number) => ({
  type: "array",
  minItems: 1,
  items: {
    type: "object",
    required: ["value"],
    properties: {
      value: { type: "string", minLength: 1, maxLength },
      language_tag: { type: "string" },
      marketplace_id: { type: "string" },
    },
  },
})

/** Attribute shapes shared by every product type in the sandbox. */
export const ATTRIBUTE_SCHEMAS: Record<string, Record<string, unknown>> = {
  item_name: { title: "Item Name", ...text(200) },
  brand: { title: "Brand Name", ...text(100) },
  product_description: { title: "Product Description", ...text(2000) },
  bullet_point: { title: "Bullet Point", ...text(500), maxItems: 5 },
  color: { title: "Colour", ...text(100) },
  size: { title: "Size", ...text(100) },
  material: { title: "Material", ...text(100) },
  department: { title: "Department", ...text(50) },
  externally_assigned_product_identifier: {
    title: "External Product ID",
    type: "array",
    items: {
      type: "object",
      required: ["type", "value"],
      properties: {
        type: { type: "string", enum: ["ean", "upc", "isbn", "gtin", "jan"] },
        value: { type: "string", pattern: "^[0-9]{8,14}$" },
        marketplace_id: { type: "string" },
      },
    },
  },
  supplier_declared_has_product_identifier_exemption: {
    title: "Product ID exemption",
    type: "array",
    items: { type: "object", required: ["value"], properties: { value: { type: "boolean" }, marketplace_id: { type: "string" } } },
  },
  merchant_suggested_asin: {
    title: "Merchant Suggested ASIN",
    type: "array",
    items: {
      type: "object",
      required: ["value"],
      properties: { value: { type: "string", pattern: "^[A-Z0-9]{10}$" }, marketplace_id: { type: "string" } },
    },
  },
  condition_type: {
    title: "Item Condition",
    type: "array",
    items: {
      type: "object",
      required: ["value"],
      properties: {
        value: {
          type: "string",
          enum: ["new_new", "new_open_box", "new_oem", "refurbished_refurbished", "used_like_new", "used_very_good", "used_good", "used_acceptable", "collectible_like_new", "collectible_very_good", "collectible_good", "collectible_acceptable", "club_club"],
        },
        marketplace_id: { type: "string" },
      },
    },
  },
  purchasable_offer: {
    title: "Purchasable Offer",
    type: "array",
    items: {
      type: "object",
      required: ["currency", "our_price"],
      properties: {
        marketplace_id: { type: "string" },
        currency: { type: "string" },
        audience: { type: "string", enum: ["ALL", "B2B"] },
        our_price: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["schedule"],
            properties: {
              schedule: {
                type: "array",
                minItems: 1,
                items: { type: "object", required: ["value_with_tax"], properties: { value_with_tax: { type: "number", exclusiveMinimum: 0 } } },
              },
            },
          },
        },
      },
    },
  },
  fulfillment_availability: {
    title: "Fulfillment Availability",
    type: "array",
    items: {
      type: "object",
      required: ["fulfillment_channel_code"],
      properties: {
        fulfillment_channel_code: { type: "string" },
        quantity: { type: "integer", minimum: 0 },
        lead_time_to_ship_max_days: { type: "integer", minimum: 0 },
      },
    },
  },
  item_package_weight: {
    title: "Item Package Weight",
    type: "array",
    items: {
      type: "object",
      required: ["value", "unit"],
      properties: {
        value: { type: "number", exclusiveMinimum: 0 },
        unit: { type: "string", enum: ["grams", "kilograms", "ounces", "pounds"] },
        marketplace_id: { type: "string" },
      },
    },
  },
  main_product_image_locator: {
    title: "Main Image Location",
    type: "array",
    items: { type: "object", required: ["media_location"], properties: { media_location: { type: "string" }, marketplace_id: { type: "string" } } },
  },
  list_price: {
    title: "List Price",
    type: "array",
    items: { type: "object", required: ["value"], properties: { value: { type: "number" }, currency: { type: "string" }, marketplace_id: { type: "string" } } },
  },
  country_of_origin: { title: "Country of Origin", ...text(2) },
  parentage_level: {
    title: "Parentage Level",
    type: "array",
    items: { type: "object", required: ["value"], properties: { value: { type: "string", enum: ["parent", "child"] }, marketplace_id: { type: "string" } } },
  },
  child_parent_sku_relationship: {
    title: "Child Parent SKU Relationship",
    type: "array",
    items: {
      type: "object",
      required: ["child_relationship_type"],
      properties: {
        child_relationship_type: { type: "string", enum: ["variation", "package_hierarchy"] },
        parent_sku: { type: "string", minLength: 1, maxLength: 40 },
        marketplace_id: { type: "string" },
      },
    },
  },
}

/** variation_theme of a type with themes: the enum is the API's list (not every Seller Central theme is in it). */
function variationThemeSchema(def: ProductTypeDefinition) {
  const names = (def.variationThemes ?? []).map((t) => t.name)
  return {
    title: "Variation Theme Name",
    type: "array",
    maxItems: 1,
    items: { type: "object", required: ["name"], properties: { name: { type: "string", enum: names, enumNames: names.map((n) => n.replace(/_NAME/g, "").replace("/", " & ")) } } },
  }
}

/** The per-theme rule as Amazon's schemas encode conditionals: if the theme is X, the listing must carry X's attributes. */
function themeConditions(def: ProductTypeDefinition) {
  return (def.variationThemes ?? []).map((theme) => ({
    // a child of this theme (the parent carries the theme but not the values)
    if: {
      required: ["variation_theme", "parentage_level"],
      properties: {
        variation_theme: { contains: { required: ["name"], properties: { name: { const: theme.name } } } },
        parentage_level: { contains: { required: ["value"], properties: { value: { const: "child" } } } },
      },
    },
    then: { required: theme.attributes },
  }))
}

const OFFER_ATTRIBUTES = ["condition_type", "purchasable_offer", "fulfillment_availability", "merchant_suggested_asin", "list_price"]

/** Every attribute some theme of the type varies by (a parent does not carry them). */
export function themeAttributes(def: ProductTypeDefinition): string[] {
  return [...new Set((def.variationThemes ?? []).flatMap((t) => t.attributes))]
}

/** Attributes that must be present (beyond the identifier rule) for the given requirements. */
export function requiredAttributes(def: ProductTypeDefinition, requirements: Requirements): string[] {
  const facts = def.name === "ABIS_BOOK" ? ["item_name"] : ["item_name", "brand", ...def.extraProductFacts]
  if (requirements === "LISTING_OFFER_ONLY") return ["condition_type"]
  if (requirements === "LISTING_PRODUCT_ONLY") return facts
  return [...facts, "condition_type"]
}

export const PROPERTY_GROUPS = {
  product_identity: {
    title: "Product Identity",
    description: "Information to uniquely identify your product (e.g., UPC, EAN, GTIN, Product Type, Brand)",
    propertyNames: ["item_name", "brand", "externally_assigned_product_identifier", "supplier_declared_has_product_identifier_exemption", "merchant_suggested_asin"],
  },
  offer: {
    title: "Offer",
    description: "Information to enable the product for sale (price, quantity, condition)",
    propertyNames: OFFER_ATTRIBUTES,
  },
  product_details: {
    title: "Product Details",
    description: "Information about the product (description, bullet points, variations)",
    propertyNames: ["product_description", "bullet_point", "color", "size", "material", "department", "country_of_origin"],
  },
  variations: {
    title: "Variations",
    description: "Variation family: parent or child, the parent's SKU and the theme",
    propertyNames: ["parentage_level", "child_parent_sku_relationship", "variation_theme"],
  },
  images: { title: "Images", description: "Product images", propertyNames: ["main_product_image_locator"] },
  shipping: { title: "Shipping", description: "Shipping information", propertyNames: ["item_package_weight"] },
}

/** The JSON Schema served behind getDefinitionsProductType's `schema.link`. */
export function productTypeSchema(def: ProductTypeDefinition, requirements: Requirements, baseUrl: string): Record<string, unknown> {
  const names = requirements === "LISTING_OFFER_ONLY" ? OFFER_ATTRIBUTES : Object.keys(ATTRIBUTE_SCHEMAS)
  const properties: Record<string, unknown> = {}
  for (const name of names) properties[name] = ATTRIBUTE_SCHEMAS[name]
  // families: only types with themes know variation_theme (some real types lack it, e.g. FURNITURE_LEG)
  const families = requirements !== "LISTING_OFFER_ONLY" && !!def.variationThemes?.length
  if (!families) {
    delete properties.parentage_level
    delete properties.child_parent_sku_relationship
  } else properties.variation_theme = variationThemeSchema(def)
  const schema: Record<string, unknown> = {
    $schema: `${baseUrl}/_schemas/meta-schema.json`,
    $id: `${baseUrl}/_schemas/product-types/${def.name}.json?requirements=${requirements}`,
    title: `Amazon Product Type Schema for '${def.name}' (sandbox)`,
    type: "object",
    required: requiredAttributes(def, requirements),
    properties,
  }
  if (requirements === "LISTING_OFFER_ONLY") {
    schema.anyOf = [{ required: ["merchant_suggested_asin"] }, { required: ["externally_assigned_product_identifier"] }]
  } else {
    schema.anyOf = [
      { required: ["externally_assigned_product_identifier"] },
      { required: ["supplier_declared_has_product_identifier_exemption"] },
      { required: ["merchant_suggested_asin"] },
    ]
  }
  if (families) schema.allOf = themeConditions(def)
  return schema
}

/** A minimal stand-in for Amazon's product-type meta-schema (a JSON Schema vocabulary). */
export const META_SCHEMA = {
  $schema: "https://json-schema.org/draft/2019-09/schema",
  $id: "https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1",
  title: "Amazon Product Type Definition Meta-Schema (sandbox stand-in)",
  type: ["object", "boolean"],
}

/** Base64 MD5, the checksum format getDefinitionsProductType returns. */
export function checksum(value: unknown): string {
  return createHash("md5").update(JSON.stringify(value)).digest("base64")
}
