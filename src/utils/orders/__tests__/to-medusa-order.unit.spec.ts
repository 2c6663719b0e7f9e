import { splitName, toMedusaAddress, toMedusaOrderInput } from "../to-medusa-order"
import type { BuyerData } from "../types"

const buyer: BuyerData = {
  name: "Anna Maria Schmidt",
  email: "abc@marketplace.amazon.de",
  phone: "+49 30 1234",
  company: null,
  address: { address_1: "Gartenweg 1", address_2: "Hinterhaus", address_3: "3. OG", city: "Köln", district: null, province: "NRW", postal_code: "50667", country_code: "DE" },
}

describe("splitName", () => {
  it.each([
    ["Max Müller", "Max", "Müller"],
    ["Anna Maria Schmidt", "Anna Maria", "Schmidt"],
    ["  Cher ", "Cher", null],
    ["", null, null],
    [null, null, null],
  ])("%j → %j / %j", (name, first, last) => {
    expect(splitName(name)).toEqual({ first_name: first, last_name: last })
  })
})

describe("toMedusaAddress", () => {
  it("maps Amazon's address lines, lower-cases the country", () => {
    expect(toMedusaAddress(buyer, null)).toEqual({
      first_name: "Anna Maria",
      last_name: "Schmidt",
      company: null,
      address_1: "Gartenweg 1",
      address_2: "Hinterhaus, 3. OG",
      city: "Köln",
      province: "NRW",
      postal_code: "50667",
      country_code: "de",
      phone: "+49 30 1234",
    })
  })

  it("keeps only the country when there is no buyer data (FBA)", () => {
    expect(toMedusaAddress(null, "FR")).toMatchObject({ first_name: null, address_1: null, country_code: "fr" })
  })
})

describe("toMedusaOrderInput", () => {
  const base = {
    context: {
      amazon_order_id: "028-1",
      amazon_store_id: "amzst_1",
      marketplace_id: "A1PA6795UKMFR9",
      channel: "MFN" as const,
      currency_code: "EUR",
      region_id: "reg_1",
      sales_channel_id: "sc_1",
      customer_id: "cus_1",
      shipping_option: { id: "so_1", name: "Standard Shipping" },
    },
    buyer,
    ship_country_code: "DE",
    lines: [{ order_item_id: "i1", sku: "A", variant_id: "v1", quantity: 2, reserve_quantity: 2, shipped_quantity: 0 }],
    amazon_lines: [{ order_item_id: "i1", sku: "A", asin: "B0X", title: "Amazon title", quantity: 2, unit_price: "19.99", shipping_price: "4.90", quantity_shipped: 0 }],
    variants: { v1: { id: "v1", title: "S", sku: "A", product_id: "prod_1", product_title: "T-Shirt", product_handle: "t", thumbnail: null } },
  }

  it("uses Amazon's prices, tax included, Amazon's shipping on the default option, and keeps the item id", () => {
    const order = toMedusaOrderInput(base)
    expect(order).toMatchObject({
      region_id: "reg_1",
      sales_channel_id: "sc_1",
      customer_id: "cus_1",
      email: "abc@marketplace.amazon.de",
      currency_code: "eur",
      no_notification: true,
      items: [
        {
          title: "T-Shirt",
          variant_id: "v1",
          product_id: "prod_1",
          variant_sku: "A",
          quantity: 2,
          unit_price: "19.99",
          is_tax_inclusive: true,
          requires_shipping: true,
          metadata: { amazon_order_item_id: "i1", amazon_sku: "A", asin: "B0X" },
        },
      ],
      shipping_methods: [{ name: "Standard Shipping", amount: "4.90", shipping_option_id: "so_1", is_tax_inclusive: true }],
      metadata: { amazon_order_id: "028-1", amazon_store_id: "amzst_1", amazon_marketplace_id: "A1PA6795UKMFR9", amazon_fulfillment_channel: "MFN" },
    })
  })

  it("names the shipping line after Amazon for FBA orders, which need no shipping option", () => {
    const order = toMedusaOrderInput({ ...base, buyer: null, context: { ...base.context, channel: "AFN", shipping_option: null, customer_id: null } })
    expect(order.shipping_methods[0]).toMatchObject({ name: "Fulfilled by Amazon", shipping_option_id: null })
    expect(order.items[0].requires_shipping).toBe(false)
    expect(order.email).toBeNull()
  })
})
