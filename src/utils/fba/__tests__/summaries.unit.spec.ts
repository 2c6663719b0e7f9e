import { readFileSync } from "node:fs"
import { join } from "node:path"
import { computeAvailability } from "../availability"
import { mergeSummaries, toFbaLevel, toFbaQuantities } from "../summaries"

const modelsDir = process.env.AMAZON_SP_API_MODELS_DIR ?? join(__dirname, "../../../../../shared/amazon-sp-api")

const summary = {
  asin: "B0SANDBX04",
  fnSku: "X00ABC",
  sellerSku: "DEMO-BOOK",
  condition: "NewItem",
  lastUpdatedTime: "2026-12-05T10:00:00Z",
  inventoryDetails: {
    fulfillableQuantity: 14,
    inboundWorkingQuantity: 1,
    inboundShippedQuantity: 6,
    inboundReceivingQuantity: 2,
    reservedQuantity: { totalReservedQuantity: 2, pendingCustomerOrderQuantity: 2 },
    researchingQuantity: { totalResearchingQuantity: 0 },
    unfulfillableQuantity: { totalUnfulfillableQuantity: 1, customerDamagedQuantity: 1 },
  },
}

describe("FBA summaries → quantities and levels", () => {
  it("reads the model's fields (every one we read exists in Amazon's InventorySummary)", () => {
    const model = JSON.parse(readFileSync(join(modelsDir, "models/fba-inventory-api-model/fbaInventory.json"), "utf8"))
    const defs = model.definitions
    for (const field of ["sellerSku", "asin", "fnSku", "lastUpdatedTime", "inventoryDetails"]) expect(defs.InventorySummary.properties).toHaveProperty(field)
    for (const field of ["fulfillableQuantity", "inboundWorkingQuantity", "inboundShippedQuantity", "inboundReceivingQuantity", "reservedQuantity", "researchingQuantity", "unfulfillableQuantity"])
      expect(defs.InventoryDetails.properties).toHaveProperty(field)
    expect(defs.ReservedQuantity.properties).toHaveProperty("totalReservedQuantity")
    expect(defs.UnfulfillableQuantity.properties).toHaveProperty("totalUnfulfillableQuantity")
  })

  it("maps fulfillable to stocked and the three inbound stages to incoming; keeps reserved/unfulfillable aside", () => {
    const q = toFbaQuantities(summary)!
    expect(q).toMatchObject({ sku: "DEMO-BOOK", asin: "B0SANDBX04", fnsku: "X00ABC", fulfillable: 14, reserved: 2, unfulfillable: 1, researching: 0 })
    expect(toFbaLevel(q)).toEqual({ stocked_quantity: 14, incoming_quantity: 9 })
  })

  it("drops a summary without SKU, counts missing or negative numbers as 0, ignores an empty date", () => {
    expect(toFbaQuantities({ ...summary, sellerSku: "  " })).toBeNull()
    const q = toFbaQuantities({ sellerSku: "X", lastUpdatedTime: "", inventoryDetails: { fulfillableQuantity: -3 } })!
    expect(q).toMatchObject({ fulfillable: 0, reserved: 0, amazon_updated_at: null, asin: null })
  })

  it("merges pages by SKU, the last answer winning", () => {
    const merged = mergeSummaries([[summary], [{ ...summary, inventoryDetails: { fulfillableQuantity: 3 } }], [{ sellerSku: "OTHER" }]])
    expect(merged.size).toBe(2)
    expect(merged.get("DEMO-BOOK")!.fulfillable).toBe(3)
  })

  it("computes merchant availability over the given locations only (FBA left out by the caller)", () => {
    const links = [
      { variant_id: "v", required_quantity: 1, inventory: { location_levels: [{ location_id: "wh", stocked_quantity: 25, reserved_quantity: 3 }, { location_id: "fba", available_quantity: 30 }] } },
    ]
    expect(computeAvailability(links, new Set(["wh"]))).toBe(22)
    expect(computeAvailability(links, new Set(["wh", "fba"]))).toBe(52)
    expect(computeAvailability([{ ...links[0], required_quantity: 2 }], new Set(["wh"]))).toBe(11)
    expect(computeAvailability([], new Set(["wh"]))).toBeNull()
  })
})
