import { performance } from "node:perf_hooks"
import { DEFAULT_RATE_LIMITS, FALLBACK_RATE_LIMIT, type RateLimit } from "./rate-limits"

/**
 * Client-side token buckets, one per (selling partner, operation), mirroring Amazon's usage plans so that
 * calls wait here instead of being sent to fail with 429 (notes §2.1). All rate limiting of the client
 * lives in this file.
 *
 * How it stays at the quota without crossing it:
 *  - The bucket starts full (`burst` tokens), as Amazon's does, so the first `burst` calls go at once.
 *  - Tokens refill continuously at `rate` from a monotonic clock; waiting calls sleep on one timer per bucket
 *    (no polling) and are served strictly first-in-first-out. A timer that fires late does not push later
 *    calls back: refill is computed from elapsed time, not counted per wake-up.
 *  - A call is granted only when the bucket holds 1 + `reserve` tokens, where `reserve = rate × margin`
 *    (capped at half of `burst − 1`, so that a late timer never finds the bucket capped at `burst`). The reserve is a cushion, not a per-call delay: it is paid once when a full
 *    bucket drains, and afterwards calls leave exactly 1/rate apart while Amazon's bucket keeps `reserve`
 *    spare tokens. That absorbs what the local model cannot see — network latency varying between calls,
 *    the server's clock granularity — which would otherwise turn "a token arrives in 0.2 ms" into a 429.
 *  - `x-amzn-RateLimit-Limit` on a response is the seller's real rate for that operation; the bucket adopts it
 *    (refill so far is kept at the old rate).
 *  - A 429 means Amazon's bucket is empty: the local bucket is drained to zero and the margin doubles (up
 *    to `maxSafetyMarginMs`), so a client whose margin was too thin for its network learns a safer one.
 */

export interface TokenBucketOptions extends RateLimit {
  /** Latency jitter to absorb, in ms; see the file comment. Default 25. */
  safetyMarginMs?: number
  /** Upper bound for the margin after 429s. Default 2000. */
  maxSafetyMarginMs?: number
  /**
   * Unref the wait timer so that a queue of waiting calls does not by itself keep the process alive
   * (default true). A process that only waits for a token and has nothing else open (no server, no socket)
   * may then exit mid-wait; pass false in such scripts.
   */
  unrefTimers?: boolean
  /** Monotonic clock in ms, for tests. */
  now?: () => number
}

export interface TokenBucketState {
  rate: number
  burst: number
  tokens: number
  queued: number
  safetyMarginMs: number
  granted: number
  throttled: number
}

interface Waiter {
  resolve: () => void
}

export class TokenBucket {
  private ratePerMs: number
  private readonly burst: number
  private tokens: number
  private updatedAt: number
  private marginMs: number
  private readonly maxMarginMs: number
  private readonly unrefTimers: boolean
  private readonly now: () => number
  private readonly queue: Waiter[] = []
  private head = 0
  private timer: NodeJS.Timeout | undefined
  private granted = 0
  private throttled = 0

  constructor(options: TokenBucketOptions) {
    if (!(options.rate > 0) || !(options.burst >= 1)) {
      throw new RangeError(`A token bucket needs rate > 0 and burst ≥ 1 (got ${options.rate}/${options.burst})`)
    }
    this.ratePerMs = options.rate / 1000
    this.burst = options.burst
    this.tokens = options.burst
    this.now = options.now ?? (() => performance.now())
    this.updatedAt = this.now()
    this.marginMs = Math.max(0, options.safetyMarginMs ?? 25)
    this.maxMarginMs = Math.max(this.marginMs, options.maxSafetyMarginMs ?? 2000)
    this.unrefTimers = options.unrefTimers ?? true
  }

  /** Resolves when the caller may send one request. FIFO: a later caller never overtakes an earlier one. */
  acquire(): Promise<void> {
    if (this.queued === 0) {
      this.refill()
      if (this.tokens >= this.threshold) {
        this.take()
        return Promise.resolve()
      }
    }
    return new Promise<void>((resolve) => {
      this.queue.push({ resolve })
      this.pump()
    })
  }

  /** Adopts the rate Amazon reported in `x-amzn-RateLimit-Limit` (requests per second). */
  setRate(rate: number): void {
    if (!(rate > 0) || !Number.isFinite(rate) || Math.abs(rate / 1000 - this.ratePerMs) < 1e-12) {
      return
    }
    this.refill()
    this.ratePerMs = rate / 1000
    this.reschedule()
  }

  /** Amazon answered 429: its bucket is empty, so ours is too; and our margin was too thin. */
  drain(): void {
    this.refill()
    this.tokens = 0
    this.throttled += 1
    this.marginMs = Math.min(this.maxMarginMs, Math.max(10, this.marginMs * 2))
    this.reschedule()
  }

  get rate(): number {
    return this.ratePerMs * 1000
  }

  get queued(): number {
    return this.queue.length - this.head
  }

  state(): TokenBucketState {
    this.refill()
    return {
      rate: this.rate,
      burst: this.burst,
      tokens: this.tokens,
      queued: this.queued,
      safetyMarginMs: this.marginMs,
      granted: this.granted,
      throttled: this.throttled,
    }
  }

  /**
   * Tokens that must be in the bucket before one is handed out: the token itself plus the cushion. The
   * cushion takes at most half of the room above one token: a grant threshold at (or near) `burst` would
   * let refill be cut off by the cap while a timer fires late, and every late wake-up would then be lost
   * time (with burst 2 at 100 rps, ~1 ms per call).
   */
  private get threshold(): number {
    return 1 + Math.min((this.burst - 1) / 2, this.ratePerMs * this.marginMs)
  }

  private refill(): void {
    const now = this.now()
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.ratePerMs)
      this.updatedAt = now
    }
  }

  private take(): void {
    this.tokens -= 1
    this.granted += 1
  }

  private pump(): void {
    this.refill()
    while (this.queued > 0 && this.tokens >= this.threshold) {
      const waiter = this.queue[this.head]
      this.head += 1
      this.take()
      waiter.resolve()
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head)
      this.head = 0
    }
    this.reschedule()
  }

  /** One timer per bucket, set for the moment the head of the queue can be served. */
  private reschedule(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.queued === 0) {
      return
    }
    const missing = this.threshold - this.tokens
    // ceil: a timer that fires a fraction early would only find the token not quite there yet
    const delay = Math.max(1, Math.ceil(missing / this.ratePerMs))
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.pump()
    }, delay)
    if (this.unrefTimers) {
      this.timer.unref()
    }
  }
}

export interface RateLimiterRegistryOptions {
  /** Overrides or additions to {@link DEFAULT_RATE_LIMITS}, by operation id. */
  limits?: Partial<Record<string, RateLimit>>
  /** See {@link TokenBucketOptions.safetyMarginMs}. */
  safetyMarginMs?: number
  maxSafetyMarginMs?: number
  unrefTimers?: boolean
  now?: () => number
}

export interface RateLimiterBucketState extends TokenBucketState {
  sellingPartner: string
  operation: string
}

/**
 * All buckets of a process, keyed by selling partner + operation. Share one instance between every client
 * that talks to the same sellers (Amazon's limits are per seller × application, not per client object).
 * Buckets live in this process only: several worker processes each have their own (see README, limits).
 */
export class RateLimiterRegistry {
  private readonly buckets = new Map<string, { sellingPartner: string; operation: string; bucket: TokenBucket }>()

  constructor(private readonly options: RateLimiterRegistryOptions = {}) {}

  /** The bucket for one operation of one selling partner, created from the default table on first use. */
  bucket(sellingPartner: string, operation: string): TokenBucket {
    const key = `${sellingPartner}\u0000${operation}`
    let entry = this.buckets.get(key)
    if (!entry) {
      const limit =
        this.options.limits?.[operation] ??
        (DEFAULT_RATE_LIMITS as Record<string, RateLimit | undefined>)[operation] ??
        FALLBACK_RATE_LIMIT
      entry = {
        sellingPartner,
        operation,
        bucket: new TokenBucket({
          ...limit,
          safetyMarginMs: this.options.safetyMarginMs,
          maxSafetyMarginMs: this.options.maxSafetyMarginMs,
          unrefTimers: this.options.unrefTimers,
          now: this.options.now,
        }),
      }
      this.buckets.set(key, entry)
    }
    return entry.bucket
  }

  acquire(sellingPartner: string, operation: string): Promise<void> {
    return this.bucket(sellingPartner, operation).acquire()
  }

  /** Feed it the `x-amzn-RateLimit-Limit` header of any response (absent or garbled values are ignored). */
  observeRateLimitHeader(sellingPartner: string, operation: string, header: unknown): void {
    const rate = typeof header === "string" || typeof header === "number" ? Number.parseFloat(String(header)) : NaN
    if (rate > 0 && Number.isFinite(rate)) {
      this.bucket(sellingPartner, operation).setRate(rate)
    }
  }

  throttled(sellingPartner: string, operation: string): void {
    this.bucket(sellingPartner, operation).drain()
  }

  snapshot(): RateLimiterBucketState[] {
    return [...this.buckets.values()].map(({ sellingPartner, operation, bucket }) => ({
      sellingPartner,
      operation,
      ...bucket.state(),
    }))
  }
}
