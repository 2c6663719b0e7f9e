import { type AmazonFamilyItem, type CreateEntry, type ExistingFamilyProduct, type FamilyFacts, optionTitle, planFamilies, readFamilyFacts } from "../families"
import type { ReportListing } from "../listing-row"
import { familyProductInput } from "../new-product"

const DE = "A1PA6795UKMFR9"
const THEME = "SIZE_NAME/COLOR_NAME"

const row = (sku: string, line: number, overrides: Partial<ReportListing> = {}): ReportListing => ({
  line,
  sku,
  asin: `B0${sku.replace(/[^A-Z0-9]/g, "").padEnd(8, "0").slice(0, 8)}`,
  title: `Tee ${sku}`,
  description: null,
  price: 19.99,
  quantity: 4,
  status: "active",
  fulfillment_channel: "DEFAULT",
  condition_type: "new_new",
  product_id_type: null,
  product_id: null,
  ...overrides,
})
const entry = (listing: ReportListing): CreateEntry => ({ listing, existing_id: null, restore: false })

const text = (value: string) => [{ value, language_tag: "de_DE", marketplace_id: DE }]
const childItem = (sku: string, size: string | null, color: string | null, parent = "TEE-P"): AmazonFamilyItem => ({
  sku,
  summaries: [{ marketplaceId: DE, asin: "B0CHILD001", itemName: `Tee ${sku}`, status: ["BUYABLE", "DISCOVERABLE"] }],
  attributes: {
    parentage_level: [{ value: "child", marketplace_id: DE }],
    child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: parent, marketplace_id: DE }],
    variation_theme: [{ name: THEME, marketplace_id: DE }],
    ...(size ? { size: text(size) } : {}),
    ...(color ? { color: text(color) } : {}),
  },
  relationships: [{ marketplaceId: DE, relationships: [{ type: "VARIATION", parentSkus: [parent], variationTheme: { theme: THEME, attributes: ["size", "color"] } }] }],
})
const parentItem = (sku: string, children: string[]): AmazonFamilyItem => ({
  sku,
  summaries: [{ marketplaceId: DE, asin: "B0PARENT01", itemName: "Organic Tee", status: ["DISCOVERABLE"] }],
  attributes: { parentage_level: [{ value: "parent", marketplace_id: DE }], variation_theme: [{ name: THEME, marketplace_id: DE }] },
  relationships: [{ marketplaceId: DE, relationships: [{ type: "VARIATION", childSkus: children, variationTheme: { theme: THEME, attributes: ["size", "color"] } }] }],
})
const factsOf = (...items: AmazonFamilyItem[]) => new Map<string, FamilyFacts>(items.map((item) => [item.sku, readFamilyFacts(item, DE)]))

describe("readFamilyFacts", () => {
  it.each([
    ["a child by its relationships", childItem("TEE-S-RED", "S", "Red"), { role: "child", parent_sku: "TEE-P", theme: { name: THEME, attributes: ["size", "color"] } }],
    ["a parent by its children", parentItem("TEE-P", ["TEE-S-RED"]), { role: "parent", parent_sku: null, child_skus: ["TEE-S-RED"], asin: "B0PARENT01", title: "Organic Tee" }],
    [
      "a parent by parentage_level alone (relationships not there yet)",
      { sku: "P2", attributes: { parentage_level: [{ value: "parent" }], variation_theme: [{ name: "COLOR_NAME" }] } },
      { role: "parent", child_skus: [], theme: { name: "COLOR_NAME", attributes: ["color"] } },
    ],
    [
      "a child by child_parent_sku_relationship alone, theme attributes read from the theme's name",
      { sku: "C2", attributes: { child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: "P2" }], variation_theme: [{ name: THEME }], size: [{ value: "L" }] } },
      { role: "child", parent_sku: "P2", theme: { name: THEME, attributes: ["size", "color"] }, values: { size: "L" } },
    ],
    ["a standalone listing", { sku: "MUG", attributes: { item_name: [{ value: "Mug" }] }, relationships: [{ marketplaceId: DE, relationships: [] }] }, { role: "none", parent_sku: null, theme: null }],
    [
      "another marketplace's relationships and values do not count",
      {
        sku: "FR-ONLY",
        attributes: { color: [{ value: "Rouge", marketplace_id: "A13V1IB3VIYZZH" }] },
        relationships: [{ marketplaceId: "A13V1IB3VIYZZH", relationships: [{ type: "VARIATION", parentSkus: ["X"] }] }],
      },
      { role: "none", values: {} },
    ],
  ])("%s", (_name, item, expected) => {
    expect(readFamilyFacts(item as AmazonFamilyItem, DE)).toMatchObject(expected)
  })

  it("reads the theme's values in this marketplace (size M, color Red)", () => {
    expect(readFamilyFacts(childItem("TEE-M-RED", "M", "Red"), DE).values).toMatchObject({ size: "M", color: "Red", parentage_level: "child" })
  })
})

describe("optionTitle", () => {
  it.each([
    ["size", "Size"],
    ["color", "Color"],
    ["item_shape", "Shape"],
    ["style_name", "Style"],
    ["finish_type", "Finish type"],
  ])("%s → %s", (attribute, title) => expect(optionTitle(attribute)).toBe(title))
})

describe("planFamilies", () => {
  const family = ["TEE-S-RED", "TEE-S-BLUE", "TEE-M-RED", "TEE-M-BLUE"]
  const items = () =>
    factsOf(parentItem("TEE-P", family), childItem("TEE-S-RED", "S", "Red"), childItem("TEE-S-BLUE", "S", "Blue"), childItem("TEE-M-RED", "M", "Red"), childItem("TEE-M-BLUE", "M", "Blue"), { sku: "MUG" })

  it("groups a parent's children into one product with an option per theme attribute; the parent is recorded, never a product", () => {
    const entries = [entry(row("TEE-P", 2, { price: null, quantity: null, title: "Organic Tee" })), ...family.map((sku, i) => entry(row(sku, 3 + i))), entry(row("MUG", 7))]
    const plan = planFamilies(entries, items(), new Map())
    expect(plan.flat.map((f) => [f.listing.sku, f.note])).toEqual([["MUG", null]])
    expect(plan.groups).toHaveLength(1)
    expect(plan.groups[0]).toMatchObject({
      parent_sku: "TEE-P",
      theme: THEME,
      product_id: null,
      title: "Organic Tee",
      options: [
        { title: "Size", values: ["S", "M"] },
        { title: "Color", values: ["Red", "Blue"] },
      ],
    })
    expect(plan.groups[0].children.map((c) => [c.listing.sku, c.options])).toEqual([
      ["TEE-S-RED", { Size: "S", Color: "Red" }],
      ["TEE-S-BLUE", { Size: "S", Color: "Blue" }],
      ["TEE-M-RED", { Size: "M", Color: "Red" }],
      ["TEE-M-BLUE", { Size: "M", Color: "Blue" }],
    ])
    expect(plan.parents).toEqual([{ parent_sku: "TEE-P", entry: entries[0], asin: entries[0].listing.asin, status: "active", product_id: null }])
    expect(plan.skipped).toEqual([])

    const product = familyProductInput(plan.groups[0], "organic-tee", { marketplace_id: DE, currency_code: "EUR", publish: false, sales_channel_id: "sc_1", shipping_profile_id: null }, "B0PARENT01")
    expect(product).toMatchObject({
      title: "Organic Tee",
      status: "draft",
      options: [
        { title: "Size", values: ["S", "M"] },
        { title: "Color", values: ["Red", "Blue"] },
      ],
      metadata: { amazon_parent_sku: "TEE-P", amazon_variation_theme: THEME, amazon_asin: "B0PARENT01" },
      sales_channels: [{ id: "sc_1" }],
    })
    expect(product.variants[0]).toEqual({ title: "S / Red", sku: "TEE-S-RED", manage_inventory: true, options: { Size: "S", Color: "Red" }, prices: [{ currency_code: "eur", amount: 19.99 }] })
  })

  it("a child without a theme value is a product of its own, with a note that says which value is missing", () => {
    const facts = items()
    facts.set("TEE-NOCOLOR", readFamilyFacts(childItem("TEE-NOCOLOR", "L", null), DE))
    const plan = planFamilies([entry(row("TEE-S-RED", 2)), entry(row("TEE-NOCOLOR", 3))], facts, new Map())
    expect(plan.groups.map((g) => g.children.map((c) => c.listing.sku))).toEqual([["TEE-S-RED"]])
    expect(plan.flat).toEqual([
      expect.objectContaining({
        note: `SKU TEE-NOCOLOR is a child of variation parent TEE-P on Amazon, but Amazon shows no color for it (theme ${THEME}); it was imported as a product of its own`,
      }),
    ])
  })

  it("children whose theme attributes cannot be told, or that repeat a sibling's values, are products of their own", () => {
    const odd: AmazonFamilyItem = {
      sku: "ODD-1",
      attributes: { child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: "ODD-P" }], variation_theme: [{ name: "SizeColor" }] },
    }
    const facts = items()
    facts.set("ODD-1", readFamilyFacts(odd, DE))
    facts.set("TEE-S-RED-2", readFamilyFacts(childItem("TEE-S-RED-2", "S", "Red"), DE))
    const plan = planFamilies([entry(row("ODD-1", 2)), entry(row("TEE-S-RED", 3)), entry(row("TEE-S-RED-2", 4))], facts, new Map())
    expect(plan.flat.map((f) => f.note)).toEqual([
      "SKU ODD-1 is a child of variation parent ODD-P on Amazon, but Amazon does not say which attributes its variation theme SizeColor varies by; it was imported as a product of its own",
      "SKU TEE-S-RED-2 is a child of variation parent TEE-P on Amazon, but another child of that family already has Size S, Color Red; it was imported as a product of its own",
    ])
  })

  it("a family split across pages: the later children join the product the first page made, adding only new values", () => {
    const existing = new Map<string, ExistingFamilyProduct>([
      [
        "TEE-P",
        {
          product_id: "prod_tee",
          options: [
            { id: "opt_size", title: "Size", values: ["S"] },
            { id: "opt_color", title: "Color", values: ["Red", "Blue"] },
          ],
          variant_options: [
            { Size: "S", Color: "Red" },
            { Size: "S", Color: "Blue" },
          ],
        },
      ],
    ])
    // page 2: the M children and the parent row
    const plan = planFamilies([entry(row("TEE-M-RED", 501)), entry(row("TEE-M-BLUE", 502)), entry(row("TEE-P", 503, { price: null, quantity: null }))], items(), existing)
    expect(plan.groups).toEqual([
      expect.objectContaining({
        product_id: "prod_tee",
        options: [
          { title: "Size", option_id: "opt_size", values: ["M"] },
          { title: "Color", option_id: "opt_color", values: [] },
        ],
      }),
    ])
    expect(plan.groups[0].children.map((c) => c.listing.sku)).toEqual(["TEE-M-RED", "TEE-M-BLUE"])
    expect(plan.parents).toEqual([expect.objectContaining({ parent_sku: "TEE-P", product_id: "prod_tee" })])

    // a child the product already has values for (made by hand, or a second SKU of the same size and color) stays apart
    const again = planFamilies([entry(row("TEE-S-RED", 2))], items(), existing)
    expect(again.groups).toEqual([])
    expect(again.flat[0].note).toMatch(/another child of that family already has Size S, Color Red/)
  })

  it("a parent seen before any child has a product is skipped and recorded later; with a product it is recorded now", () => {
    const parentRow = entry(row("TEE-P", 2, { price: null, quantity: null }))
    const first = planFamilies([parentRow], items(), new Map())
    expect(first.groups).toEqual([])
    expect(first.parents).toEqual([])
    expect(first.skipped).toEqual([
      { line: 2, sku: "TEE-P", reason: "variation_parent", message: "SKU TEE-P is a variation parent on Amazon (4 children); it is not a product of its own and is recorded with the first child imported" },
    ])
    // a child on a later page names the parent: the parent row is written with the new product
    const later = planFamilies([entry(row("TEE-S-RED", 600))], items(), new Map())
    expect(later.parents).toEqual([{ parent_sku: "TEE-P", entry: null, asin: "B0PARENT01", status: "active", product_id: null }])
  })

  it("an existing product whose options do not match the theme takes no children", () => {
    const existing = new Map<string, ExistingFamilyProduct>([["TEE-P", { product_id: "prod_x", options: [{ id: "o1", title: "Default option", values: ["Default option value"] }], variant_options: [] }]])
    const plan = planFamilies([entry(row("TEE-S-RED", 2))], items(), existing)
    expect(plan.groups).toEqual([])
    expect(plan.flat[0].note).toMatch(/the Medusa product of that family has the options Default option, not Size, Color/)
  })
})
