import { startSandbox, type SandboxHandle } from "../../sandbox/server"

/**
 * Starts the SP-API sandbox before the Medusa app of the suite boots (call it
 * before medusaIntegrationTestRunner: top-level beforeAll hooks run first) and
 * points the plugin at it through the env vars of ARCHITECTURE §5.
 */
export function useSandbox(options: Parameters<typeof startSandbox>[0] = {}) {
  let sandbox: SandboxHandle | undefined
  beforeAll(async () => {
    // Time runs 60× faster in the sandbox, and its x-amzn-RateLimit-Limit headers say so: the client
    // adopts the faster rates, so quota waits (e.g. 15 getMarketplaceParticipations, then 1 per minute)
    // stay short without the client cutting corners.
    sandbox = await startSandbox({ port: 0, timeScale: 60, ...options })
    Object.assign(process.env, {
      AMAZON_SP_API_ENDPOINT: sandbox.url,
      AMAZON_LWA_TOKEN_URL: sandbox.lwaTokenUrl,
      AMAZON_SELLER_CENTRAL_URL: sandbox.sellerCentralUrl,
      AMAZON_LWA_CLIENT_ID: "amzn1.application-oa2-client.sandbox",
      AMAZON_LWA_CLIENT_SECRET: "sandbox-client-secret",
      AMAZON_APP_ID: "amzn1.sellerapps.app.sandbox",
    })
  })
  afterAll(async () => {
    await sandbox?.close()
  })
  return () => {
    if (!sandbox) throw new Error("sandbox not started yet")
    return sandbox
  }
}

export const SANDBOX_EU = {
  sellerId: "A1SANDBOXSELLER01",
  refreshToken: "Atzr|sandbox-refresh-token-eu",
  marketplaces: ["A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1F83G8C2ARO7P", "A1805IZSGTT6HS", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9"],
}
