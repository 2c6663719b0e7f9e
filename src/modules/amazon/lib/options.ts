import type { AmazonModuleOptions } from "../types"

/**
 * Plugin options win; each falls back to its env var (ARCHITECTURE §5), so a
 * merchant can configure the plugin either way.
 */
export function resolveModuleOptions(
  options: AmazonModuleOptions = {},
  env: NodeJS.ProcessEnv = process.env
): AmazonModuleOptions {
  return {
    lwaClientId: options.lwaClientId ?? env.AMAZON_LWA_CLIENT_ID,
    lwaClientSecret: options.lwaClientSecret ?? env.AMAZON_LWA_CLIENT_SECRET,
    appId: options.appId ?? env.AMAZON_APP_ID,
    appDraft: options.appDraft ?? env.AMAZON_APP_DRAFT === "true",
    encryptionKey: options.encryptionKey ?? env.AMAZON_ENCRYPTION_KEY,
    spApiEndpoint: options.spApiEndpoint ?? env.AMAZON_SP_API_ENDPOINT,
    lwaTokenUrl: options.lwaTokenUrl ?? env.AMAZON_LWA_TOKEN_URL,
    sellerCentralUrl: options.sellerCentralUrl ?? env.AMAZON_SELLER_CENTRAL_URL,
    backendUrl: options.backendUrl ?? env.MEDUSA_BACKEND_URL,
    allowInsecureSettings: options.allowInsecureSettings ?? env.AMAZON_ALLOW_INSECURE_SETTINGS === "true",
  }
}
