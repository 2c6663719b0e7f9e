import { DEMO, TestSandbox, openSandbox, responseViolations } from "./helpers"

const DE = DEMO.DE
const SELLER = DEMO.euSeller
const THEME = "SIZE_NAME/COLOR_NAME"

/**
 * A seller's existing variation family as the Listings Items API shows it: relationships of type VARIATION
 * derived from the family attributes — the child names its parent, the parent lists its children — each with
 * the theme and its attributes.
 */
describe("sandbox: a seller's variation family", () => {
  let t: TestSandbox
  let headers: Record<string, string>
  beforeAll(async () => {
    t = await openSandbox({ timeScale: 1000 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(async () => {
    t.sandbox.control.reset()
    headers = await t.auth()
    const tagged = (value: string) => [{ value, language_tag: "de_DE", marketplace_id: DE }]
    const child = (sku: string, size: string, color: string) => ({
      sellerId: SELLER,
      marketplaceId: DE,
      sku,
      asin: `B0FAM${sku.slice(-5)}`,
      productType: "SHIRT",
      price: 19.9,
      quantity: 4,
      attributes: {
        parentage_level: [{ value: "child", marketplace_id: DE }],
        child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: "FAM-P", marketplace_id: DE }],
        variation_theme: [{ name: THEME, marketplace_id: DE }],
        size: tagged(size),
        color: tagged(color),
      },
    })
    t.sandbox.control.addListings({
      listings: [
        { sellerId: SELLER, marketplaceId: DE, sku: "FAM-P", asin: "B0FAMPAR01", productType: "SHIRT", attributes: { parentage_level: [{ value: "parent", marketplace_id: DE }], variation_theme: [{ name: THEME, marketplace_id: DE }] } },
        child("FAM-S-RED", "S", "Red"),
        child("FAM-M-RED", "M", "Red"),
      ],
    })
  })
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  const search = async (skus: string[]) =>
    (
      await t.http.get(`/listings/2021-08-01/items/${SELLER}`, {
        headers,
        params: { marketplaceIds: DE, identifiers: skus.join(","), identifiersType: "SKU", includedData: "summaries,attributes,relationships", pageSize: 20 },
      })
    ).data

  it("a child names its parent and a parent its children, with the theme's attributes (search and get alike)", async () => {
    const { items } = await search(["FAM-P", "FAM-S-RED"])
    const bySku = new Map(items.map((item: { sku: string }) => [item.sku, item]))
    expect((bySku.get("FAM-S-RED") as any).relationships).toEqual([
      { marketplaceId: DE, relationships: [{ type: "VARIATION", parentSkus: ["FAM-P"], variationTheme: { theme: THEME, attributes: ["size", "color"] } }] },
    ])
    const parent = (bySku.get("FAM-P") as any).relationships[0].relationships[0]
    expect(parent).toMatchObject({ type: "VARIATION", variationTheme: { theme: THEME, attributes: ["size", "color"] } })
    expect([...parent.childSkus].sort()).toEqual(["FAM-M-RED", "FAM-S-RED"])

    const { data: got } = await t.http.get(`/listings/2021-08-01/items/${SELLER}/FAM-P`, { headers, params: { marketplaceIds: DE, includedData: "relationships" } })
    expect([...got.relationships[0].relationships[0].childSkus].sort()).toEqual(["FAM-M-RED", "FAM-S-RED"])
  })

  it("a standalone listing has no relationships", async () => {
    t.sandbox.control.addListings({ listings: [{ sellerId: SELLER, marketplaceId: DE, sku: "MUG-1", asin: "B0MUG00001", price: 5, quantity: 1 }] })
    const { items } = await search(["MUG-1"])
    expect(items[0].relationships).toEqual([{ marketplaceId: DE, relationships: [] }])
  })
})
