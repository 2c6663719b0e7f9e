import { previewListingChanges } from "../preview"

const sent = { sku: "AMZ", marketplace_id: "DE", identifier: null, asin: "B0", product_type: "HOME", condition: "new_new", price: { amount: 10, currency: "EUR" }, quantity: 5, handling_days: 2, package_weight_kg: null, withdrawn: false }
const listing = { id: "l1", sent_state: sent, quantity: 5, variant_id: "v1", product_id: "p1" }
const change = (payload: Record<string, unknown>, operation = "patch") => ({ id: "c1", listing_id: "l1", marketplace_id: "DE", sku: "AMZ", operation, status: "pending", payload })

describe("previewListingChanges", () => {
  it.each<[string, Record<string, unknown>, string, string[]]>([
    ["a stock patch shows the stock only, whatever else differs", { ...sent, quantity: 2, handling_days: 4, patch_fields: ["quantity"] }, "patch", ["quantity"]],
    ["a price patch shows the price only", { ...sent, price: { amount: 9, currency: "EUR" }, patch_fields: ["price"] }, "patch", ["price"]],
    ["a full update shows every field that moved", { ...sent, quantity: 2, handling_days: 4 }, "update", ["quantity", "handling_days"]],
  ])("%s", (_label, payload, operation, fields) => {
    const { changes } = previewListingChanges([change(payload, operation)], [listing], { fastPath: true, offersWithStock: 10 })
    expect(changes[0].fields.map((f) => f.field)).toEqual(fields)
  })
})
