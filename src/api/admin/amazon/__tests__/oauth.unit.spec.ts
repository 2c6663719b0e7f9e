import { adminStoreUrl, callbackUrl } from "../oauth"

/** A request as the callback helpers read it: the module's options, the config, and a Host header anyone can forge. */
function request(backendUrl?: string) {
  return {
    protocol: "https",
    get: (name: string) => (name.toLowerCase() === "host" ? "attacker.example" : undefined),
    scope: {
      resolve: (key: string) =>
        key === "configModule" ? { admin: { path: "/app" } } : { getPublicOptions: () => ({ backendUrl }) },
    },
  } as never
}

describe("OAuth redirect URI", () => {
  const env = (NODE_ENV: string) => ({ NODE_ENV }) as NodeJS.ProcessEnv
  const withEnv = (NODE_ENV: string, run: () => void) => {
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = NODE_ENV
    try {
      run()
    } finally {
      process.env.NODE_ENV = before
    }
  }

  it("is MEDUSA_BACKEND_URL whenever it is set", () => {
    expect(callbackUrl(request("https://shop.example/"), env("production"))).toBe("https://shop.example/admin/amazon/oauth/callback")
    expect(callbackUrl(request("https://shop.example"), env("development"))).toBe("https://shop.example/admin/amazon/oauth/callback")
  })

  it("never comes from the Host header outside development", () => {
    for (const name of ["production", "staging"]) {
      expect(() => callbackUrl(request(), env(name))).toThrow(/MEDUSA_BACKEND_URL is not set/)
    }
  })

  it("may come from the request in development (the local demo)", () => {
    expect(callbackUrl(request(), env("development"))).toBe("https://attacker.example/admin/amazon/oauth/callback")
  })

  it("redirects back to the admin on the configured origin, or by path in production — never to the Host header's", () => {
    withEnv("production", () => {
      expect(adminStoreUrl(request(), "amzst_1", { connected: "1" })).toBe("/app/settings/amazon/amzst_1?connected=1")
      expect(adminStoreUrl(request("https://shop.example"), "amzst_1", {})).toBe("https://shop.example/app/settings/amazon/amzst_1")
    })
  })
})
