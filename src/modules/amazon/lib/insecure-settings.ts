import { createHash } from "node:crypto"
import type { AmazonModuleOptions } from "../types"

/** Where the development shortcuts are fine: `medusa develop`, tests, ad-hoc runs without NODE_ENV. */
export const DEVELOPMENT_ENVIRONMENTS = new Set(["development", "test"])

export function isDevelopment(env: NodeJS.ProcessEnv): boolean {
  return DEVELOPMENT_ENVIRONMENTS.has(env.NODE_ENV ?? "development")
}

/** The fixed key used when none is set in development: anyone can read it here, so it protects nothing. */
export const DEVELOPMENT_KEY = createHash("sha256").update("medusa-plugin-amazon insecure development key").digest()

/** Keys published with the project (the development key, .env.test's test-only key). */
const PUBLIC_KEYS = [DEVELOPMENT_KEY.toString("base64"), "dGVzdC1vbmx5LWtleS1mb3ItbWVkdXNhLXBsdWdpbi0="]

const ENDPOINTS = [
  ["spApiEndpoint", "AMAZON_SP_API_ENDPOINT"],
  ["lwaTokenUrl", "AMAZON_LWA_TOKEN_URL"],
  ["sellerCentralUrl", "AMAZON_SELLER_CENTRAL_URL"],
] as const

/**
 * Settings that are fine against the sandbox but unsafe with a real seller:
 * a published encryption key (every token and buyer address readable by
 * anyone with the repository) and plain-http endpoints (refresh tokens,
 * access tokens and the LWA client secret sent in clear). Outside
 * development each is a reason to refuse to boot — unless
 * AMAZON_ALLOW_INSECURE_SETTINGS=true says it is meant (a staging box
 * against the sandbox). Returns one sentence per problem; empty when safe.
 */
export function insecureSettings(options: AmazonModuleOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  if (isDevelopment(env) || options.allowInsecureSettings) return []
  const problems: string[] = []
  const key = options.encryptionKey?.trim()
  if (key && PUBLIC_KEYS.includes(key)) {
    problems.push(
      "AMAZON_ENCRYPTION_KEY is a published development/test key; generate your own (see README, Configuration)."
    )
  }
  for (const [option, variable] of ENDPOINTS) {
    const value = options[option]
    if (value && /^http:/i.test(value.trim())) {
      problems.push(`${variable} (${value}) is plain http: tokens would travel in clear; use https.`)
    }
  }
  return problems
}

/** Boot check: throws one error naming every problem and the way out. */
export function assertSafeSettings(options: AmazonModuleOptions, env: NodeJS.ProcessEnv = process.env): void {
  const problems = insecureSettings(options, env)
  if (problems.length) {
    throw new Error(
      `Refusing to start the Amazon plugin with NODE_ENV=${env.NODE_ENV}: ${problems.join(" ")} ` +
        "(Set AMAZON_ALLOW_INSECURE_SETTINGS=true only if this is deliberate, e.g. a staging server against the sandbox.)"
    )
  }
}
