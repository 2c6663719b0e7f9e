import { addressProblems, cancellableAtAmazon, describeMcf, ledgerStatusOf, speedOfOption, toLedgerItems, toMcfAddress, toMcfItems } from "../mapping"

describe("MCF mapping", () => {
  it("maps a Medusa address to Amazon's Address and says what is missing", () => {
    expect(toMcfAddress({ first_name: " Erika ", last_name: "Mustermann", address_1: "Hauptstr.  5", address_2: "", city: "Berlin", province: "BE", postal_code: "10115", country_code: "de", phone: "+49 30" })).toEqual({
      name: "Erika Mustermann",
      addressLine1: "Hauptstr. 5",
      city: "Berlin",
      stateOrRegion: "BE",
      postalCode: "10115",
      countryCode: "DE",
      phone: "+49 30",
    })
    expect(toMcfAddress({ company: "ACME GmbH", first_name: "Max", address_1: "Weg 1", postal_code: "1", country_code: "at" }).addressLine1).toBe("ACME GmbH, Weg 1")
    expect(addressProblems({ first_name: "", address_1: "x", city: "", postal_code: "1", country_code: "DEU" })).toEqual([
      "Amazon needs a recipient name, a city, a two-letter country code to ship this order",
    ])
    expect(addressProblems(null)).toEqual(["the order has no shipping address"])
  })

  it("maps items by SKU in whole units and refuses items without a SKU", () => {
    const { items, problems } = toLedgerItems([
      { id: "fulit_1", line_item_id: "ordli_1", sku: "DEMO-BOOK", quantity: 2, title: "Book" },
      { id: "fulit_2", line_item_id: "ordli_2", sku: "", quantity: 1, title: "Gift card" },
    ])
    expect(problems).toEqual(['"Gift card" has no SKU, so Amazon cannot ship it'])
    expect(toMcfItems(items)).toEqual([{ sellerSku: "DEMO-BOOK", sellerFulfillmentOrderItemId: "fulit_1", quantity: 2 }])
  })

  it("maps options and statuses", () => {
    expect(speedOfOption({ id: "mcf-priority" })).toBe("Priority")
    expect(speedOfOption({ id: "mcf-priority", shipping_speed: "Standard" })).toBeNull()
    expect(speedOfOption({ id: "manual-fulfillment" })).toBeNull()
    expect(["Received", "Planning", "Processing", "Complete", "CompletePartialled", "Unfulfillable", "Invalid", "Cancelled"].map(ledgerStatusOf)).toEqual([
      null, null, null, "shipped", "shipped", "unfulfillable", "unfulfillable", "cancelled",
    ])
    expect(["Received", "Planning", "Processing", "Complete"].map(cancellableAtAmazon)).toEqual([true, true, false, false])
    expect(
      describeMcf({ status: "shipped", amazon_status: "CompletePartialled", unfulfillable: [{ sku: "MUG", quantity: 3, unfulfillable_quantity: 1 }] })
    ).toBe("Partly shipped by Amazon; not shipped: 1 of 3 × MUG")
  })
})
