import { SpApiError } from "./errors"

/**
 * When to try a failed call again, and how long to wait first. The loop itself is in transport.ts; this
 * file holds the policy so that it can be read (and tested) on its own.
 *
 * Retried, for every operation:
 *  - 429 QuotaExceeded: Amazon throttled the call before doing anything with it.
 *  - 503 Service Unavailable: the service turned the call away (overload/maintenance) before processing it.
 *  - a connection that was never established (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, …): nothing was sent.
 * Retried only for idempotent operations (reads, PUT/PATCH/DELETE of a listing, cancel…):
 *  - 500, 502, 504: the request reached Amazon and failed somewhere inside; it may have had an effect.
 *  - timeouts, connection resets, a response cut off or unreadable: the request may have been received.
 * `createFeed` and `confirmShipment` are not idempotent — a second `createFeed` submits the same document
 * again (and spends one of 5 feeds / 5 min), a second `confirmShipment` can confirm a package twice — so
 * after a timeout or a 500 they fail with `SpApiNetworkError.mayHaveBeenReceived` / `SpApiError.retryable`
 * and the caller decides (e.g. check `getFeeds` / the order before sending again).
 */

export interface RetryPolicy {
  /** Retries after the first attempt (so at most `maxRetries + 1` requests). */
  maxRetries: number
  /** First backoff ceiling; doubles each retry. */
  baseDelayMs: number
  /** Backoff ceiling. */
  maxDelayMs: number
  /** Source of jitter in [0, 1); replace in tests. */
  random?: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 200, maxDelayMs: 20_000 }

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform
 * delay in [0, min(max, base × 2^retry)). Spreads competing clients apart instead of synchronising them.
 */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry))
  return Math.floor((policy.random ?? Math.random)() * ceiling)
}

/** What went wrong with one attempt, as far as retrying is concerned. */
export type FailureKind =
  | { kind: "http"; status: number }
  /** No connection was made: the request cannot have reached Amazon. */
  | { kind: "not-sent" }
  /** Timeout, reset, truncated or unreadable response: the request may have reached Amazon. */
  | { kind: "maybe-received"; timeout: boolean }

export function isRetryable(failure: FailureKind, idempotent: boolean): boolean {
  switch (failure.kind) {
    case "not-sent":
      return true
    case "maybe-received":
      return idempotent
    case "http":
      if (failure.status === 429 || failure.status === 503) {
        return true
      }
      return idempotent && (failure.status === 500 || failure.status === 502 || failure.status === 504)
  }
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"])

/** Classifies a Node/axios error code of an attempt that got no (usable) HTTP response. */
export function classifyNetworkError(code: string | undefined): FailureKind {
  if (code && NOT_SENT_CODES.has(code)) {
    return { kind: "not-sent" }
  }
  return { kind: "maybe-received", timeout: code === "ETIMEDOUT" || code === "ECONNABORTED" }
}

/** A promise that resolves after `ms`, on an unref'd timer (a pending backoff never holds a process open). */
export function sleep(ms: number, unref = true): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) {
      resolve()
      return
    }
    const timer = setTimeout(resolve, ms)
    if (unref) {
      timer.unref()
    }
  })
}

export interface WithRetriesOptions {
  policy: RetryPolicy
  /** Default: `error.retryable`. */
  shouldRetry?: (error: SpApiError) => boolean
  /** Called before each backoff sleep; for logging. */
  onRetry?: (error: SpApiError, retry: number, delayMs: number) => void
  unrefTimers?: boolean
}

/**
 * Runs `attempt(0)`, `attempt(1)`, … until one resolves, one throws an error that is not a retryable
 * `SpApiError`, or `policy.maxRetries` retries are spent; sleeps a full-jitter backoff between attempts.
 * Each attempt does its own waiting for quota (the limiter) and classifies its own failure into
 * `SpApiError.retryable` with {@link isRetryable}.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: WithRetriesOptions): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n)
    } catch (error) {
      const retry = error instanceof SpApiError && (options.shouldRetry?.(error) ?? error.retryable)
      if (!retry || n >= options.policy.maxRetries) {
        throw error
      }
      const delay = backoffDelay(n, options.policy)
      options.onRetry?.(error, n + 1, delay)
      await sleep(delay, options.unrefTimers ?? true)
    }
  }
}
