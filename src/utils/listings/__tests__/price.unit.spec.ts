import { pricesIncludeTax } from "../../../lib/sp-api/marketplaces"
import { currencyDigits } from "../../orders/decimal"
import { amazonPrice, pickBasePrice, roundToCurrency, type PriceFact, type PriceTax } from "../price"

const eur = (amount: number, more: Partial<PriceFact> = {}): PriceFact => ({ amount, currency_code: "eur", ...more })

describe("pickBasePrice", () => {
  it.each<[string, PriceFact[], string | null, number | null]>([
    ["the currency price", [eur(20)], null, 20],
    ["the region price over the currency price", [eur(20), eur(18, { region_id: "reg_de" })], "reg_de", 18],
    ["another region's price is not this one's", [eur(20), eur(18, { region_id: "reg_fr" })], "reg_de", 20],
    ["an active sale price list never", [eur(15, { price_list_id: "plist_sale" }), eur(20)], null, 20],
    ["a draft or expired price list never", [eur(9, { price_list_id: "plist_draft" })], null, null],
    ["a customer-group (B2B) price never", [eur(12, { other_rules: ["customer_group_id"] }), eur(20)], null, 20],
    ["a quantity tier never", [eur(14, { min_quantity: 10 }), eur(20, { min_quantity: 1 })], null, 20],
    ["another currency never", [{ amount: 25, currency_code: "usd" }], null, null],
    ["the currency matches case-insensitively", [{ amount: 25, currency_code: "EUR" }], null, 25],
  ])("%s", (_label, prices, regionId, expected) => {
    expect(pickBasePrice(prices, "EUR", regionId)?.amount ?? null).toBe(expected)
  })
})

describe("roundToCurrency", () => {
  it.each<[number, string, number]>([
    [19.99, "EUR", 19.99],
    [23.7881, "EUR", 23.79],
    [1.005, "EUR", 1.01],
    [2.675, "GBP", 2.68],
    [1234.5, "JPY", 1235],
    [1234.4999, "JPY", 1234],
    [10.0049, "USD", 10],
    [1.2345, "KWD", 1.235],
  ])("%d %s → %d", (amount, currency, expected) => {
    expect(roundToCurrency(amount, currency)).toBe(expected)
  })

  it("knows the minor units", () => {
    expect([currencyDigits("JPY"), currencyDigits("EUR"), currencyDigits("SEK")]).toEqual([0, 2, 2])
  })
})

describe("pricesIncludeTax", () => {
  it.each([["DE", true], ["GB", true], ["JP", true], ["US", false], ["CA", false], ["ca", false]] as const)("%s → %s", (country, inclusive) => {
    expect(pricesIncludeTax(country)).toBe(inclusive)
  })
})

describe("amazonPrice", () => {
  const tax = (more: Partial<PriceTax> = {}): PriceTax => ({
    region_inclusive: null,
    currency_inclusive: null,
    marketplace_inclusive: true,
    rate_percent: 19,
    country_code: "DE",
    ...more,
  })
  it.each<[string, PriceFact, PriceTax, number]>([
    ["inclusive Medusa price to an inclusive marketplace: as is", eur(19.99), tax({ currency_inclusive: true }), 19.99],
    ["exclusive Medusa price to Germany: + 19 % VAT", eur(19.99), tax({ currency_inclusive: false }), 23.79],
    ["no preference is Medusa's default, exclusive", eur(10), tax(), 11.9],
    ["the region's preference wins for a region price", eur(10, { region_id: "reg_de" }), tax({ region_inclusive: true, currency_inclusive: false }), 10],
    ["a currency price follows the currency's preference", eur(10), tax({ region_inclusive: false, currency_inclusive: true }), 10],
    ["inclusive Medusa price to the US: tax taken out", { amount: 10.8, currency_code: "usd" }, tax({ currency_inclusive: true, marketplace_inclusive: false, rate_percent: 8, country_code: "US" }), 10],
    ["exclusive to the US: as is", { amount: 10.8, currency_code: "usd" }, tax({ currency_inclusive: false, marketplace_inclusive: false, rate_percent: null, country_code: "US" }), 10.8],
    ["Japan: + 10 %, whole yen", { amount: 1999, currency_code: "jpy" }, tax({ currency_inclusive: false, rate_percent: 10, country_code: "JP" }), 2199],
    ["Japan inclusive: whole yen", { amount: 1999.5, currency_code: "jpy" }, tax({ currency_inclusive: true, rate_percent: 10, country_code: "JP" }), 2000],
    ["no rate for the country: as Medusa's checkout charges it", eur(19.99), tax({ currency_inclusive: false, rate_percent: null }), 19.99],
  ])("%s", (_label, price, t, expected) => {
    expect(amazonPrice(price, t)).toBe(expected)
  })
})
