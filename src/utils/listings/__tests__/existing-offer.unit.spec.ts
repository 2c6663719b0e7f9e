import Ajv from "ajv"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { type DesiredListing, hashState, type ListingPlan } from "../desired-listing"
import { adoptKnownOffer, isFbaChannel, patchFields, switchOffChange, type SwitchedOffListing } from "../existing-offer"
import { feedDocument, feedMessage, offerAttributes, offerPatches, priceValue, stockValue } from "../feed-messages"

const MODELS = process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../../../../shared/amazon-sp-api")
const DE = "A1PA6795UKMFR9"

const desired: DesiredListing = {
  sku: "MEDUSA-SKU",
  marketplace_id: DE,
  identifier: { type: "EAN", value: "4006381333931" },
  asin: "B0SANDBX01",
  product_type: "PRODUCT",
  condition: "new_new",
  price: { amount: 19.99, currency: "EUR" },
  quantity: 5,
  handling_days: 2,
  package_weight_kg: 0.18,
  withdrawn: false,
}
const plan = (d: DesiredListing = desired, issues: ListingPlan["issues"] = []): ListingPlan => ({ desired: d, hash: hashState(d), issues })
const managed = { manage_inventory: true, available: 5 }
const unmanaged = { manage_inventory: false, available: null }
const notManagedIssue = {
  source: "medusa" as const,
  code: "stock_not_managed",
  severity: "warning" as const,
  message: 'Variant X does not manage inventory, so Amazon is sent 0; turn on "Manage inventory" to offer it.',
  field: "manage_inventory",
}

/** A real seller's offer as Amazon shows it: sale price, repricer floor/ceiling, B2B tiers, lead time. */
const current = {
  purchasable_offer: [
    {
      marketplace_id: DE,
      currency: "EUR",
      audience: "ALL",
      our_price: [{ schedule: [{ value_with_tax: 24.99 }] }],
      discounted_price: [{ schedule: [{ value_with_tax: 21.99, start_at: "2026-12-01T00:00:00Z", end_at: "2026-12-31T00:00:00Z" }] }],
      minimum_seller_allowed_price: [{ schedule: [{ value_with_tax: 18 }] }],
      maximum_seller_allowed_price: [{ schedule: [{ value_with_tax: 30 }] }],
    },
    {
      marketplace_id: DE,
      currency: "EUR",
      audience: "B2B",
      our_price: [{ schedule: [{ value_with_tax: 22.5 }] }],
      quantity_discount_plan: [{ schedule: [{ discount_type: "fixed", levels: [{ lower_bound: 10, value: 20 }] }] }],
    },
  ],
  fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 3, lead_time_to_ship_max_days: 5, restock_date: "2026-12-20" }],
  merchant_shipping_group: [{ value: "legacy-template-id", marketplace_id: DE }],
}

describe("adoptKnownOffer", () => {
  it("sends an offer Amazon has under the listing's own SKU, condition and FBA channel — never a quantity for FBA", () => {
    const fba = adoptKnownOffer(plan(desired, [{ ...notManagedIssue, code: "zero_stock" }]), managed, {
      sku: "AMZ-SKU",
      fulfillment_channel: "AMAZON_EU",
      condition_type: "used_very_good",
      offered: true,
    })
    expect(fba.desired).toMatchObject({ sku: "AMZ-SKU", condition: "used_very_good", fulfillment_channel: "AMAZON_EU", quantity: null })
    expect(fba.hash).toBe(hashState(fba.desired))
    expect(fba.issues).toEqual([]) // Amazon holds FBA stock: no stock warnings
  })

  it("keeps a merchant offer's hash as it was (no channel field for DEFAULT)", () => {
    const mfn = adoptKnownOffer(plan(), managed, { sku: "MEDUSA-SKU", fulfillment_channel: "DEFAULT", condition_type: "new_new", offered: true })
    expect(mfn.hash).toBe(hashState(desired))
    expect(mfn.desired).not.toHaveProperty("fulfillment_channel")
  })

  it.each([
    ["an existing offer, unmanaged stock → quantity left as Amazon has it", true, false, null],
    ["a new offer, unmanaged stock → 0 (it is not created, see sendability)", false, false, 0],
    ["an existing offer of a withdrawn product, unmanaged → 0 (taken off sale)", true, true, 0],
  ])("%s", (_label, offered, withdrawn, quantity) => {
    const d = { ...desired, quantity: 0, withdrawn }
    const result = adoptKnownOffer(plan(d, [notManagedIssue]), unmanaged, { sku: "S", fulfillment_channel: null, condition_type: null, offered })
    expect(result.desired!.quantity).toBe(quantity)
    if (quantity === null) expect(result.issues[0].message).toMatch(/left as it is/)
  })

  it("leaves a plan without a known listing or without a desired state alone", () => {
    const p = plan()
    expect(adoptKnownOffer(p, managed, null)).toBe(p)
    const blocked: ListingPlan = { desired: null, hash: null, issues: [] }
    expect(adoptKnownOffer(blocked, managed, { sku: "S", fulfillment_channel: null, condition_type: null, offered: true })).toBe(blocked)
  })

  it.each([
    ["DEFAULT", false],
    ["default", false],
    [null, false],
    ["AMAZON_EU", true],
    ["AMAZON_NA", true],
  ])("isFbaChannel(%j) = %j", (channel, fba) => expect(isFbaChannel(channel)).toBe(fba))
})

describe("patchFields", () => {
  const amazon = { price: 19.99, quantity: 5 }
  it.each<[string, DesiredListing | null, Partial<DesiredListing>, { price: number | null; quantity: number | null }, string[]]>([
    ["nothing changed since our last send", desired, {}, amazon, []],
    ["a price change patches only the price", desired, { price: { amount: 17.5, currency: "EUR" } }, amazon, ["price"]],
    ["a stock change patches only the stock", desired, { quantity: 9 }, amazon, ["quantity"]],
    ["a withdrawal zeroes the stock", { ...desired, quantity: 0 }, { quantity: 0, withdrawn: true }, amazon, ["quantity"]],
    ["a handling time change", desired, { handling_days: 4 }, amazon, ["handling_days"]],
    ["a weight change", desired, { package_weight_kg: 0.2 }, amazon, ["package_weight_kg"]],
    ["identifier / condition / product type are the seller's", desired, { identifier: null, condition: "used_good", product_type: "SHIRT" }, amazon, []],
    ["an FBA offer never gets stock", { ...desired, fulfillment_channel: "AMAZON_EU", quantity: null }, { fulfillment_channel: "AMAZON_EU", quantity: null, handling_days: 9 }, amazon, []],
    ["unmanaged stock is never sent", desired, { quantity: null }, amazon, []],
    ["imported, never sent: matches Amazon", null, {}, amazon, []],
    ["imported, never sent: other price", null, {}, { price: 24.99, quantity: 5 }, ["price"]],
    ["imported, never sent: other stock", null, {}, { price: 19.99, quantity: 3 }, ["quantity"]],
    ["a withdrawn offer only loses its stock, never gets a price", desired, { quantity: 0, withdrawn: true, price: { amount: 1, currency: "EUR" } }, amazon, ["quantity"]],
    ["a withdrawn offer already zeroed: nothing", { ...desired, quantity: 0, withdrawn: true, price: null }, { quantity: 0, withdrawn: true }, amazon, []],
    ["imported FBA, never sent", null, { fulfillment_channel: "AMAZON_EU", quantity: null }, { price: 19.99, quantity: null }, []],
  ])("%s", (_label, sent, change, amazonNow, fields) => {
    expect(patchFields(sent, { ...desired, ...change }, amazonNow)).toEqual(fields)
  })
})

describe("patches of an offer Amazon has", () => {
  it("a price patch replaces purchasable_offer with Amazon's offer and only our_price changed", () => {
    const value = priceValue({ ...desired, price: { amount: 17.5, currency: "EUR" } }, current)!
    expect(value).toEqual([
      { ...current.purchasable_offer[0], our_price: [{ schedule: [{ value_with_tax: 17.5 }] }] },
      current.purchasable_offer[1], // B2B untouched
    ])
  })

  it("a price patch of an offer without a consumer price adds one, keeping the B2B offer", () => {
    const value = priceValue(desired, { purchasable_offer: [current.purchasable_offer[1]] })!
    expect(value).toEqual([current.purchasable_offer[1], { marketplace_id: DE, currency: "EUR", audience: "ALL", our_price: [{ schedule: [{ value_with_tax: 19.99 }] }] }])
  })

  it("a stock patch keeps Amazon's lead time and restock date unless the handling time changed", () => {
    expect(stockValue({ ...desired, quantity: 9 }, ["quantity"], current)).toEqual([
      { fulfillment_channel_code: "DEFAULT", quantity: 9, lead_time_to_ship_max_days: 5, restock_date: "2026-12-20" },
    ])
    expect(stockValue(desired, ["handling_days"], current)).toEqual([
      { fulfillment_channel_code: "DEFAULT", quantity: 5, lead_time_to_ship_max_days: 2, restock_date: "2026-12-20" },
    ])
  })

  it("never sends DEFAULT to an offer Amazon shows as FBA, nor stock for an FBA or unmanaged one", () => {
    const fbaNow = { fulfillment_availability: [{ fulfillment_channel_code: "AMAZON_EU" }] }
    expect(stockValue(desired, ["quantity"], fbaNow)).toBeNull()
    expect(stockValue({ ...desired, fulfillment_channel: "AMAZON_EU", quantity: null }, ["quantity"], null)).toBeNull()
    expect(stockValue({ ...desired, quantity: null }, ["quantity"], current)).toBeNull()
    expect(offerPatches({ ...desired, fulfillment_channel: "AMAZON_EU", quantity: null }, ["price", "quantity"], current).map((p) => p.path)).toEqual([
      "/attributes/purchasable_offer",
    ])
  })

  it("one patch per changed part, nothing else", () => {
    expect(offerPatches(desired, ["quantity"], current).map((p) => p.path)).toEqual(["/attributes/fulfillment_availability"])
    expect(offerPatches(desired, ["price"], current).map((p) => p.path)).toEqual(["/attributes/purchasable_offer"])
    expect(offerPatches(desired, ["package_weight_kg"], current).map((p) => p.path)).toEqual(["/attributes/item_package_weight"])
    expect(offerPatches(desired, [], current)).toEqual([])
  })

  it("a new offer carries the listing's condition; an FBA or unmanaged one no fulfillment_availability", () => {
    expect(offerAttributes({ ...desired, condition: "used_like_new" }).condition_type).toEqual([{ value: "used_like_new", marketplace_id: DE }])
    expect(offerAttributes({ ...desired, quantity: null })).not.toHaveProperty("fulfillment_availability")
    expect(offerAttributes({ ...desired, fulfillment_channel: "AMAZON_EU", quantity: null })).not.toHaveProperty("fulfillment_availability")
  })

  const schemaFile = path.join(MODELS, "schemas/feeds/listings-feed-schema-v2.json")
  ;(existsSync(schemaFile) ? it : it.skip)("PATCH and DELETE messages validate against Amazon's JSON_LISTINGS_FEED schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")))
    const doc = feedDocument("A2SELLER", [
      feedMessage(1, "patch", desired, {}, { fields: ["price"], current }),
      feedMessage(2, "patch", desired, {}, { fields: ["quantity", "handling_days"], current }),
      feedMessage(3, "delete", desired),
    ])
    expect(validate(doc)).toBe(true)
    expect(doc.messages[2]).toEqual({ messageId: 3, sku: "MEDUSA-SKU", operationType: "DELETE" })
  })
})

describe("switchOffChange", () => {
  const row: SwitchedOffListing = {
    sku: "AMZ-SKU",
    marketplace_id: DE,
    asin: "B0SANDBX01",
    product_type: "HOME",
    status: "active",
    fulfillment_channel: "DEFAULT",
    condition_type: "used_good",
    sent_hash: null,
    sent_state: null,
    desired_hash: null,
  }

  it("zeroes a merchant offer Amazon has: a stock-only patch, no price", () => {
    const change = switchOffChange(row, "zero", 2)!
    expect(change.operation).toBe("patch")
    expect(change.payload).toMatchObject({ sku: "AMZ-SKU", quantity: 0, withdrawn: true, price: null, condition: "used_good", patch_fields: ["quantity"] })
    expect(offerPatches(change.payload, change.payload.patch_fields, current)).toEqual([
      { op: "replace", path: "/attributes/fulfillment_availability", value: [{ ...current.fulfillment_availability[0], quantity: 0 }] },
    ])
  })

  it("deletes it when the store says so", () => {
    const change = switchOffChange(row, "delete", 2)!
    expect(change.operation).toBe("delete")
    expect(feedMessage(1, change.operation, change.payload)).toEqual({ messageId: 1, sku: "AMZ-SKU", operationType: "DELETE" })
  })

  it.each<[string, Partial<SwitchedOffListing>]>([
    ["an FBA offer", { fulfillment_channel: "AMAZON_EU" }],
    ["a listing Amazon does not have", { status: "draft", asin: null }],
    ["a deleted one", { status: "deleted", sent_hash: "x" }],
  ])("leaves %s alone", (_label, change) => {
    expect(switchOffChange({ ...row, ...change }, "zero", 2)).toBeNull()
  })

  it("is idempotent: a listing already withdrawn this way is not queued again", () => {
    const first = switchOffChange(row, "zero", 2)!
    expect(switchOffChange({ ...row, desired_hash: first.hash }, "zero", 2)).toBeNull()
    expect(switchOffChange({ ...row, desired_hash: first.hash }, "delete", 2)).not.toBeNull()
  })
})
