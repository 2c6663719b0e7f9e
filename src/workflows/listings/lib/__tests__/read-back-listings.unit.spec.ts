import { hashState } from "../../../../utils/listings/desired-listing"
import { readBackListings, type ReadBackRow } from "../read-back-listings"

const DE = "A1PA6795UKMFR9"
const suppressed = {
  code: "18448",
  message: "Provide main_product_image_locator",
  severity: "WARNING",
  categories: ["MISSING_IMAGE"],
  attributeNames: ["main_product_image_locator"],
  enforcements: { actions: [{ action: "LISTING_SUPPRESSED" }], exemption: { status: "NOT_EXEMPT" } },
}

function fakes(items: unknown[]) {
  const updates: Array<Record<string, unknown>> = []
  const calls: Array<Record<string, unknown>> = []
  const amazon = { updateAmazonListings: async (rows: Array<Record<string, unknown>>) => void updates.push(...rows) }
  const client = { listingsItems: { searchListingsItems: async (params: Record<string, unknown>) => (calls.push(params), { items }) } }
  return { amazon: amazon as never, client: client as never, updates, calls }
}

const row = (more: Partial<ReadBackRow> = {}): ReadBackRow => ({
  id: "amzlst_1",
  sku: "NEW-1",
  marketplace_id: DE,
  status: "accepted",
  asin: null,
  issues: [
    { source: "medusa", code: "zero_stock", severity: "warning", message: "ours" },
    { source: "amazon", code: "18448", severity: "warning", message: "report wording" },
    { source: "amazon", code: "8026", severity: "warning", message: "price reference (report)" },
  ],
  sent_state: { sku: "NEW-1", asin: null, product_type: "HOME" },
  sent_hash: "h-old",
  desired_hash: "h-old",
  ...more,
})

describe("readBackListings", () => {
  it("gives the listing Amazon's status, current issues and learnt ASIN, 20 SKUs a call, SKU-identified", async () => {
    const f = fakes([{ sku: "NEW-1", summaries: [{ marketplaceId: DE, asin: "B0NEW00001", productType: "HOME", status: [] }], issues: [suppressed] }])
    expect(await readBackListings(f.amazon, f.client, [row()])).toBe(1)
    expect(f.calls[0]).toMatchObject({ identifiers: ["NEW-1"], identifiersType: "SKU", includedData: ["summaries", "issues"] })
    const learnt = { sku: "NEW-1", asin: "B0NEW00001", product_type: "HOME" }
    expect(f.updates[0]).toMatchObject({ status: "suppressed", asin: "B0NEW00001", sent_state: learnt, sent_hash: hashState(learnt), desired_hash: hashState(learnt) })
    // hourly: ours and Amazon's current issues only
    expect((f.updates[0].issues as Array<{ code: string }>).map((i) => i.code)).toEqual(["zero_stock", "18448"])
  })

  it("right after a submission keeps the answer's issues, in Amazon's current words where it still reports them", async () => {
    const f = fakes([{ sku: "NEW-1", summaries: [{ marketplaceId: DE, status: [] }], issues: [suppressed] }])
    await readBackListings(f.amazon, f.client, [row()], { keepSubmissionIssues: true })
    const issues = f.updates[0].issues as Array<{ code: string; message: string }>
    expect(issues.map((i) => i.code)).toEqual(["zero_stock", "8026", "18448"])
    expect(issues[2].message).toMatch(/listing suppressed/)
  })

  it("leaves a SKU Amazon does not show yet as it was (still accepted)", async () => {
    const f = fakes([])
    expect(await readBackListings(f.amazon, f.client, [row()])).toBe(0)
    expect(f.updates).toEqual([])
  })
})
