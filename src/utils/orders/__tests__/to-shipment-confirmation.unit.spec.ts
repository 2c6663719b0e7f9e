import { type FulfillmentForShipment, toShipmentConfirmation } from "../to-shipment-confirmation"

const fulfillment = (overrides: Partial<FulfillmentForShipment> = {}): FulfillmentForShipment => ({
  id: "ful_1",
  provider_id: "manual_manual",
  shipped_at: "2026-11-21T09:30:00.000Z",
  created_at: "2026-11-21T08:00:00.000Z",
  data: {},
  labels: [{ tracking_number: "00340434161234567890" }],
  items: [
    { line_item_id: "ordli_1", quantity: 1 },
    { line_item_id: "ordli_2", quantity: 2 },
  ],
  shipping_option_name: "DHL Paket",
  ...overrides,
})

const amazon_item_ids = { ordli_1: "111", ordli_2: "222" }

describe("toShipmentConfirmation", () => {
  it("reports Amazon's item ids, the tracking number, the carrier code and the ship date", () => {
    expect(toShipmentConfirmation({ fulfillment: fulfillment(), amazon_item_ids, shipments_so_far: 0 })).toEqual({
      package_reference_id: "1",
      carrier_code: "DHL",
      carrier_name: null,
      shipping_method: "DHL Paket",
      tracking_number: "00340434161234567890",
      ship_date: new Date("2026-11-21T09:30:00.000Z"),
      items: [
        { order_item_id: "111", quantity: 1 },
        { order_item_id: "222", quantity: 2 },
      ],
      problem: null,
    })
  })

  it.each([
    ["numbers packages per order", { }, 2, { package_reference_id: "3" }],
    ["uses the provider's carrier over the option's name", { data: { carrier_code: "UPS" } }, 0, { carrier_code: "UPS" }],
    ["falls back to Other + name", { shipping_option_name: "Kurier Schmidt" }, 0, { carrier_code: "Other", carrier_name: "Kurier Schmidt" }],
    ["takes the first label with a number", { labels: [{ tracking_number: " " }, { tracking_number: "1Z999" }] }, 0, { tracking_number: "1Z999" }],
    ["uses the creation time when not shipped", { shipped_at: null }, 0, { ship_date: new Date("2026-11-21T08:00:00.000Z") }],
    ["adds up split lines, skips lines not from Amazon", { items: [{ line_item_id: "ordli_1", quantity: 1 }, { line_item_id: "ordli_1", quantity: 1 }, { line_item_id: "other", quantity: 5 }] }, 0, { items: [{ order_item_id: "111", quantity: 2 }], problem: null }],
  ])("%s", (_, overrides, sofar, expected) => {
    expect(toShipmentConfirmation({ fulfillment: fulfillment(overrides as Partial<FulfillmentForShipment>), amazon_item_ids, shipments_so_far: sofar })).toMatchObject(expected)
  })

  it.each([
    ["no tracking number", { labels: [] }, /tracking number/],
    ["no Amazon item", { items: [{ line_item_id: "other", quantity: 1 }] }, /nothing to confirm/],
  ])("says what is wrong when there is %s", (_, overrides, problem) => {
    expect(toShipmentConfirmation({ fulfillment: fulfillment(overrides as Partial<FulfillmentForShipment>), amazon_item_ids, shipments_so_far: 0 }).problem).toMatch(problem)
  })
})
