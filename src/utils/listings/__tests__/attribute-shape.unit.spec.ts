import { languageTag, shapeAttribute } from "../attribute-shape"

const ctx = { marketplace_id: "A1PA6795UKMFR9", language_tag: "de_DE" }
const text = { type: "array", items: { type: "object", properties: { value: { type: "string" }, language_tag: { type: "string" }, marketplace_id: { type: "string" } } } }
const weight = { type: "array", items: { type: "object", properties: { value: { type: "number" }, unit: { type: "string", enum: ["kilograms", "pounds"] }, marketplace_id: { type: "string" } } } }
const dims = { type: "array", items: { type: "object", properties: { length: { type: "object" }, width: { type: "object" }, height: { type: "object" }, marketplace_id: { type: "string" } } } }
const count = { type: "array", items: { type: "object", properties: { value: { type: "integer" }, marketplace_id: { type: "string" } } } }
const flag = { type: "array", items: { type: "object", properties: { value: { type: "boolean" }, marketplace_id: { type: "string" } } } }
const choice = { type: "array", items: { type: "object", properties: { value: { type: "string", enum: ["male", "female", "unisex"] }, marketplace_id: { type: "string" } } } }

describe("shapeAttribute", () => {
  it.each<[string, string, unknown, object | undefined, unknown]>([
    ["text gets the marketplace's language tag", "item_name", "Leinenkissen", text, { ok: true, values: [{ value: "Leinenkissen", language_tag: "de_DE", marketplace_id: "A1PA6795UKMFR9" }] }],
    ["a weight in grams goes in a unit the schema allows", "item_package_weight", 1250, weight, { ok: true, values: [{ value: 1.25, unit: "kilograms", marketplace_id: "A1PA6795UKMFR9" }] }],
    ["an integer is rounded", "number_of_items", "2.0", count, { ok: true, values: [{ value: 2, marketplace_id: "A1PA6795UKMFR9" }] }],
    ["a boolean from text", "is_fragile", "TRUE", flag, { ok: true, values: [{ value: true, marketplace_id: "A1PA6795UKMFR9" }] }],
    ["an enum value is kept", "department", "unisex", choice, { ok: true, values: [{ value: "unisex", marketplace_id: "A1PA6795UKMFR9" }] }],
    ["no schema: value and marketplace", "color", "Sand", undefined, { ok: true, values: [{ value: "Sand", marketplace_id: "A1PA6795UKMFR9" }] }],
    ["a value outside the enum is refused", "department", "kids", choice, { ok: false, reason: expect.stringMatching(/takes one of male, female, unisex/) }],
    ["a number that is not one is refused", "number_of_items", "two", count, { ok: false, reason: expect.stringMatching(/is a number/) }],
    ["a nested shape is refused, not guessed", "item_package_dimensions", 30, dims, { ok: false, reason: expect.stringMatching(/made of length, width, height/) }],
  ])("%s", (_label, name, raw, schema, expected) => {
    expect(shapeAttribute(name, raw, schema as never, ctx)).toEqual(expected)
  })

  it.each([["DE", "de_DE"], ["JP", "ja_JP"], ["GB", "en_GB"], ["US", "en_US"], ["XX", "en_US"]])("language of %s is %s", (country, tag) => {
    expect(languageTag(country)).toBe(tag)
  })
})
