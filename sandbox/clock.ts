/**
 * The sandbox's notion of time. Everything that happens "later" on Amazon's side (feeds and reports
 * finishing, token buckets refilling, pending orders becoming unshipped) is computed from this clock,
 * lazily, when a request comes in — so the sandbox never needs a timer that keeps a test process alive.
 *
 * `timeScale` speeds up *Amazon's* time: a report that takes 60 simulated seconds is ready after
 * 60 / timeScale real seconds, and a bucket refilling at 0.0056 req/s refills at 0.0056 × timeScale.
 * Credentials (access-token lifetime, presigned URL expiry, authorization codes) use the clock unscaled,
 * because the client's own wall clock governs them.
 */
export class SandboxClock {
  private offsetMs = 0

  constructor(
    private readonly base: () => number,
    public timeScale: number
  ) {
    if (!(timeScale > 0)) {
      throw new Error(`timeScale must be a positive number, got ${timeScale}`)
    }
  }

  /** Milliseconds since the epoch, including any offset added with `advance`. */
  now(): number {
    return this.base() + this.offsetMs
  }

  /** Moves the clock forward by `ms` real milliseconds (tests use it instead of sleeping). */
  advance(ms: number): void {
    this.offsetMs += ms
  }

  /** Real milliseconds that `simulatedSeconds` of Amazon time take at the current scale. */
  realMs(simulatedSeconds: number): number {
    return (simulatedSeconds * 1000) / this.timeScale
  }

  iso(ms: number = this.now()): string {
    return new Date(ms).toISOString()
  }
}
