/**
 * Medusa values in the shape a product type's JSON Schema asks for (LISTING messages for new ASINs):
 * every value an object in an array, with `marketplace_id`; `language_tag` on text attributes (item_name,
 * brand, bullet_point …: Amazon rejects text without one); `unit` on measurements (Medusa's weights are
 * grams); numbers and booleans as the schema types them. A shape that one Medusa value cannot fill (an
 * object of several measurements such as item_package_dimensions) is refused with the reason, not guessed.
 */

type PropertySchema = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, PropertySchema>; items?: PropertySchema }

/** A product type's JSON Schema, the part we read: its attributes (arrays of value objects). */
export type ProductTypeSchema = { properties?: Record<string, PropertySchema> }

export type ShapeResult = { ok: true; values: Array<Record<string, unknown>> } | { ok: false; reason: string }

/** Amazon's default language per marketplace country (getMarketplaceParticipations defaultLanguageCode). */
const LANGUAGE_TAGS: Record<string, string> = {
  US: "en_US", CA: "en_CA", MX: "es_MX", BR: "pt_BR", GB: "en_GB", DE: "de_DE", FR: "fr_FR", IT: "it_IT", ES: "es_ES",
  NL: "nl_NL", SE: "sv_SE", PL: "pl_PL", BE: "fr_BE", TR: "tr_TR", IE: "en_IE", EG: "ar_EG", SA: "ar_SA", AE: "en_AE",
  IN: "en_IN", ZA: "en_ZA", JP: "ja_JP", AU: "en_AU", SG: "en_SG",
}

export function languageTag(countryCode: string): string {
  return LANGUAGE_TAGS[countryCode.toUpperCase()] ?? "en_US"
}

/** Medusa's units by convention: weight in grams; lengths as entered (we take centimetres). */
const WEIGHT_FROM_GRAMS: Record<string, number> = { grams: 1, kilograms: 0.001, ounces: 1 / 28.349523125, pounds: 1 / 453.59237 }
const LENGTH_FROM_CM: Record<string, number> = { centimeters: 1, millimeters: 10, meters: 0.01, inches: 1 / 2.54 }

function typeOf(schema: PropertySchema | undefined): string | undefined {
  return Array.isArray(schema?.type) ? schema!.type[0] : schema?.type
}

function measurement(name: string, allowed: string[]): { unit: string; factor: number } | null {
  const table = /weight/.test(name) ? WEIGHT_FROM_GRAMS : /(length|width|height|depth|dimension)/.test(name) ? LENGTH_FROM_CM : null
  if (!table) return null
  const unit = Object.keys(table).find((u) => !allowed.length || allowed.includes(u))
  return unit ? { unit, factor: table[unit] } : null
}

/** One attribute's values from one Medusa value, per the attribute's schema (undefined schema = plain value + marketplace). */
export function shapeAttribute(name: string, raw: unknown, schema: PropertySchema | undefined, ctx: { marketplace_id: string; language_tag: string }): ShapeResult {
  const item = schema?.items ?? { properties: { value: {}, marketplace_id: {} } }
  const props = item.properties ?? {}
  if (!props.value) {
    const parts = Object.keys(props).filter((p) => p !== "marketplace_id" && p !== "language_tag")
    return { ok: false, reason: `Amazon's "${name}" is made of ${parts.join(", ") || "several parts"}, which one Medusa field cannot fill` }
  }
  let value: unknown = raw
  const type = typeOf(props.value)
  if (type === "number" || type === "integer") {
    const n = typeof raw === "number" ? raw : Number(String(raw).replace(",", "."))
    if (!Number.isFinite(n)) return { ok: false, reason: `Amazon's "${name}" is a number; "${String(raw)}" is not one` }
    value = type === "integer" ? Math.round(n) : n
  } else if (type === "boolean") {
    if (typeof raw !== "boolean" && !["true", "false"].includes(String(raw).toLowerCase())) return { ok: false, reason: `Amazon's "${name}" is yes/no; "${String(raw)}" is neither` }
    value = typeof raw === "boolean" ? raw : String(raw).toLowerCase() === "true"
  } else if (type === "string" || type === undefined) {
    value = String(raw)
  }
  if (props.value.enum && !props.value.enum.includes(value)) {
    return { ok: false, reason: `Amazon's "${name}" takes one of ${props.value.enum.slice(0, 8).join(", ")}${props.value.enum.length > 8 ? " …" : ""}; "${String(raw)}" is not one` }
  }
  const shaped: Record<string, unknown> = { value }
  if (props.unit) {
    const units = (props.unit.enum ?? []).map(String)
    const m = measurement(name, units)
    if (!m || typeof value !== "number") return { ok: false, reason: `Amazon's "${name}" needs a unit (${units.join(", ")}) we cannot tell from Medusa` }
    shaped.value = Math.round(value * m.factor * 1000) / 1000
    shaped.unit = m.unit
  }
  if (props.language_tag) shaped.language_tag = ctx.language_tag
  shaped.marketplace_id = ctx.marketplace_id
  return { ok: true, values: [shaped] }
}
