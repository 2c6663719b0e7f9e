import { planRefund, isSendable, type RefundPlanOrder } from "../refund-plan"

const us: RefundPlanOrder = {
  amazon_order_id: "111-0000001-0000001",
  currency: "USD",
  country_code: "US",
  fulfillment_channel: "MFN",
  amazon_status: "SHIPPED",
  items: [
    {
      order_item_id: "A1",
      sku: "SKU-A",
      asin: null,
      title: null,
      quantity: 3,
      unit_price: "10.00",
      shipping_price: "4.99",
      quantity_shipped: 3,
      money: { charges: { ITEM: "30.00", SHIPPING: "4.99" }, taxes: { ITEM: "2.40", SHIPPING: "0.40" }, discounts: { ITEM: "3.00" }, total: null, promotion_ids: [], tax_collection: null },
    },
  ],
}

const de: RefundPlanOrder = { ...us, currency: "EUR", country_code: "DE", items: [{ ...us.items[0], money: { ...us.items[0].money!, taxes: { ITEM: "4.31" } } }] }
const jp: RefundPlanOrder = {
  ...us,
  currency: "JPY",
  country_code: "JP",
  items: [{ ...us.items[0], unit_price: "1099", money: { charges: { ITEM: "3297", SHIPPING: "300" }, taxes: { ITEM: "300" }, discounts: {}, total: null, promotion_ids: [], tax_collection: null } }],
}

describe("refund planner", () => {
  it("US full refund: principal net of discounts, the item's tax, shipping and shipping tax once", () => {
    const plan = planRefund(us, [], { items: [{ amazon_order_item_id: "A1", shipping: true }] })
    expect(plan.refused).toEqual([])
    expect(plan.reason).toBe("CustomerReturn")
    expect(plan.lines).toEqual([
      { amazon_order_item_id: "A1", sku: "SKU-A", quantity: 3, principal: "27.00", tax: "2.40", shipping: "4.99", shipping_tax: "0.40", reason: "CustomerReturn" },
    ])
    expect(plan.total).toBe("34.79")
    expect(isSendable(plan)).toBe(true)
  })

  it("partial units share the proceeds; the last units take what is left (to the cent)", () => {
    const first = planRefund(us, [], { items: [{ amazon_order_item_id: "A1", quantity: 1 }] })
    expect(first.lines[0]).toMatchObject({ quantity: 1, principal: "9.00", tax: "0.80" })
    const ledger = [{ direction: "out" as const, status: "accepted", lines: first.lines }]
    const rest = planRefund(us, ledger, { items: [{ amazon_order_item_id: "A1" }] })
    expect(rest.lines[0]).toMatchObject({ quantity: 2, principal: "18.00", tax: "0.00" })
    expect(rest.notes.join(" ")).toMatch(/tax was already refunded once/)
    const none = planRefund(us, [...ledger, { direction: "out", status: "sent", lines: rest.lines }], { items: [{ amazon_order_item_id: "A1" }] })
    expect(none.lines).toEqual([])
    expect(isSendable(none)).toBe(false)
  })

  it("caps an amount at what is left and refuses more", () => {
    const ledger = [{ direction: "out" as const, status: "accepted", lines: [{ amazon_order_item_id: "A1", quantity: 0, principal: "20.00" }] }]
    expect(planRefund(us, ledger, { items: [{ amazon_order_item_id: "A1", amount: "7.00" }] }).lines[0].principal).toBe("7.00")
    const over = planRefund(us, ledger, { items: [{ amazon_order_item_id: "A1", amount: "7.01" }] })
    expect(over.lines).toEqual([])
    expect(over.refused[0].reason).toMatch(/At most 7\.00 USD/)
  })

  it("rejected adjustments do not count; shipping is refunded once", () => {
    const rejected = [{ direction: "out" as const, status: "rejected", lines: [{ amazon_order_item_id: "A1", quantity: 3, principal: "27.00", shipping: "4.99" }] }]
    expect(planRefund(us, rejected, { items: [{ amazon_order_item_id: "A1", shipping: true }] }).total).toBe("34.79")
    const shipped = [{ direction: "out" as const, status: "accepted", lines: [{ amazon_order_item_id: "A1", quantity: 0, principal: "0", shipping: "4.99" }] }]
    const again = planRefund(us, shipped, { items: [{ amazon_order_item_id: "A1", quantity: 0, shipping: true }] })
    expect(again.refused[0].reason).toMatch(/shipping was already refunded/)
  })

  it("tax-inclusive marketplaces send the gross price and no Tax (DE, JP in yen)", () => {
    const plan = planRefund(de, [], { items: [{ amazon_order_item_id: "A1", quantity: 1, shipping: true }] })
    expect(plan.tax_inclusive).toBe(true)
    expect(plan.lines[0]).toMatchObject({ principal: "9.00", tax: "0.00", shipping: "4.99", shipping_tax: "0.00" })
    const yen = planRefund(jp, [], { items: [{ amazon_order_item_id: "A1", quantity: 1 }] })
    expect(yen.lines[0]).toMatchObject({ principal: "1099.00", tax: "0.00" })
    const third = planRefund(jp, [], { items: [{ amazon_order_item_id: "A1", amount: "1000.4" }] })
    expect(third.lines[0].principal).toBe("1000.00")
  })

  it("refuses an item Amazon already refunded itself, with the reason", () => {
    const inbound = [{ direction: "in" as const, status: "recorded", posted_at: "2026-11-02T10:00:00Z", lines: [{ amazon_order_item_id: "A1", quantity: 1, principal: "9.00" }] }]
    const plan = planRefund(us, inbound, { items: [{ amazon_order_item_id: "A1", quantity: 1 }] })
    expect(plan.lines).toEqual([])
    expect(plan.refused[0].reason).toMatch(/Amazon already refunded this item itself on 2026-11-02/)
  })

  it("counts the Finances echo of our own adjustment once (through the outbound row), never as Amazon's own refund", () => {
    const ours = { id: "amzrf_1", direction: "out" as const, status: "accepted", lines: [{ amazon_order_item_id: "A1", quantity: 1, principal: "9.00", tax: "0.80" }] }
    const echo = { direction: "in" as const, status: "recorded", echo_of: "amzrf_1", posted_at: "2026-11-04T10:00:00Z", lines: [{ amazon_order_item_id: "A1", quantity: 1, principal: "9.00", tax: "0.80" }] }
    const plan = planRefund(us, [ours, echo], { items: [{ amazon_order_item_id: "A1" }] })
    expect(plan.refused).toEqual([])
    expect(plan.lines[0]).toMatchObject({ quantity: 2, principal: "18.00" })
  })

  it("refuses unknown items, AFN orders, unknown reasons; default reason NoInventory before shipping", () => {
    expect(planRefund(us, [], { items: [{ amazon_order_item_id: "ZZ" }] }).refused[0].reason).toMatch(/has no item ZZ/)
    expect(planRefund({ ...us, fulfillment_channel: "AFN" }, [], { items: [{ amazon_order_item_id: "A1" }] }).refused[0].reason).toMatch(/AFN/)
    expect(planRefund(us, [], { items: [{ amazon_order_item_id: "A1" }], reason: "Because" as never }).refused[0].reason).toMatch(/not one of Amazon's/)
    expect(planRefund({ ...us, amazon_status: "UNSHIPPED" }, [], { items: [{ amazon_order_item_id: "A1" }] }).reason).toBe("NoInventory")
  })
})
