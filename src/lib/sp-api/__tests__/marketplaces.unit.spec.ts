import { getMarketplace, isKnownMarketplace, MARKETPLACES, marketplacesOfRegion, regionOf } from "../marketplaces"

describe("marketplaces", () => {
  it.each([
    ["ATVPDKIKX0DER", "US", "na", "USD", "https://sellercentral.amazon.com"],
    ["A1PA6795UKMFR9", "DE", "eu", "EUR", "https://sellercentral-europe.amazon.com"],
    ["A1F83G8C2ARO7P", "GB", "eu", "GBP", "https://sellercentral-europe.amazon.com"],
    ["A1C3SOZRARQ6R3", "PL", "eu", "PLN", "https://sellercentral.amazon.pl"],
    ["A28R8C7NBKEWEA", "IE", "eu", "EUR", "https://sellercentral.amazon.ie"],
    ["AE08WJ6YKNBMC", "ZA", "eu", "ZAR", "https://sellercentral.amazon.co.za"],
    ["A1VC38T7YXB528", "JP", "fe", "JPY", "https://sellercentral.amazon.co.jp"],
    ["A39IBJ37TRP1C6", "AU", "fe", "AUD", "https://sellercentral.amazon.com.au"],
  ])("%s is %s in region %s, selling in %s", (id, country, region, currency, sellerCentral) => {
    expect(getMarketplace(id)).toMatchObject({
      id,
      country_code: country,
      region,
      currency_code: currency,
      seller_central_url: sellerCentral,
    })
    expect(regionOf(id)).toBe(region)
  })

  it("has every marketplace of Amazon's list once, none of the non-Amazon pseudo-marketplaces", () => {
    const ids = MARKETPLACES.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(23)
    expect(MARKETPLACES.every((m) => /^https:\/\/sellercentral/.test(m.seller_central_url))).toBe(true)
    expect(isKnownMarketplace("A38D8NSA03LJTC")).toBe(false) // "Germany - Non-Amazon"
  })

  it("groups by region", () => {
    expect(marketplacesOfRegion("na").map((m) => m.country_code).sort()).toEqual(["BR", "CA", "MX", "US"])
    expect(marketplacesOfRegion("fe").map((m) => m.country_code).sort()).toEqual(["AU", "JP", "SG"])
  })

  it("refuses an unknown id", () => {
    expect(isKnownMarketplace("NOPE")).toBe(false)
    expect(() => regionOf("NOPE")).toThrow(/Unknown Amazon marketplace id "NOPE"/)
  })
})
