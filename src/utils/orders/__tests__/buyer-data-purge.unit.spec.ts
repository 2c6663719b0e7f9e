import { isPurgeDue, purgeCutoff, purgedAddress, purgeDueAt } from "../buyer-data-purge"

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000)

describe("buyer data purge", () => {
  it.each([
    ["delivered 30 days ago", { delivered_at: day(0), latest_delivery_at: day(5) }, day(30), true],
    ["delivered 29 days ago", { delivered_at: day(1), latest_delivery_at: day(0) }, day(30), false],
    ["not delivered, latest delivery date 30 days ago", { delivered_at: null, latest_delivery_at: day(0) }, day(30), true],
    ["not delivered, latest delivery date 29 days ago", { delivered_at: null, latest_delivery_at: day(1) }, day(30), false],
    ["a delivery recorded after the latest date counts", { delivered_at: day(10), latest_delivery_at: day(0) }, day(35), false],
    ["no date at all", { delivered_at: null, latest_delivery_at: null }, day(400), false],
    ["already purged", { delivered_at: day(0), latest_delivery_at: null, buyer_data_purged_at: day(31) }, day(60), false],
  ])("%s → %s", (_, row, now, due) => {
    expect(isPurgeDue(row, now)).toBe(due)
  })

  it("is due 30 days after delivery", () => {
    expect(purgeDueAt({ delivered_at: "2026-11-01T00:00:00Z", latest_delivery_at: null })).toEqual(new Date("2026-12-01T00:00:00Z"))
    expect(purgeCutoff(day(30))).toEqual(day(0))
  })

  it("blanks every personal field of an address and keeps the country", () => {
    expect(purgedAddress({ first_name: "Max", address_1: "Hauptstraße 5", phone: "+49", country_code: "de" })).toEqual({
      first_name: null,
      last_name: null,
      company: null,
      address_1: null,
      address_2: null,
      city: null,
      province: null,
      postal_code: null,
      phone: null,
      metadata: null,
      country_code: "de",
    })
  })
})
