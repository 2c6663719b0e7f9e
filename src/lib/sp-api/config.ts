import { createHash } from "node:crypto"
import type { DocumentLimits } from "./documents"
import type { LwaClient } from "./lwa"
import type { SpApiLogger } from "./logger"
import { LWA_TOKEN_URL, SP_API_ENDPOINTS, type SpApiRegion } from "./marketplaces"
import type { RateLimiterRegistry } from "./rate-limiter"
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry"

/** Keep in step with package.json's version (a unit test checks it). */
export const CLIENT_VERSION = "0.1.0"

/** `medusa-plugin-amazon/0.1.0 (Language=TypeScript; Platform=Node/20.19.0)` — Amazon asks for app/version + platform. */
export const DEFAULT_USER_AGENT = `medusa-plugin-amazon/${CLIENT_VERSION} (Language=TypeScript; Platform=Node/${process.versions.node})`

export const DEFAULT_TIMEOUT_MS = 30_000

/** Plain configuration of one client: one seller's authorization in one region. */
export interface SpApiClientConfig {
  /** LWA client id of the SP-API application (`amzn1.application-oa2-client.…`). */
  clientId: string
  /** LWA client secret of the application. */
  clientSecret: string
  /** The seller's LWA refresh token (`Atzr|…`). */
  refreshToken: string
  region: SpApiRegion
  /**
   * The seller's merchant token. Keys the rate-limit buckets and is the default `sellerId` of the Listings
   * Items calls. Without it the buckets are keyed by a hash of the refresh token.
   */
  sellingPartnerId?: string
  /** SP-API base URL; default the region's production endpoint (notes §4). */
  endpoint?: string
  /** LWA token URL; default https://api.amazon.com/auth/o2/token. Ignored when `lwa` is given. */
  lwaTokenUrl?: string
  userAgent?: string
  /**
   * Extra headers on every SP-API request (not on LWA or document URLs), e.g. `x-amzn-api-sandbox: static`
   * to have the bundled sandbox answer from Amazon's static examples. Cannot replace the token or user agent.
   */
  headers?: Record<string, string>
  /** Per HTTP attempt, ms. Default 30 000. */
  timeoutMs?: number
  /** Retries after the first attempt; default 5. */
  maxRetries?: number
  /** Backoff tuning; `maxRetries` above wins over `retry.maxRetries`. */
  retry?: Partial<RetryPolicy>
  /** Share one registry between all clients of a process (buckets are per seller + operation). */
  rateLimiter?: RateLimiterRegistry
  logger?: SpApiLogger
  /** Share one LWA client (its token cache) between clients; otherwise each client has its own. */
  lwa?: LwaClient
  /** Unref backoff/limiter timers (default true); see TokenBucketOptions.unrefTimers. */
  unrefTimers?: boolean
  /** Size bounds of feed/report documents and schemas (documents.ts DEFAULT_DOCUMENT_LIMITS). */
  documentLimits?: Partial<DocumentLimits>
}

export interface ResolvedSpApiConfig {
  clientId: string
  clientSecret: string
  refreshToken: string
  region: SpApiRegion
  sellingPartnerId?: string
  /** Bucket key: `<region>/<sellingPartnerId>` or `<region>/rt:<hash of refresh token>`. */
  partnerKey: string
  endpoint: string
  lwaTokenUrl: string
  userAgent: string
  headers: Record<string, string>
  timeoutMs: number
  retry: RetryPolicy
  unrefTimers: boolean
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    // never echo the value: it may be a secret
    throw new TypeError(`SP-API client config: "${name}" is required`)
  }
  return value
}

function baseUrl(value: string, name: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(`SP-API client config: "${name}" is not a URL`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`SP-API client config: "${name}" must be an http(s) URL`)
  }
  return value.replace(/\/+$/, "")
}

export function resolveConfig(config: SpApiClientConfig): ResolvedSpApiConfig {
  const clientId = requireText(config.clientId, "clientId")
  const clientSecret = requireText(config.clientSecret, "clientSecret")
  const refreshToken = requireText(config.refreshToken, "refreshToken")
  if (!(config.region in SP_API_ENDPOINTS)) {
    throw new TypeError(`SP-API client config: "region" must be one of na, eu, fe`)
  }
  const partner =
    config.sellingPartnerId ??
    `rt:${createHash("sha256").update(refreshToken).digest("hex").slice(0, 16)}`
  const maxRetries = config.maxRetries ?? config.retry?.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError(`SP-API client config: "maxRetries" must be a non-negative integer`)
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!(timeoutMs > 0)) {
    throw new TypeError(`SP-API client config: "timeoutMs" must be positive`)
  }
  return {
    clientId,
    clientSecret,
    refreshToken,
    region: config.region,
    sellingPartnerId: config.sellingPartnerId,
    partnerKey: `${config.region}/${partner}`,
    endpoint: baseUrl(config.endpoint ?? SP_API_ENDPOINTS[config.region], "endpoint"),
    lwaTokenUrl: baseUrl(config.lwaTokenUrl ?? LWA_TOKEN_URL, "lwaTokenUrl"),
    userAgent: config.userAgent ?? DEFAULT_USER_AGENT,
    headers: { ...config.headers },
    timeoutMs,
    retry: { ...DEFAULT_RETRY_POLICY, ...config.retry, maxRetries },
    unrefTimers: config.unrefTimers ?? true,
  }
}
