import { parseEcbDaily, EcbExchangeRateProvider } from "../exchange-rates"
import { decideListing, type ListingRule, rulesForMarketplace } from "../listing-rules"
import type { PriceFact, PriceTax } from "../price"
import { findRate, priceForMarketplace, type PricingRule, roundMinor, traceText } from "../pricing-rules"

const inclusive = (country: string, rate: number | null, medusaInclusive: boolean | null = true): PriceTax => ({
  region_inclusive: null,
  currency_inclusive: medusaInclusive,
  marketplace_inclusive: true,
  rate_percent: rate,
  country_code: country,
})
const rule = (more: Partial<PricingRule> = {}): PricingRule => ({
  id: "amzprule_1",
  name: "UK",
  source_currency: null,
  percent: 0,
  fixed_amount: 0,
  rounding: "none",
  min_price: null,
  max_price: null,
  ...more,
})
const eur = (amount: number, more: Partial<PriceFact> = {}): PriceFact => ({ amount, currency_code: "eur", ...more })
const RATES = [{ base: "EUR", quote: "GBP", rate: 0.8573, date: "2026-12-04", source: "ecb" }, { base: "EUR", quote: "JPY", rate: 162.31, date: "2026-12-04", source: "ecb" }]

describe("roundMinor", () => {
  it.each<[number, number, "none" | "whole" | "ends_99" | "ends_95", number]>([
    [2090, 2, "ends_99", 2099],
    [2100, 2, "ends_99", 2099],
    [2160, 2, "ends_99", 2199],
    [10, 2, "ends_99", 99],
    [2090, 2, "ends_95", 2095],
    [2140, 2, "ends_95", 2095],
    [2149, 2, "whole", 2100],
    [2150, 2, "whole", 2200],
    [2149, 2, "none", 2149],
    [1234, 0, "ends_99", 1234], // JPY has no .99: whole yen
    [1234, 0, "whole", 1234],
  ])("%i minor (%i digits) %s → %i", (minor, digits, mode, expected) => {
    expect(roundMinor(minor, digits, mode).minor).toBe(expected)
  })

  it("says when a currency without minor units rounds to whole units instead", () => {
    expect(roundMinor(1234, 0, "ends_99").applied).toBe("whole")
  })
})

describe("findRate", () => {
  it("direct, inverse and across EUR, with the older date", () => {
    expect(findRate(RATES, "EUR", "GBP")?.rate).toBe(0.8573)
    expect(findRate(RATES, "GBP", "EUR")?.rate).toBeCloseTo(1 / 0.8573, 10)
    const crossed = findRate([...RATES, { base: "EUR", quote: "USD", rate: 1.05, date: "2026-12-03", source: "manual" }], "USD", "GBP")!
    expect(crossed.rate).toBeCloseTo(0.8573 / 1.05, 10)
    expect(crossed.date).toBe("2026-12-03")
    expect(crossed.source).toBe("manual+ecb")
    expect(findRate(RATES, "SEK", "GBP")).toBeNull()
  })
})

describe("priceForMarketplace", () => {
  const base = { currency: "GBP", region_id: null, tax: inclusive("GB", 20), rates: RATES }

  it("without a rule: the marketplace currency's base price exactly as before rules existed", () => {
    const priced = priceForMarketplace({ ...base, prices: [{ amount: 19.5, currency_code: "gbp" }], rule: null })
    expect(priced.amount).toBe(19.5)
    expect(priced.trace.map((s) => s.step)).toEqual(["source", "sent"])
  })

  it("without a rule and without a price in the marketplace currency: no price, never a converted one", () => {
    expect(priceForMarketplace({ ...base, prices: [eur(20)], rule: null })).toMatchObject({ amount: null, issue: { code: "no_price" } })
  })

  it("a EUR store on amazon.co.uk: +10 %, converted at the recorded rate, .99, traced step by step", () => {
    const priced = priceForMarketplace({ ...base, prices: [eur(19)], rule: rule({ source_currency: "EUR", percent: 10, rounding: "ends_99" }) })
    // 19.00 × 1.10 = 20.90 EUR × 0.8573 = 17.91757 GBP → 17.92 → .99 → 17.99
    expect(priced.amount).toBe(17.99)
    expect(priced.currency).toBe("GBP")
    expect(priced.trace.map((s) => [s.step, s.amount, s.currency])).toEqual([
      ["source", 19, "EUR"],
      ["rule", 20.9, "EUR"],
      ["conversion", 17.92, "GBP"],
      ["rounding", 17.99, "GBP"],
      ["sent", 17.99, "GBP"],
    ])
    const conversion = priced.trace.find((s) => s.step === "conversion")!
    expect(conversion).toMatchObject({ rate: 0.8573, rate_date: "2026-12-04", rate_source: "ecb" })
    expect(traceText(priced.trace)).toBe("19.00 EUR (base price) → UK: +10 % → 20.90 EUR → × 0.8573 (ecb, 2026-12-04) → 17.92 GBP → ends in .99 → 17.99 GBP → sent 17.99 GBP")
  })

  it("a price list never: the base price is the source even when a sale price list is cheaper", () => {
    const priced = priceForMarketplace({ ...base, prices: [eur(9, { price_list_id: "plist_sale" }), eur(19)], rule: rule({ source_currency: "EUR" }) })
    expect(priced.trace[0]).toMatchObject({ step: "source", amount: 19 })
  })

  it("fixed amount after the percent, in the source currency; then clamp to [min, max] in the marketplace currency", () => {
    const low = priceForMarketplace({ ...base, prices: [eur(2)], rule: rule({ source_currency: "EUR", fixed_amount: 1, min_price: 4.99, max_price: 50 }) })
    expect(low.amount).toBe(4.99)
    expect(low.trace.at(-2)).toMatchObject({ step: "clamp", note: "raised to the minimum 4.99 GBP" })
    const high = priceForMarketplace({ ...base, prices: [eur(100)], rule: rule({ source_currency: "EUR", percent: -5, max_price: 50 }) })
    expect(high.amount).toBe(50)
    expect(high.trace.at(-2)).toMatchObject({ step: "clamp", note: "lowered to the maximum 50.00 GBP" })
  })

  it("the clamp comes after the rounding, so a bound is sent as set (never re-rounded past it)", () => {
    const priced = priceForMarketplace({ ...base, prices: [eur(100)], rule: rule({ source_currency: "EUR", rounding: "ends_99", max_price: 50 }) })
    expect(priced.amount).toBe(50)
  })

  it("JPY: zero digits, .99 becomes whole yen", () => {
    const priced = priceForMarketplace({ currency: "JPY", region_id: null, tax: inclusive("JP", 10), rates: RATES, prices: [eur(19.99)], rule: rule({ source_currency: "EUR", rounding: "ends_99" }) })
    // 19.99 × 162.31 = 3244.5769 → 3245 yen
    expect(priced.amount).toBe(3245)
    expect(priced.trace.find((s) => s.step === "rounding")?.note).toBe("whole units (JPY has no .99)")
  })

  it("no rate: no price, with an issue that says what to add (never a guessed rate)", () => {
    const priced = priceForMarketplace({ ...base, rates: [], prices: [eur(19)], rule: rule({ source_currency: "EUR" }) })
    expect(priced).toMatchObject({ amount: null, issue: { code: "no_exchange_rate" } })
    expect(priced.issue!.message).toContain("EUR→GBP")
  })

  it("the tax convention still applies: a tax-exclusive Medusa price gets the marketplace's VAT before the rule", () => {
    const priced = priceForMarketplace({ ...base, prices: [{ amount: 10, currency_code: "gbp" }], tax: inclusive("GB", 20, false), rule: rule({ rounding: "ends_99" }) })
    expect(priced.trace.map((s) => [s.step, s.amount])).toEqual([["source", 10], ["tax", 12], ["rounding", 11.99], ["sent", 11.99]])
  })

  it("a rule with the marketplace currency as source keeps the region price first", () => {
    const priced = priceForMarketplace({ ...base, region_id: "reg_uk", prices: [{ amount: 30, currency_code: "gbp" }, { amount: 25, currency_code: "gbp", region_id: "reg_uk" }], rule: rule({ percent: 10 }) })
    expect(priced.amount).toBe(27.5)
  })

  it("a rule that takes the price to zero or below sends no price", () => {
    expect(priceForMarketplace({ ...base, prices: [{ amount: 5, currency_code: "gbp" }], rule: rule({ fixed_amount: -10 }) }).issue?.code).toBe("price_not_positive")
  })

  it("any price through any rule is within [min, max] (property)", () => {
    for (let i = 0; i < 2000; i++) {
      const amount = Math.round(Math.random() * 100000) / 100
      const min = (Math.round(Math.random() * 5000) + 1) / 100
      const max = Math.round((min + Math.random() * 50) * 100) / 100
      const modes = ["none", "whole", "ends_99", "ends_95"] as const
      const priced = priceForMarketplace({ ...base, prices: [eur(amount)], rule: rule({ source_currency: "EUR", percent: Math.round(Math.random() * 40) - 20, rounding: modes[i % 4], min_price: min, max_price: max }) })
      if (priced.amount === null) continue
      expect(priced.amount).toBeGreaterThanOrEqual(min)
      expect(priced.amount).toBeLessThanOrEqual(max)
      expect(Math.round(priced.amount * 100) / 100).toBe(priced.amount)
    }
  })
})

describe("listing rules precedence", () => {
  const r = (id: string, position: number, effect: "include" | "exclude", match: ListingRule["match"], value: string | null, marketplace_id: string | null = null): ListingRule => ({
    id,
    name: id,
    marketplace_id,
    effect,
    match,
    value,
    position,
  })
  const product = { collection_id: "pcol_furniture", type_id: "ptyp_chair", category_ids: ["pcat_home"], tag_ids: ["ptag_fragile"], sales_channel_ids: ["sc_web"] }
  const UK = "A1F83G8C2ARO7P"

  it("no rules: listed", () => {
    expect(decideListing([], product)).toMatchObject({ listed: true, rule: null })
  })

  it("the first matching rule decides, lowest position first", () => {
    const rules = rulesForMarketplace([r("incl-home", 2, "include", "category", "pcat_home"), r("no-fragile", 1, "exclude", "tag", "ptag_fragile")], UK)
    expect(decideListing(rules, product)).toMatchObject({ listed: false, rule: { id: "no-fragile" } })
    expect(decideListing(rules, { ...product, tag_ids: [] })).toMatchObject({ listed: true, rule: { id: "incl-home" } })
  })

  it("an include rule makes the marketplace 'only these': an unmatched product stays off", () => {
    const rules = rulesForMarketplace([r("only-toys", 1, "include", "collection", "pcol_toys")], UK)
    expect(decideListing(rules, product)).toMatchObject({ listed: false, rule: null })
    expect(decideListing(rules, product).reason).toContain("include rule")
  })

  it("a marketplace's own rule comes before a store-wide one at the same position; other marketplaces' rules never apply", () => {
    const rules = rulesForMarketplace(
      [r("all-off", 1, "exclude", "all", null), r("uk-chairs", 1, "include", "type", "ptyp_chair", UK), r("de-only", 0, "exclude", "all", null, "A1PA6795UKMFR9")],
      UK
    )
    expect(rules.map((x) => x.id)).toEqual(["uk-chairs", "all-off"])
    expect(decideListing(rules, product)).toMatchObject({ listed: true, rule: { id: "uk-chairs" } })
  })

  it.each<[ListingRule["match"], string]>([
    ["collection", "pcol_furniture"],
    ["category", "pcat_home"],
    ["type", "ptyp_chair"],
    ["tag", "ptag_fragile"],
    ["sales_channel", "sc_web"],
  ])("matches by %s", (match, value) => {
    expect(decideListing([r("x", 0, "exclude", match, value)], product).listed).toBe(false)
    expect(decideListing([r("x", 0, "exclude", match, "other")], product).listed).toBe(true)
  })
})

describe("ECB daily rates", () => {
  const XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time="2026-12-04"><Cube currency="USD" rate="1.0512"/><Cube currency="JPY" rate="162.31"/><Cube currency="GBP" rate="0.8573"/></Cube></Cube>
</gesmes:Envelope>`

  it("parses the EUR base rates with their date", () => {
    expect(parseEcbDaily(XML)).toEqual([
      { base: "EUR", quote: "USD", rate: 1.0512, date: "2026-12-04", source: "ecb" },
      { base: "EUR", quote: "JPY", rate: 162.31, date: "2026-12-04", source: "ecb" },
      { base: "EUR", quote: "GBP", rate: 0.8573, date: "2026-12-04", source: "ecb" },
    ])
  })

  it("refuses a file that is not the daily rates", () => {
    expect(() => parseEcbDaily("<html><body>maintenance</body></html>")).toThrow("no date")
  })

  it("the provider reads its URL through the fetch it is given (no internet in tests)", async () => {
    const urls: string[] = []
    const provider = new EcbExchangeRateProvider("http://rates.test/daily.xml", async (url) => {
      urls.push(url)
      return { ok: true, status: 200, text: async () => XML }
    })
    expect((await provider.fetchRates()).length).toBe(3)
    expect(urls).toEqual(["http://rates.test/daily.xml"])
    const down = new EcbExchangeRateProvider("http://rates.test/daily.xml", async () => ({ ok: false, status: 503, text: async () => "" }))
    await expect(down.fetchRates()).rejects.toThrow("HTTP 503")
  })
})

describe("no rule = amazonPrice, to the cent", () => {
  it("gives exactly what amazonPrice gives, over many amounts, currencies and tax conventions", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { amazonPrice } = require("../price") as typeof import("../price")
    for (let i = 0; i < 3000; i++) {
      const currency = ["EUR", "GBP", "JPY", "USD"][i % 4]
      const price: PriceFact = { amount: Math.round(Math.random() * 1000000) / 1000, currency_code: currency.toLowerCase() }
      const tax = { ...inclusive("DE", [null, 19, 7.7, 10][i % 4], [true, false, null][i % 3]), marketplace_inclusive: i % 5 !== 0 }
      expect(priceForMarketplace({ prices: [price], currency, region_id: null, tax, rule: null, rates: [] }).amount ?? 0).toBe(Math.max(0, amazonPrice(price, tax)) || 0)
    }
  })
})
