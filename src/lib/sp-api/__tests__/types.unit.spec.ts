import { readFileSync } from "node:fs"
import { join } from "node:path"
import { CLIENT_VERSION, DEFAULT_USER_AGENT, resolveConfig } from "../config"
import {
  amazonOrderId,
  asin,
  feedId,
  isAsin,
  isMarketplaceId,
  isSellerId,
  marketplaceId,
  sellerId,
  sku,
} from "../types"

describe("branded ids", () => {
  it("accepts Amazon-shaped values and returns them unchanged", () => {
    expect(sellerId("A1SANDBOXSELLER01")).toBe("A1SANDBOXSELLER01")
    expect(marketplaceId("A1PA6795UKMFR9")).toBe("A1PA6795UKMFR9")
    expect(amazonOrderId("902-1106328-1059050")).toBe("902-1106328-1059050")
    expect(asin("B07N4M94X4")).toBe("B07N4M94X4")
    expect(sku("SHIRT 12/RED")).toBe("SHIRT 12/RED")
    expect(feedId("23492394")).toBe("23492394")
  })

  it.each([
    ["sellerId", () => sellerId("")],
    ["marketplaceId", () => marketplaceId("a1pa6795ukmfr9 ")],
    ["amazonOrderId", () => amazonOrderId("order 1")],
    ["asin", () => asin("B07N4M94X")],
    ["sku", () => sku("   ")],
    ["feedId", () => feedId("1/2")],
  ])("refuses a malformed %s", (_name, make) => {
    expect(make).toThrow(TypeError)
  })

  it("guards narrow without throwing", () => {
    expect(isSellerId("A2SANDBOXSELLER02")).toBe(true)
    expect(isMarketplaceId(42)).toBe(false)
    expect(isAsin("B000000000")).toBe(true)
  })
})

describe("config", () => {
  const base = { clientId: "id", clientSecret: "secret-value", refreshToken: "Atzr|rt", region: "eu" as const }

  it("sends a user agent with the package version", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../../../package.json"), "utf8"))
    expect(CLIENT_VERSION).toBe(pkg.version)
    expect(DEFAULT_USER_AGENT).toMatch(/^medusa-plugin-amazon\/\S+ \(Language=TypeScript; Platform=Node\/\d+/)
  })

  it("defaults to the region's endpoint and lets every URL be overridden", () => {
    expect(resolveConfig(base)).toMatchObject({
      endpoint: "https://sellingpartnerapi-eu.amazon.com",
      lwaTokenUrl: "https://api.amazon.com/auth/o2/token",
      timeoutMs: 30_000,
      retry: { maxRetries: 5 },
    })
    expect(
      resolveConfig({ ...base, endpoint: "http://127.0.0.1:9/", lwaTokenUrl: "http://127.0.0.1:9/auth/o2/token" })
    ).toMatchObject({ endpoint: "http://127.0.0.1:9", lwaTokenUrl: "http://127.0.0.1:9/auth/o2/token" })
  })

  it("keys buckets by seller, or by a hash of the refresh token — never the token itself", () => {
    expect(resolveConfig({ ...base, sellingPartnerId: "A1" }).partnerKey).toBe("eu/A1")
    const key = resolveConfig(base).partnerKey
    expect(key).toMatch(/^eu\/rt:[0-9a-f]{16}$/)
    expect(key).not.toContain("Atzr")
  })

  it("names the missing field without echoing secrets", () => {
    expect(() => resolveConfig({ ...base, clientSecret: "" })).toThrow(/"clientSecret" is required/)
    expect(() => resolveConfig({ ...base, region: "xx" as never })).toThrow(/region/)
    expect(() => resolveConfig({ ...base, endpoint: "not a url" })).toThrow(/endpoint/)
  })
})
