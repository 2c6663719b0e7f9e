import type { ReportListing } from "../listing-row"
import { type BatchFacts, type ExistingListing, type KnownVariant, planListingsBatch } from "../plan-batch"

const MARKER = "2026-11-24T03:00:00.000Z"
const EAN = { product_id_type: "EAN", product_id_attribute: "barcode" } as const

const row = (sku: string, overrides: Partial<ReportListing> = {}): ReportListing => ({
  line: 2,
  sku,
  asin: "B0SANDBX01",
  title: sku,
  description: null,
  price: 10,
  quantity: 3,
  status: "active",
  fulfillment_channel: "DEFAULT",
  condition_type: "new_new",
  product_id_type: null,
  product_id: null,
  ...overrides,
})
const variant = (id: string, sku: string | null): KnownVariant => ({ id, sku, product_id: `prod_${id}` })
const listing = (id: string, sku: string, variant_id: string | null, more: Partial<ExistingListing> = {}): ExistingListing => ({ id, sku, variant_id, synced_at: null, deleted: false, ...more })

function facts(parts: { listings?: ExistingListing[]; variants?: KnownVariant[]; byIdentifier?: Record<string, KnownVariant[]> } = {}): BatchFacts {
  const listings = parts.listings ?? []
  const variants = parts.variants ?? []
  return {
    listingsBySku: new Map(listings.map((l) => [l.sku, l])),
    listingsByVariant: new Map(listings.filter((l) => l.variant_id).map((l) => [l.variant_id!, l])),
    variantsById: new Map(variants.map((v) => [v.id, v])),
    variantsBySku: new Map(variants.filter((v) => v.sku).map((v) => [v.sku!, v])),
    variantsByIdentifier: new Map(Object.entries(parts.byIdentifier ?? {})),
  }
}
const plan = (rows: ReportListing[], f: BatchFacts, mapping: { product_id_type: any; product_id_attribute: string } = EAN) =>
  planListingsBatch(rows, f, { mapping, run_marker: MARKER })

describe("planListingsBatch", () => {
  it("never turns a variation parent we created into a product: the report's parent row is skipped, its children link", () => {
    const result = plan(
      [row("P-TEE", { price: null, quantity: null }), row("TEE-M-RED", { line: 3 })],
      facts({ listings: [listing("l1", "P-TEE", null, { variation_parent: true })], variants: [variant("v1", "TEE-M-RED")] })
    )
    expect(result.create).toEqual([])
    expect(result.skipped).toEqual([{ line: 2, sku: "P-TEE", reason: "variation_parent", message: expect.stringMatching(/variation parent/) }])
    expect(result.link.map((l) => l.sku)).toEqual(["TEE-M-RED"])
  })

  it("links a known SKU to its variant and keeps Amazon's view", () => {
    const result = plan([row("DEMO-MUG", { price: 12.5, quantity: 40, asin: "B0SANDBX03", status: "active" })], facts({ variants: [variant("v1", "DEMO-MUG")] }))
    expect(result.link).toEqual([
      { sku: "DEMO-MUG", asin: "B0SANDBX03", status: "active", price: 12.5, quantity: 40, fulfillment_channel: "DEFAULT", condition_type: "new_new", existing_id: null, restore: false, variant_id: "v1", product_id: "prod_v1", matched_by: "sku" },
    ])
    expect(result.create).toEqual([])
  })

  it("prefers the mapped identifier over the SKU", () => {
    const rows = [row("AMZ-MUG", { product_id_type: "EAN", product_id: "4012345678901" })]
    const result = plan(rows, facts({ variants: [variant("v2", "AMZ-MUG")], byIdentifier: { "4012345678901": [variant("v1", "MUG-BLUE")] } }))
    expect(result.link[0]).toMatchObject({ variant_id: "v1", matched_by: "identifier" })
  })

  it("keeps a link made before, even when the mapping now points elsewhere", () => {
    const rows = [row("DEMO-MUG", { product_id_type: "EAN", product_id: "4012345678901" })]
    const f = facts({ listings: [listing("amzlst_1", "DEMO-MUG", "v9")], variants: [variant("v9", "OLD")], byIdentifier: { "4012345678901": [variant("v1", "MUG")] } })
    expect(plan(rows, f).link[0]).toMatchObject({ existing_id: "amzlst_1", variant_id: "v9", matched_by: "listing" })
  })

  it("relinks a listing whose variant was deleted, and updates the row it has", () => {
    const f = facts({ listings: [listing("amzlst_1", "DEMO-MUG", "v_gone")], variants: [variant("v1", "DEMO-MUG")] })
    expect(plan([row("DEMO-MUG")], f).link[0]).toMatchObject({ existing_id: "amzlst_1", variant_id: "v1", matched_by: "sku" })
  })

  it("creates a product for an unknown SKU, reusing an unlinked or deleted listing row", () => {
    expect(plan([row("NEW-1")], facts()).create).toEqual([{ listing: row("NEW-1"), existing_id: null, restore: false }])
    expect(plan([row("NEW-1")], facts({ listings: [listing("amzlst_1", "NEW-1", null)] })).create[0]).toMatchObject({ existing_id: "amzlst_1", restore: false })
    expect(plan([row("NEW-1")], facts({ listings: [listing("amzlst_1", "NEW-1", "v1", { deleted: true })], variants: [variant("v1", "X")] })).create[0]).toMatchObject({
      existing_id: "amzlst_1",
      restore: true,
    })
  })

  it("counts rows this run already imported once, silently", () => {
    const f = facts({ listings: [listing("amzlst_1", "DEMO-MUG", "v1", { synced_at: MARKER })], variants: [variant("v1", "DEMO-MUG")] })
    expect(plan([row("DEMO-MUG")], f)).toEqual({ link: [], create: [], skipped: [], already_imported: 1 })
  })

  it("skips a SKU that is in the batch twice, naming both lines", () => {
    const result = plan([row("NEW-1", { line: 5 }), row("NEW-1", { line: 9 })], facts())
    expect(result.create).toHaveLength(1)
    expect(result.skipped).toEqual([{ line: 9, sku: "NEW-1", reason: "duplicate", message: expect.stringMatching(/lines 5 and 9/) }])
  })

  it("skips a second SKU for a variant already listed in the marketplace", () => {
    const f = facts({ listings: [listing("amzlst_1", "MUG-BLUE", "v1")], variants: [variant("v1", "MUG-BLUE")], byIdentifier: { "4012345678901": [variant("v1", "MUG-BLUE")] } })
    const result = plan([row("AMZ-MUG", { product_id_type: "EAN", product_id: "4012345678901" })], f)
    expect(result.link).toEqual([])
    expect(result.skipped).toEqual([{ line: 2, sku: "AMZ-MUG", reason: "conflict", message: expect.stringMatching(/already listed here as SKU MUG-BLUE/) }])
  })

  it("lets the seller's SKU take over our unsent listing of the variant (never a second SKU on the ASIN)", () => {
    const ours = listing("amzlst_1", "MUG-BLUE", "v1", { unsent: true })
    const f = facts({ listings: [ours], variants: [variant("v1", "MUG-BLUE")], byIdentifier: { "4012345678901": [variant("v1", "MUG-BLUE")] } })
    const result = plan([row("AMZ-MUG", { product_id_type: "EAN", product_id: "4012345678901" }), row("AMZ-MUG-2", { line: 3, product_id_type: "EAN", product_id: "4012345678901" })], f)
    expect(result.link).toEqual([expect.objectContaining({ sku: "AMZ-MUG", existing_id: "amzlst_1", variant_id: "v1", rekey: true, matched_by: "identifier" })])
    // a second Amazon SKU of the same variant is still a conflict
    expect(result.skipped).toEqual([expect.objectContaining({ sku: "AMZ-MUG-2", reason: "conflict" })])
  })

  it("skips the second of two rows in one batch that match the same variant", () => {
    const byIdentifier = { "4012345678901": [variant("v1", "MUG")] }
    const rows = [row("A", { product_id_type: "EAN", product_id: "4012345678901" }), row("B", { line: 3, product_id_type: "UPC", product_id: "04012345678901" })]
    const result = plan(rows, facts({ byIdentifier }))
    expect(result.link.map((l) => l.sku)).toEqual(["A"])
    expect(result.skipped).toMatchObject([{ sku: "B", reason: "conflict" }])
  })

  it("an identifier shared by several variants falls back to the SKU, else is skipped as ambiguous", () => {
    const byIdentifier = { "4012345678901": [variant("v1", "MUG-1"), variant("v2", "MUG-2")] }
    const rows = [row("MUG-2", { product_id_type: "EAN", product_id: "4012345678901" }), row("MUG-3", { line: 3, product_id_type: "EAN", product_id: "4012345678901" })]
    const result = plan(rows, facts({ variants: [variant("v2", "MUG-2")], byIdentifier }))
    expect(result.link).toMatchObject([{ sku: "MUG-2", variant_id: "v2", matched_by: "sku" }])
    expect(result.skipped).toMatchObject([{ sku: "MUG-3", reason: "ambiguous", message: expect.stringMatching(/2 variants have EAN 4012345678901/) }])
    expect(result.create).toEqual([])
  })

  it("with an ASIN mapping, matches on asin1", () => {
    const result = plan([row("X", { asin: "B0SANDBX06" })], facts({ byIdentifier: { B0SANDBX06: [variant("v1", "LOCAL")] } }), { product_id_type: "ASIN", product_id_attribute: "metadata.asin" })
    expect(result.link[0]).toMatchObject({ variant_id: "v1", matched_by: "identifier" })
  })
})
