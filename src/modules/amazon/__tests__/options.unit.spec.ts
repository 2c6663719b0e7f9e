import { resolveModuleOptions } from "../lib/options"

describe("resolveModuleOptions", () => {
  it("falls back to the env vars of ARCHITECTURE §5", () => {
    const options = resolveModuleOptions(
      {},
      {
        AMAZON_LWA_CLIENT_ID: "client",
        AMAZON_LWA_CLIENT_SECRET: "secret",
        AMAZON_APP_ID: "app",
        AMAZON_APP_DRAFT: "true",
        AMAZON_ENCRYPTION_KEY: "key",
        AMAZON_SP_API_ENDPOINT: "http://sandbox",
        AMAZON_LWA_TOKEN_URL: "http://sandbox/auth/o2/token",
        AMAZON_SELLER_CENTRAL_URL: "http://sandbox",
        MEDUSA_BACKEND_URL: "http://localhost:9000",
      }
    )
    expect(options).toEqual({
      lwaClientId: "client",
      lwaClientSecret: "secret",
      appId: "app",
      appDraft: true,
      encryptionKey: "key",
      spApiEndpoint: "http://sandbox",
      lwaTokenUrl: "http://sandbox/auth/o2/token",
      sellerCentralUrl: "http://sandbox",
      backendUrl: "http://localhost:9000",
      allowInsecureSettings: false,
    })
  })

  it("prefers plugin options over env vars", () => {
    const options = resolveModuleOptions({ lwaClientId: "from-options", appDraft: false }, {
      AMAZON_LWA_CLIENT_ID: "from-env",
      AMAZON_APP_DRAFT: "true",
    })
    expect(options.lwaClientId).toBe("from-options")
    expect(options.appDraft).toBe(false)
  })
})
