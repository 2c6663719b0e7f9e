import { randomBytes } from "node:crypto"
import { assertSafeSettings, DEVELOPMENT_KEY, insecureSettings } from "../lib/insecure-settings"
import { resolveModuleOptions } from "../lib/options"

const ownKey = randomBytes(32).toString("base64")
const TEST_KEY = "dGVzdC1vbmx5LWtleS1mb3ItbWVkdXNhLXBsdWdpbi0=" // .env.test

describe("insecure settings outside development", () => {
  it.each([
    ["production, own key, https", { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: ownKey, AMAZON_SP_API_ENDPOINT: "https://sellingpartnerapi-eu.amazon.com" }, 0],
    ["production, development key", { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: DEVELOPMENT_KEY.toString("base64") }, 1],
    ["production, .env.test key", { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: TEST_KEY }, 1],
    ["staging, http SP-API", { NODE_ENV: "staging", AMAZON_ENCRYPTION_KEY: ownKey, AMAZON_SP_API_ENDPOINT: "http://10.0.0.5:4567" }, 1],
    ["production, http LWA and Seller Central", { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: ownKey, AMAZON_LWA_TOKEN_URL: "http://lwa/auth/o2/token", AMAZON_SELLER_CENTRAL_URL: "HTTP://sc" }, 2],
    ["development: anything goes", { NODE_ENV: "development", AMAZON_ENCRYPTION_KEY: TEST_KEY, AMAZON_SP_API_ENDPOINT: "http://127.0.0.1:4567" }, 0],
    ["test: anything goes", { NODE_ENV: "test", AMAZON_ENCRYPTION_KEY: TEST_KEY, AMAZON_SP_API_ENDPOINT: "http://127.0.0.1:4567" }, 0],
    ["no NODE_ENV counts as development", { AMAZON_SP_API_ENDPOINT: "http://127.0.0.1:4567" }, 0],
    ["explicitly allowed", { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: TEST_KEY, AMAZON_SP_API_ENDPOINT: "http://sandbox", AMAZON_ALLOW_INSECURE_SETTINGS: "true" }, 0],
  ] as Array<[string, NodeJS.ProcessEnv, number]>)("%s → %i problem(s)", (_label, env, count) => {
    expect(insecureSettings(resolveModuleOptions({}, env), env)).toHaveLength(count)
  })

  it("refuses to boot with a message naming each problem and the way out", () => {
    const env = { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: TEST_KEY, AMAZON_SP_API_ENDPOINT: "http://sandbox:4567" }
    expect(() => assertSafeSettings(resolveModuleOptions({}, env), env)).toThrow(
      /published development\/test key.*AMAZON_SP_API_ENDPOINT \(http:\/\/sandbox:4567\) is plain http.*AMAZON_ALLOW_INSECURE_SETTINGS=true/
    )
    expect(() => assertSafeSettings(resolveModuleOptions({}, { NODE_ENV: "production", AMAZON_ENCRYPTION_KEY: ownKey }), { NODE_ENV: "production" })).not.toThrow()
  })
})
