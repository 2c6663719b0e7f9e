/**
 * A queue worked off by a fixed number of concurrent workers, fed while it runs: the order import pushes
 * each committed page's rows while the next page waits for its quota token, so turning orders into Medusa
 * orders overlaps with Amazon's pacing instead of adding to it. An id already waiting is not queued twice;
 * `stop()` lets running work finish and leaves the rest (it stays in the ledger for the next run).
 * `pushLater` queues ids behind everything `push` queues, now or later: retries of held and failed rows
 * run only while no new order waits.
 */
export class WorkQueue {
  private readonly waiting: string[] = []
  private readonly later: string[] = []
  private readonly queued = new Set<string>()
  private running = 0
  private stopped = false
  private idle: Array<() => void> = []
  processed = 0

  constructor(
    private readonly worker: (id: string) => Promise<void>,
    private readonly concurrency: number
  ) {}

  push(ids: Iterable<string>): void {
    if (this.stopped) return
    for (const id of ids) {
      if (this.queued.has(id)) {
        // a retry waiting behind that Amazon has just changed: it is new work now
        const at = this.later.indexOf(id)
        if (at >= 0) this.waiting.push(...this.later.splice(at, 1))
        continue
      }
      this.queued.add(id)
      this.waiting.push(id)
    }
    this.pump()
  }

  pushLater(ids: Iterable<string>): void {
    if (this.stopped) return
    for (const id of ids) {
      if (this.queued.has(id)) continue
      this.queued.add(id)
      this.later.push(id)
    }
    this.pump()
  }

  get size(): number {
    return this.waiting.length + this.later.length + this.running
  }

  /** Resolves once nothing waits and nothing runs. */
  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  /** No more work is started; returns once the running work is done. */
  stop(): Promise<void> {
    this.stopped = true
    for (const id of [...this.waiting.splice(0), ...this.later.splice(0)]) this.queued.delete(id)
    return this.drain()
  }

  private pump(): void {
    while (!this.stopped && this.running < this.concurrency && (this.waiting.length || this.later.length)) {
      const id = (this.waiting.length ? this.waiting.shift() : this.later.shift())!
      this.queued.delete(id)
      this.running++
      void this.worker(id)
        .catch(() => undefined)
        .finally(() => {
          this.running--
          this.processed++
          this.pump()
          if (this.size === 0) for (const resolve of this.idle.splice(0)) resolve()
        })
    }
    if (this.size === 0) for (const resolve of this.idle.splice(0)) resolve()
  }
}
