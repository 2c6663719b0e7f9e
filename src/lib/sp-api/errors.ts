import { redactText } from "./redact"

/** One entry of Amazon's `{"errors": [...]}` body (every SP-API model's `Error` definition). */
export interface AmazonApiError {
  code: string
  message?: string
  details?: string
}

export interface SpApiErrorInit {
  /** Amazon's operation id (`getFeed`) or `lwa:<grant_type>` for the token exchange. */
  operation: string
  /** HTTP status; absent when no response arrived (timeout, connection error). */
  status?: number
  /** Amazon's error code (`QuotaExceeded`, `InvalidInput`, `invalid_grant`, …) or ours (`Timeout`, …). */
  code?: string
  /** Amazon's message (`message` or LWA's `error_description`), or ours when there was no response. */
  amazonMessage?: string
  details?: string
  /** Every error Amazon returned; `code`/`amazonMessage`/`details` repeat the first one. */
  errors?: AmazonApiError[]
  /** `x-amzn-RequestId` — quote it to Amazon support. */
  requestId?: string
  /** Whether trying again later may succeed (429, 5xx, timeouts) — for the caller's own retry policy. */
  retryable?: boolean
  /** How many HTTP attempts were made before giving up. */
  attempts?: number
}

/**
 * Every failure of the client. Carries what is needed to act on it and nothing sensitive: no token,
 * secret, request/response body or header other than `x-amzn-RequestId` (the raw transport error is
 * deliberately not kept as `cause` — its config holds the access token).
 */
export class SpApiError extends Error {
  readonly operation: string
  readonly status?: number
  readonly code?: string
  readonly amazonMessage?: string
  readonly details?: string
  readonly errors: AmazonApiError[]
  readonly requestId?: string
  readonly retryable: boolean
  readonly attempts?: number

  constructor(init: SpApiErrorInit) {
    super(redactText(describe(init)))
    this.name = new.target.name
    this.operation = init.operation
    this.status = init.status
    this.code = init.code
    this.amazonMessage = init.amazonMessage === undefined ? undefined : redactText(init.amazonMessage)
    this.details = init.details === undefined ? undefined : redactText(init.details)
    this.errors = (init.errors ?? []).map((e) => ({
      code: e.code,
      ...(e.message === undefined ? {} : { message: redactText(e.message) }),
      ...(e.details === undefined ? {} : { details: redactText(e.details) }),
    }))
    this.requestId = init.requestId
    this.retryable = init.retryable ?? false
    this.attempts = init.attempts
  }
}

/** HTTP 429 (`QuotaExceeded`) that outlasted every retry. */
export class SpApiThrottledError extends SpApiError {}

/** Error codes LWA returns (RFC 6749 §5.2); SP-API 401/403 carry Amazon's own code (`Unauthorized`). */
export type LwaErrorCode =
  | "invalid_grant"
  | "invalid_client"
  | "invalid_request"
  | "invalid_scope"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "access_denied"

/**
 * The credentials were refused: LWA said `invalid_grant` (refresh token revoked/expired, authorization code
 * used or expired → the seller must re-authorize) or `invalid_client` (wrong client id/secret → fix the app
 * configuration), or SP-API answered 401/403 (missing role, token not accepted).
 */
export class SpApiAuthError extends SpApiError {
  declare readonly code: LwaErrorCode | (string & {})
}

/**
 * No usable response: timeout, connection reset/refused, unreadable body. `mayHaveBeenReceived` tells
 * whether Amazon may have acted on the request — for `createFeed`/`confirmShipment` that means "check
 * before sending again" (see README, retries of non-idempotent calls).
 */
export class SpApiNetworkError extends SpApiError {
  readonly mayHaveBeenReceived: boolean

  constructor(init: SpApiErrorInit & { mayHaveBeenReceived: boolean }) {
    super(init)
    this.mayHaveBeenReceived = init.mayHaveBeenReceived
  }
}

function describe(init: SpApiErrorInit): string {
  const status =
    init.status !== undefined ? `HTTP ${init.status}` : init.code === "InvalidRequest" ? "not sent" : "no response"
  const code = init.code ? ` ${init.code}` : ""
  const message = init.amazonMessage ? `: ${init.amazonMessage}` : ""
  const details = init.details ? ` (${init.details})` : ""
  const more = init.errors && init.errors.length > 1 ? ` (+${init.errors.length - 1} more)` : ""
  const requestId = init.requestId ? ` [request id ${init.requestId}]` : ""
  const attempts = init.attempts && init.attempts > 1 ? ` after ${init.attempts} attempts` : ""
  return `SP-API ${init.operation} failed${attempts}, ${status}${code}${message}${details}${more}${requestId}`
}
