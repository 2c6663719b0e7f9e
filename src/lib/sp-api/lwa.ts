import { createHash } from "node:crypto"
import axios, { type AxiosInstance, isAxiosError } from "axios"
import { amazonErrors, errorFromAxios, type ErrorFromAxiosContext, header } from "./axios-error"
import { DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "./config"
import { SpApiAuthError, SpApiError } from "./errors"
import { createSafeLogger, type SpApiLogger } from "./logger"
import { LWA_TOKEN_URL } from "./marketplaces"
import { Redactor } from "./redact"
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetries } from "./retry"

/**
 * Login with Amazon token exchange (notes §3.1, §3.2). All token handling of the client lives here:
 *  - `refresh_token` grant → access token, cached per refresh token until `refreshMarginMs` (60 s) before it
 *    expires; concurrent callers for the same refresh token share one request (single flight);
 *  - `authorization_code` grant (the OAuth callback) → refresh + access token, the access token seeding the
 *    cache;
 *  - `invalid_grant` / `invalid_client` / … become `SpApiAuthError` with LWA's code and `error_description`.
 * One LwaClient per SP-API application; share it between the clients of all sellers.
 */

export interface LwaClientOptions {
  clientId: string
  clientSecret: string
  /** Default https://api.amazon.com/auth/o2/token. */
  tokenUrl?: string
  timeoutMs?: number
  userAgent?: string
  logger?: SpApiLogger
  /** Refresh this long before the token expires. Default 60 000 ms, as Amazon's own SDK does. */
  refreshMarginMs?: number
  retry?: Partial<RetryPolicy>
  unrefTimers?: boolean
  /** Wall clock in ms, for tests. */
  now?: () => number
}

/** What LWA returns, in our casing. */
export interface LwaTokenSet {
  accessToken: string
  /** Present for the authorization-code grant (the one to store, encrypted); LWA echoes it on refresh. */
  refreshToken?: string
  tokenType: string
  /** Seconds, as LWA sent it (3600). */
  expiresIn: number
  /** Epoch ms. */
  expiresAt: number
}

type Grant =
  | { grant_type: "refresh_token"; refresh_token: string }
  | { grant_type: "authorization_code"; code: string; redirect_uri?: string }

interface CachedToken {
  accessToken: string
  expiresAt: number
}

export class LwaClient {
  readonly clientId: string
  readonly tokenUrl: string
  private readonly clientSecret: string
  private readonly timeoutMs: number
  private readonly userAgent: string
  private readonly refreshMarginMs: number
  private readonly retry: RetryPolicy
  private readonly unrefTimers: boolean
  private readonly now: () => number
  private readonly redactor: Redactor
  private readonly logger: SpApiLogger
  private readonly http: AxiosInstance
  private readonly cache = new Map<string, CachedToken>()
  private readonly inflight = new Map<string, Promise<CachedToken>>()
  private requests = 0

  constructor(options: LwaClientOptions) {
    if (!options.clientId || !options.clientSecret) {
      throw new TypeError("LWA client: clientId and clientSecret are required")
    }
    this.clientId = options.clientId
    this.clientSecret = options.clientSecret
    this.tokenUrl = (options.tokenUrl ?? LWA_TOKEN_URL).replace(/\/+$/, "")
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry }
    this.unrefTimers = options.unrefTimers ?? true
    this.now = options.now ?? Date.now
    this.redactor = new Redactor([options.clientSecret])
    this.logger = createSafeLogger(options.logger, this.redactor)
    this.http = axios.create({
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    })
  }

  /** How many token requests were sent (cache misses); for tests and metrics. */
  get tokenRequestCount(): number {
    return this.requests
  }

  /** A valid access token for the seller behind `refreshToken`, from cache when it has > 60 s left. */
  async getAccessToken(refreshToken: string): Promise<string> {
    if (!refreshToken) {
      throw new TypeError("LWA client: a refresh token is required")
    }
    this.redactor.add(refreshToken)
    const key = cacheKey(refreshToken)
    const cached = this.cache.get(key)
    if (cached && cached.expiresAt - this.refreshMarginMs > this.now()) {
      return cached.accessToken
    }
    let pending = this.inflight.get(key)
    if (!pending) {
      pending = this.request({ grant_type: "refresh_token", refresh_token: refreshToken })
        .then((tokens) => {
          const entry = { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt }
          this.cache.set(key, entry)
          return entry
        })
        .finally(() => this.inflight.delete(key))
      this.inflight.set(key, pending)
    }
    return (await pending).accessToken
  }

  /**
   * Exchanges the `spapi_oauth_code` of the OAuth callback (valid 5 minutes, single use) for the seller's
   * refresh token. `redirectUri` must equal the one of the consent request, when one was sent.
   */
  async exchangeAuthorizationCode(code: string, redirectUri?: string): Promise<LwaTokenSet> {
    if (!code) {
      throw new TypeError("LWA client: an authorization code is required")
    }
    this.redactor.add(code)
    const tokens = await this.request({
      grant_type: "authorization_code",
      code,
      ...(redirectUri ? { redirect_uri: redirectUri } : {}),
    })
    if (!tokens.refreshToken) {
      throw new SpApiError({
        operation: "lwa:authorization_code",
        code: "MalformedResponse",
        amazonMessage: "LWA returned no refresh token",
      })
    }
    this.cache.set(cacheKey(tokens.refreshToken), { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt })
    return tokens
  }

  /** Forgets the cached access token (e.g. after SP-API refused it with 401/403). */
  invalidate(refreshToken: string): void {
    this.cache.delete(cacheKey(refreshToken))
  }

  /** Forgets every cached token. */
  clear(): void {
    this.cache.clear()
  }

  private request(grant: Grant): Promise<LwaTokenSet> {
    const operation = `lwa:${grant.grant_type}`
    // A refresh may be repeated freely; an authorization code is single use, so a second exchange after a
    // timeout would fail with invalid_grant anyway — only retry what cannot have reached LWA.
    const idempotent = grant.grant_type === "refresh_token"
    return withRetries((n) => this.attempt(grant, operation, idempotent, n + 1), {
      policy: this.retry,
      unrefTimers: this.unrefTimers,
      onRetry: (error, retry, delay) =>
        this.logger.warn(
          `LWA ${grant.grant_type} grant failed (${error.status ?? error.code ?? "error"}), retry ${retry}/${
            this.retry.maxRetries
          } in ${delay} ms`
        ),
    })
  }

  private async attempt(grant: Grant, operation: string, idempotent: boolean, attempt: number): Promise<LwaTokenSet> {
    const form = new URLSearchParams({ ...grant, client_id: this.clientId, client_secret: this.clientSecret })
    const context = { operation, idempotent, attempt, redactor: this.redactor }
    this.requests += 1
    const started = this.now()
    let response
    try {
      response = await this.http.post(this.tokenUrl, form.toString(), {
        headers: {
          "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
          accept: "application/json",
          "user-agent": this.userAgent,
        },
        timeout: this.timeoutMs,
      })
    } catch (error) {
      throw this.authErrorOf(error, context) ?? errorFromAxios(error, context)
    }

    const body: unknown = response.data
    if (!isTokenResponse(body)) {
      throw new SpApiError({
        operation,
        status: response.status,
        code: "MalformedResponse",
        amazonMessage: "LWA answered without an access token",
        requestId: header(response.headers, "x-amzn-requestid"),
        retryable: idempotent,
        attempts: attempt,
      })
    }
    const expiresIn = Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600
    this.redactor.add(body.access_token)
    this.redactor.add(body.refresh_token)
    this.logger.debug(`LWA ${grant.grant_type} grant: access token valid ${expiresIn} s (${this.now() - started} ms)`)
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      tokenType: body.token_type ?? "bearer",
      expiresIn,
      expiresAt: started + expiresIn * 1000,
    }
  }

  /** LWA's OAuth errors (`{"error": "invalid_grant", "error_description": …}` with 400/401). */
  private authErrorOf(error: unknown, context: ErrorFromAxiosContext): SpApiAuthError | undefined {
    if (!isAxiosError(error) || !error.response) {
      return undefined
    }
    const { status, data, headers } = error.response
    const errors = amazonErrors(data, this.redactor)
    if (status < 400 || status >= 500 || status === 429 || !errors[0]) {
      return undefined
    }
    // invalid_grant: refresh token revoked/expired, or code used/expired → the seller must re-authorize;
    // invalid_client: client id/secret wrong → fix the application's credentials
    this.logger.warn(`LWA token request refused: HTTP ${status} ${errors[0].code}`)
    return new SpApiAuthError({
      operation: context.operation,
      status,
      code: errors[0].code,
      amazonMessage: errors[0].message,
      errors,
      requestId: header(headers, "x-amzn-requestid"),
      attempts: context.attempt,
    })
  }
}

interface LwaTokenResponse {
  access_token: string
  refresh_token?: string
  token_type?: string
  expires_in?: number
}

function isTokenResponse(body: unknown): body is LwaTokenResponse {
  return (
    !!body &&
    typeof body === "object" &&
    typeof (body as LwaTokenResponse).access_token === "string" &&
    (body as LwaTokenResponse).access_token.length > 0
  )
}

/** Cache keys are hashes: a heap dump of the cache does not list refresh tokens. */
function cacheKey(refreshToken: string): string {
  return createHash("sha256").update(refreshToken).digest("base64url")
}
