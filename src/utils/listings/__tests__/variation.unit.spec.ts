import Ajv from "ajv"
import addFormats from "ajv-formats"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { PRODUCT_TYPES, productTypeSchema } from "../../../../sandbox/product-types"
import { hashState, type DesiredListing } from "../desired-listing"
import { feedDocument, feedMessage, offerPatches } from "../feed-messages"
import { patchFields } from "../existing-offer"
import { chooseTheme, familyAttributes, parentSku, suggestAttribute, variationThemes } from "../variation"

const UK = "A1F83G8C2ARO7P"
const SHIRT = productTypeSchema(PRODUCT_TYPES.find((p) => p.name === "SHIRT")!, "LISTING", "http://sandbox")
const HOME = productTypeSchema(PRODUCT_TYPES.find((p) => p.name === "HOME")!, "LISTING", "http://sandbox")

const MODELS = process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../../../../shared/amazon-sp-api")
const FEED_SCHEMA = path.join(MODELS, "schemas/feeds/listings-feed-schema-v2.json")

const child: DesiredListing = {
  sku: "TEE-M-RED",
  marketplace_id: UK,
  identifier: { type: "EAN", value: "4006381333931" },
  asin: null,
  product_type: "SHIRT",
  condition: "new_new",
  price: { amount: 19.99, currency: "GBP" },
  quantity: 4,
  handling_days: 2,
  package_weight_kg: null,
  withdrawn: false,
  variation: { role: "child", theme: "SIZE_NAME/COLOR_NAME", parent_sku: "P-TEE", attributes: { size: "M", color: "Red" } },
}
const parent: DesiredListing = {
  ...child,
  sku: "P-TEE",
  identifier: null,
  price: null,
  quantity: null,
  variation: { role: "parent", theme: "SIZE_NAME/COLOR_NAME", parent_sku: "P-TEE" },
}

describe("variation themes from a product type's schema", () => {
  it("reads the enum and each theme's attributes from the schema's conditionals", () => {
    expect(variationThemes(SHIRT)).toEqual([
      { name: "SIZE_NAME", attributes: ["size"] },
      { name: "COLOR_NAME", attributes: ["color"] },
      { name: "SIZE_NAME/COLOR_NAME", attributes: ["size", "color"] },
    ])
  })
  it("falls back to the theme's name when the schema has no conditionals, and a type without variation_theme has none", () => {
    const schema = { properties: { variation_theme: { items: { properties: { name: { enum: ["COLOR", "SIZE/COLOR", "WEIRD_THING"] } } } } } }
    expect(variationThemes(schema)).toEqual([
      { name: "COLOR", attributes: ["color"] },
      { name: "SIZE/COLOR", attributes: ["size", "color"] },
    ])
    expect(variationThemes(HOME)).toEqual([])
  })
})

describe("chooseTheme", () => {
  const themes = variationThemes(SHIRT)
  it("takes the theme whose attributes equal the mapped ones, in any order", () => {
    expect(chooseTheme(themes, ["color", "size"])).toMatchObject({ kind: "theme", theme: { name: "SIZE_NAME/COLOR_NAME" } })
    expect(chooseTheme(themes, ["size"])).toMatchObject({ kind: "theme", theme: { name: "SIZE_NAME" } })
  })
  it("finds none when the mapped set is not a theme's (no subset, no superset), naming the candidates", () => {
    const none = chooseTheme(themes, ["size", "material"])
    expect(none.kind).toBe("none")
    expect(none.kind === "none" && none.candidates.map((t) => t.name)).toEqual(["SIZE_NAME", "SIZE_NAME/COLOR_NAME"])
    expect(chooseTheme(themes, ["material"])).toEqual({ kind: "none", candidates: [] })
  })
})

describe("parentSku and suggestions", () => {
  it("prefers metadata.amazon_parent_sku, else P-<HANDLE>, at most 40 characters with a hash tail", () => {
    expect(parentSku({ id: "prod_1", handle: "tee", metadata: { amazon_parent_sku: " MY-PARENT " } })).toBe("MY-PARENT")
    expect(parentSku({ id: "prod_1", handle: "cotton-tee" })).toBe("P-COTTON-TEE")
    const a = parentSku({ id: "p", handle: "a-very-long-handle-of-a-product-with-many-words-one" })
    const b = parentSku({ id: "p", handle: "a-very-long-handle-of-a-product-with-many-words-two" })
    expect(a.length).toBeLessThanOrEqual(40)
    expect(a).not.toBe(b)
  })
  it("suggests size/color for common option titles, only when the product type has the attribute", () => {
    expect(suggestAttribute("Size")).toBe("size")
    expect(suggestAttribute("Colour")).toBe("color")
    expect(suggestAttribute("Farbe", ["color", "size"])).toBe("color")
    expect(suggestAttribute("Material", ["color", "size"])).toBeNull()
    expect(suggestAttribute("Variant")).toBeNull()
  })
})

describe("family messages", () => {
  it("sends a parent as a product without offer (LISTING_PRODUCT_ONLY) and a child with its parent and theme", () => {
    const p = feedMessage(1, "update", parent, { item_name: [{ value: "Tee", language_tag: "en_GB", marketplace_id: UK }] })
    expect(p).toMatchObject({ operationType: "UPDATE", requirements: "LISTING_PRODUCT_ONLY", sku: "P-TEE" })
    const pa = (p as { attributes: Record<string, unknown> }).attributes
    expect(pa).toMatchObject({ parentage_level: [{ value: "parent", marketplace_id: UK }], variation_theme: [{ name: "SIZE_NAME/COLOR_NAME" }] })
    for (const offer of ["purchasable_offer", "fulfillment_availability", "condition_type", "child_parent_sku_relationship"]) expect(pa[offer]).toBeUndefined()

    const c = feedMessage(2, "update", child, { size: [{ value: "M", language_tag: "en_GB", marketplace_id: UK }], color: [{ value: "Red", language_tag: "en_GB", marketplace_id: UK }] })
    expect(c).toMatchObject({
      requirements: "LISTING",
      attributes: {
        parentage_level: [{ value: "child", marketplace_id: UK }],
        child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: "P-TEE", marketplace_id: UK }],
        variation_theme: [{ name: "SIZE_NAME/COLOR_NAME" }],
        purchasable_offer: [expect.objectContaining({ currency: "GBP" })],
      },
    })
  })

  it("validates against the product type's schema (the theme's conditional needs size and color on a child)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile({ ...SHIRT, $schema: undefined, $id: undefined, required: [], anyOf: undefined })
    const attrs = (feedMessage(1, "update", child, {}) as { attributes: Record<string, unknown> }).attributes
    expect(validate(attrs)).toBe(false) // no size/color: the theme's attributes are missing
    const full = { ...attrs, size: [{ value: "M" }], color: [{ value: "Red" }] }
    expect(validate(full) ? [] : validate.errors).toEqual([])
    expect(validate({ ...full, variation_theme: [{ name: "SIZE_COLOR" }] })).toBe(false) // not in the enum
    expect(validate((feedMessage(1, "update", parent, {}) as { attributes: Record<string, unknown> }).attributes) ? [] : validate.errors).toEqual([])
  })

  it("builds a feed document that Amazon's JSON_LISTINGS_FEED schema accepts, parent before child", () => {
    const doc = feedDocument("A2SELLER", [feedMessage(1, "update", parent, {}), feedMessage(2, "update", child, {})])
    expect(doc.messages.map((m) => m.sku)).toEqual(["P-TEE", "TEE-M-RED"])
    if (!existsSync(FEED_SCHEMA)) return
    const ajv = new Ajv({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema(JSON.parse(readFileSync(path.join(MODELS, "schemas/feeds/listings-feed-message-schema-v2.json"), "utf8")))
    const validate = ajv.compile(JSON.parse(readFileSync(FEED_SCHEMA, "utf8")))
    expect(validate(doc) ? [] : validate.errors).toEqual([])
  })

  it("re-sends a family member Amazon has as a PATCH of the family attributes, never dropping them", () => {
    const sent = { ...child, asin: "B0CHILD001" }
    const moved: DesiredListing = { ...sent, variation: { ...child.variation!, attributes: { size: "L", color: "Red" } } }
    const fields = patchFields(sent, moved, { price: null, quantity: null })
    expect(fields).toEqual(["variation"])
    const patches = offerPatches(moved, fields)
    expect(patches.map((p) => p.path)).toEqual([
      "/attributes/parentage_level",
      "/attributes/variation_theme",
      "/attributes/child_parent_sku_relationship",
      "/attributes/size",
      "/attributes/color",
    ])
    expect(patches.every((p) => p.op === "replace")).toBe(true)
    expect(feedMessage(1, "patch", moved, {}, { fields })).toMatchObject({ operationType: "PATCH" })
    // a price change of a child touches the offer only
    expect(patchFields(sent, { ...sent, price: { amount: 21, currency: "GBP" } }, { price: null, quantity: null })).toEqual(["price"])
  })

  it("leaves every standalone listing's hash as it was (variation absent)", () => {
    const { variation: _v, ...flat } = child
    expect(hashState(flat)).toBe(hashState({ ...flat }))
    expect(familyAttributes(parent.variation!, UK).child_parent_sku_relationship).toBeUndefined()
  })
})
