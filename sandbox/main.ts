/**
 * Standalone SP-API sandbox: `npm run sandbox`.
 *   SANDBOX_PORT (default 9797), SANDBOX_TIME_SCALE (default 1), SANDBOX_SEED (demo|empty),
 *   SANDBOX_REDIRECT_URI, SANDBOX_VALIDATE=1 (record model violations), AMAZON_SP_API_MODELS_DIR.
 */
import { DEMO, startSandbox } from "./server"

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT ?? 9797)
  const seed = process.env.SANDBOX_SEED === "empty" ? "empty" : "demo"
  const sandbox = await startSandbox({
    port,
    host: process.env.SANDBOX_HOST ?? "127.0.0.1",
    seed,
    validateRequests: process.env.SANDBOX_VALIDATE === "1" || process.env.SANDBOX_VALIDATE === "true",
    logger: (line) => console.log(`[sp-api-sandbox] ${line}`),
  })
  const lines = [
    `SP-API sandbox running (time scale ${process.env.SANDBOX_TIME_SCALE ?? 1}, seed ${seed})`,
    `  AMAZON_SP_API_ENDPOINT=${sandbox.url}`,
    `  AMAZON_LWA_TOKEN_URL=${sandbox.lwaTokenUrl}`,
    `  AMAZON_SELLER_CENTRAL_URL=${sandbox.sellerCentralUrl}`,
    `  AMAZON_LWA_CLIENT_ID=${DEMO.clientId}`,
    `  AMAZON_LWA_CLIENT_SECRET=${DEMO.clientSecret}`,
    `  AMAZON_APP_ID=${DEMO.applicationId}`,
    `  control API: ${sandbox.url}/_sandbox/state`,
  ]
  if (seed === "demo") {
    lines.push(
      `  seller ${DEMO.euSeller} (EU: DE FR IT ES UK NL PL SE) refresh token ${DEMO.euRefreshToken}`,
      `  seller ${DEMO.naSeller} (NA: US CA MX) refresh token ${DEMO.naRefreshToken}`,
      `  consent page: ${sandbox.sellerCentralUrl}/apps/authorize/consent?application_id=${DEMO.applicationId}&state=…`
    )
  }
  console.log(lines.join("\n"))

  const stop = () => {
    void sandbox.close().then(() => process.exit(0))
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
