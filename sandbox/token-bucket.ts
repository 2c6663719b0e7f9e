import { SandboxClock } from "./clock"
import { UsagePlan } from "./rate-limits"

/**
 * Amazon's throttling algorithm (developer-docs "Usage Plans and Rate Limits"): each call takes one token;
 * tokens come back at `rate` per second up to `burst`; an empty bucket answers 429. Buckets start full.
 * Refill is multiplied by the clock's time scale.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    readonly plan: UsagePlan,
    now: number
  ) {
    this.tokens = plan.burst
    this.last = now
  }

  take(now: number, timeScale: number): boolean {
    const elapsedSeconds = Math.max(0, now - this.last) / 1000
    this.tokens = Math.min(this.plan.burst, this.tokens + elapsedSeconds * this.plan.rate * timeScale)
    this.last = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return true
    }
    return false
  }

  available(now: number, timeScale: number): number {
    const elapsedSeconds = Math.max(0, now - this.last) / 1000
    return Math.min(this.plan.burst, this.tokens + elapsedSeconds * this.plan.rate * timeScale)
  }
}

/** One bucket per key — the key is (LWA app, selling partner, operation), as Amazon meters them. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(private readonly clock: SandboxClock) {}

  take(key: string, plan: UsagePlan): boolean {
    let bucket = this.buckets.get(key)
    if (!bucket || bucket.plan !== plan) {
      bucket = new TokenBucket(plan, this.clock.now())
      this.buckets.set(key, bucket)
    }
    return bucket.take(this.clock.now(), this.clock.timeScale)
  }

  clear(): void {
    this.buckets.clear()
  }
}

/** The `x-amzn-RateLimit-Limit` value: the plan's rate as the client experiences it (× time scale). */
export function rateLimitHeader(plan: UsagePlan, timeScale: number): string {
  return String(Number((plan.rate * timeScale).toPrecision(6)))
}
