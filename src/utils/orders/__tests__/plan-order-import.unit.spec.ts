import { planOrderImport, type PlanOrderImportInput } from "../plan-order-import"
import type { AmazonOrderLine } from "../types"

const line = (sku: string, quantity = 1, extra: Partial<AmazonOrderLine> = {}): AmazonOrderLine => ({
  order_item_id: `item-${sku}`,
  sku,
  asin: null,
  title: null,
  quantity,
  unit_price: "10.00",
  shipping_price: "0.00",
  quantity_shipped: 0,
  ...extra,
})

function input(overrides: { row?: Partial<PlanOrderImportInput["row"]> } & Partial<Omit<PlanOrderImportInput, "row">> = {}): PlanOrderImportInput {
  const { row, ...rest } = overrides
  return {
    row: {
      amazon_status: "UNSHIPPED",
      fulfillment_channel: "MFN",
      order_id: null,
      import_status: "pending",
      items: [line("A", 1), line("B", 2)],
      has_buyer_data: true,
      ...row,
    },
    afn_orders: "import_fulfilled",
    medusa_order: null,
    variant_ids: { A: "variant_a", B: "variant_b" },
    region_id: "reg_1",
    sales_channel_id: "sc_1",
    shipping_option_id: "so_1",
    has_stock_location: true,
    ...rest,
  }
}

describe("planOrderImport — not imported yet", () => {
  it("creates an unshipped merchant order, reserving every unit", () => {
    expect(planOrderImport(input())).toEqual({
      action: "create",
      channel: "MFN",
      lines: [
        { order_item_id: "item-A", sku: "A", variant_id: "variant_a", quantity: 1, reserve_quantity: 1, shipped_quantity: 0 },
        { order_item_id: "item-B", sku: "B", variant_id: "variant_b", quantity: 2, reserve_quantity: 2, shipped_quantity: 0 },
      ],
    })
  })

  it("creates a shipped FBA order as fulfilled, reserving nothing, without shipping option or stock location", () => {
    const plan = planOrderImport(
      input({ row: { fulfillment_channel: "AFN", amazon_status: "SHIPPED", has_buyer_data: false }, shipping_option_id: null, has_stock_location: false })
    )
    expect(plan).toMatchObject({ action: "create", channel: "AFN" })
    expect(plan.action === "create" && plan.lines.map((l) => [l.reserve_quantity, l.shipped_quantity])).toEqual([[0, 1], [0, 2]])
  })

  it("reserves only what is left of a merchant order partly shipped outside Medusa", () => {
    const plan = planOrderImport(input({ row: { amazon_status: "PARTIALLY_SHIPPED", items: [line("B", 3, { quantity_shipped: 1 })] } }))
    expect(plan.action === "create" && plan.lines[0]).toMatchObject({ quantity: 3, reserve_quantity: 2, shipped_quantity: 1 })
  })

  it.each<[string, Partial<PlanOrderImportInput["row"]>]>([
    ["Amazon still pending", { amazon_status: "PENDING" }],
    ["pending availability (pre-order)", { amazon_status: "PENDING_AVAILABILITY" }],
    ["no price yet", { items: [line("A", 1, { unit_price: null })] }],
    ["no address yet (merchant order)", { has_buyer_data: false }],
    ["an FBA order Amazon has not shipped", { fulfillment_channel: "AFN", amazon_status: "UNSHIPPED" }],
  ])("waits when %s", (_, row) => {
    expect(planOrderImport(input({ row: { import_status: "failed", ...row } }))).toEqual({ action: "wait", import_status: "pending" })
    expect(planOrderImport(input({ row: { import_status: "pending", ...row } }))).toEqual({ action: "none" })
  })

  it.each([
    ["canceled before import", { amazon_status: "CANCELLED" }, {}, "canceled"],
    ["unfulfillable", { amazon_status: "UNFULFILLABLE" }, {}, "skipped"],
    ["an FBA order when the store skips them", { fulfillment_channel: "AFN", amazon_status: "SHIPPED" }, { afn_orders: "skip" }, "skipped"],
  ] as const)("records %s without a Medusa order", (_, row, rest, status) => {
    expect(planOrderImport(input({ row, ...rest }))).toEqual({ action: "record", import_status: status })
    expect(planOrderImport(input({ row: { ...row, import_status: status }, ...rest }))).toEqual({ action: "none" })
  })

  it("holds an order with an unknown SKU, naming it, and never drops it", () => {
    const plan = planOrderImport(input({ variant_ids: { A: "variant_a" } }))
    expect(plan).toEqual({
      action: "hold",
      import_status: "needs_attention",
      issues: [expect.objectContaining({ code: "unknown_sku", sku: "B", message: expect.stringContaining('"B"') })],
    })
  })

  it.each([
    ["no region for the currency", { region_id: null }, "no_region"],
    ["no sales channel", { sales_channel_id: null }, "no_sales_channel"],
    ["no shipping option", { shipping_option_id: null }, "no_shipping_option"],
    ["no stock location to reserve at", { has_stock_location: false }, "no_stock_location"],
  ] as const)("holds when there is %s", (_, rest, code) => {
    const plan = planOrderImport(input(rest))
    expect(plan).toMatchObject({ action: "hold", issues: [expect.objectContaining({ code })] })
  })

  it("lists every issue at once", () => {
    const plan = planOrderImport(input({ variant_ids: {}, region_id: null }))
    expect(plan.action === "hold" && plan.issues.map((i) => i.code)).toEqual(["unknown_sku", "unknown_sku", "no_region"])
  })
})

describe("planOrderImport — already imported", () => {
  const imported = { order_id: "order_1", import_status: "imported" as const }

  it("does nothing while Amazon's order goes its way", () => {
    for (const amazon_status of ["UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED"] as const) {
      expect(planOrderImport(input({ row: { ...imported, amazon_status }, medusa_order: { status: "pending", active_fulfillments: 0 } }))).toEqual({ action: "none" })
    }
  })

  it("never creates a second Medusa order, whatever the row says", () => {
    expect(planOrderImport(input({ row: { ...imported, import_status: "failed" } })).action).not.toBe("create")
  })

  it("cancels the Medusa order when Amazon cancels", () => {
    expect(
      planOrderImport(input({ row: { ...imported, amazon_status: "CANCELLED" }, medusa_order: { status: "pending", active_fulfillments: 0 } }))
    ).toEqual({ action: "cancel" })
  })

  it("records a cancellation that Medusa already has", () => {
    const row = { ...imported, amazon_status: "CANCELLED" as const }
    expect(planOrderImport(input({ row, medusa_order: { status: "canceled", active_fulfillments: 0 } }))).toEqual({ action: "record", import_status: "canceled" })
    expect(planOrderImport(input({ row: { ...row, import_status: "canceled" }, medusa_order: { status: "canceled", active_fulfillments: 0 } }))).toEqual({ action: "none" })
  })

  it.each([
    ["fulfilled", { status: "pending", active_fulfillments: 1 }],
    ["completed", { status: "completed", active_fulfillments: 0 }],
  ])("asks the merchant when Amazon cancels an order already %s", (_, medusa_order) => {
    expect(planOrderImport(input({ row: { ...imported, amazon_status: "CANCELLED" }, medusa_order }))).toMatchObject({
      action: "hold",
      issues: [expect.objectContaining({ code: "canceled_after_fulfillment" })],
    })
  })
})
