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
    expect(toShipmentConfirmation({ fulfillment: fulfillment(), amazon_item_ids, taken_package_reference_ids: [] })).toEqual({
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
    ["numbers packages per order", { }, ["1", "2"], { package_reference_id: "3" }],
    ["never reuses a number after a gap", { }, ["1", "3"], { package_reference_id: "4" }],
    ["uses the provider's carrier over the option's name", { data: { carrier_code: "UPS" } }, [] as string[], { carrier_code: "UPS" }],
    ["falls back to Other + name", { shipping_option_name: "Kurier Schmidt" }, [] as string[], { carrier_code: "Other", carrier_name: "Kurier Schmidt" }],
    ["takes the first label with a number", { labels: [{ tracking_number: " " }, { tracking_number: "1Z999" }] }, [] as string[], { tracking_number: "1Z999" }],
    ["uses the creation time when not shipped", { shipped_at: null }, [] as string[], { ship_date: new Date("2026-11-21T08:00:00.000Z") }],
    ["adds up split lines, skips lines not from Amazon", { items: [{ line_item_id: "ordli_1", quantity: 1 }, { line_item_id: "ordli_1", quantity: 1 }, { line_item_id: "other", quantity: 5 }] }, [] as string[], { items: [{ order_item_id: "111", quantity: 2 }], problem: null }],
  ])("%s", (_, overrides, taken, expected) => {
    expect(toShipmentConfirmation({ fulfillment: fulfillment(overrides as Partial<FulfillmentForShipment>), amazon_item_ids, taken_package_reference_ids: taken })).toMatchObject(expected)
  })

  it.each([
    ["no tracking number", { labels: [] }, /tracking number/],
    ["no Amazon item", { items: [{ line_item_id: "other", quantity: 1 }] }, /nothing to confirm/],
  ])("says what is wrong when there is %s", (_, overrides, problem) => {
    expect(toShipmentConfirmation({ fulfillment: fulfillment(overrides as Partial<FulfillmentForShipment>), amazon_item_ids, taken_package_reference_ids: [] }).problem).toMatch(problem)
  })
})
