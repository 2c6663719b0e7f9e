import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import * as spApi from "../index"

describe("public surface", () => {
  it("exports the client, its parts and the error classes", () => {
    for (const name of [
      "SpApiClient",
      "createSpApiClient",
      "LwaClient",
      "RateLimiterRegistry",
      "TokenBucket",
      "DEFAULT_RATE_LIMITS",
      "SpApiError",
      "SpApiAuthError",
      "SpApiThrottledError",
      "SpApiNetworkError",
      "redactText",
      "sellerId",
      "marketplaceId",
      "amazonOrderId",
      "getMarketplace",
      "regionOf",
      "SP_API_ENDPOINTS",
      "LWA_TOKEN_URL",
    ]) {
      expect(spApi).toHaveProperty(name)
    }
    expect(new spApi.SpApiThrottledError({ operation: "getFeed" })).toBeInstanceOf(spApi.SpApiError)
  })

  it("knows nothing of Medusa (STYLE §2)", () => {
    const root = join(__dirname, "..")
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry)
        if (statSync(path).isDirectory()) {
          if (entry !== "__tests__") walk(path)
        } else if (path.endsWith(".ts")) {
          files.push(path)
        }
      }
    }
    walk(root)
    expect(files.length).toBeGreaterThan(15)
    for (const file of files) {
      expect({ file, medusa: /from ["']@medusajs\//.test(readFileSync(file, "utf8")) }).toEqual({ file, medusa: false })
    }
  })
})
