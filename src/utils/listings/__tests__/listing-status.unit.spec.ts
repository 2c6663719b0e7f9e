import { readListingsItem, type AmazonListingsItem } from "../listing-status"

const DE = "A1PA6795UKMFR9"
const item = (status: string[], issues: AmazonListingsItem["issues"] = []): AmazonListingsItem => ({
  sku: "SKU-1",
  summaries: [{ marketplaceId: DE, asin: "B0SANDBX01", productType: "SHIRT", status }],
  issues,
})
const suppressedIssue = {
  code: "18448",
  message: "Main image missing",
  severity: "WARNING",
  categories: ["MISSING_IMAGE"],
  attributeNames: ["main_product_image_locator"],
  enforcements: { actions: [{ action: "LISTING_SUPPRESSED" }], exemption: { status: "NOT_EXEMPT" } },
}

describe("readListingsItem", () => {
  it.each<[string, AmazonListingsItem | null, string | null]>([
    ["BUYABLE is active", item(["BUYABLE", "DISCOVERABLE"]), "active"],
    ["DISCOVERABLE only is inactive (no stock)", item(["DISCOVERABLE"]), "inactive"],
    ["no status with an issue is incomplete", item([], [{ code: "90220", message: "'item_name' is required", severity: "ERROR", categories: ["MISSING_ATTRIBUTE"] }]), "incomplete"],
    ["no status, no issue is inactive", item([]), "inactive"],
    ["a LISTING_SUPPRESSED enforcement is suppressed, even if BUYABLE was reported", item(["BUYABLE"], [suppressedIssue]), "suppressed"],
    ["an exempt enforcement does not suppress", item(["BUYABLE"], [{ ...suppressedIssue, enforcements: { actions: [{ action: "LISTING_SUPPRESSED" }], exemption: { status: "EXEMPT" } } }]), "active"],
    ["a removed catalog item is suppressed", item(["DISCOVERABLE"], [{ ...suppressedIssue, enforcements: { actions: [{ action: "CATALOG_ITEM_REMOVED" }], exemption: { status: "NOT_EXEMPT" } } }]), "suppressed"],
    ["a summary of another marketplace is no answer", { sku: "SKU-1", summaries: [{ marketplaceId: "A13V1IB3VIYZZH", status: ["BUYABLE"] }] }, null],
    ["no item (not found yet) is no answer", null, null],
  ])("%s", (_label, given, expected) => {
    expect(readListingsItem(given, DE)?.status ?? null).toBe(expected)
  })

  it("keeps Amazon's ASIN, product type and issues, saying what the enforcement did", () => {
    expect(readListingsItem(item([], [suppressedIssue]), DE)).toEqual({
      status: "suppressed",
      asin: "B0SANDBX01",
      product_type: "SHIRT",
      issues: [{ source: "amazon", code: "18448", severity: "warning", message: "Main image missing (Amazon: listing suppressed)", field: "amazon:main_product_image_locator" }],
    })
  })
})
