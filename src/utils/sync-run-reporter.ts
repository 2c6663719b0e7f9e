import type AmazonModuleService from "../modules/amazon/service"
import { safeErrorMessage } from "./db-error"

export type SyncRunError = { code: string; message: string; fatal?: boolean; [key: string]: unknown }

/**
 * Progress of a long-running step, written to its amazon_sync_run at most
 * once a second (the admin polls it): done/total, an ETA, counts and errors.
 * The ETA is given by the caller because it depends on Amazon's quota, not
 * on how fast the last items went.
 */
export class SyncRunReporter {
  readonly counts: Record<string, number> = {}
  readonly errors: SyncRunError[] = []
  done = 0
  total: number | null = null
  private lastWrite = 0

  constructor(
    private readonly amazon: AmazonModuleService,
    readonly runId: string,
    private readonly minIntervalMs = 1000
  ) {}

  count(key: string, by = 1): void {
    this.counts[key] = (this.counts[key] ?? 0) + by
  }

  /**
   * Errors are capped at 200 per run (the admin shows the first ones; counts hold the rest). Their text
   * carries no row values (a database error is named by its class: buyer data must never land here).
   */
  error(error: SyncRunError): void {
    this.count("errors")
    if (this.errors.length < 200) this.errors.push({ ...error, message: safeErrorMessage(error.message) })
  }

  async progress(done: number, total: number | null, etaSeconds: number | null = null, force = false): Promise<void> {
    this.done = done
    this.total = total
    const now = Date.now()
    if (!force && now - this.lastWrite < this.minIntervalMs) return
    this.lastWrite = now
    await this.amazon.updateAmazonSyncRuns({
      id: this.runId,
      progress_done: done,
      progress_total: total,
      eta_seconds: etaSeconds === null ? null : Math.max(0, Math.round(etaSeconds)),
      counts: this.counts,
      errors: this.errors as unknown as Record<string, unknown>,
    })
  }

  /** What finishSyncRunStep takes. */
  result(status?: "succeeded" | "failed") {
    return {
      run_id: this.runId,
      status: status ?? (this.errors.some((e) => e.fatal) ? "failed" : "succeeded"),
      counts: this.counts,
      errors: this.errors,
      progress: { done: this.done, total: this.total },
    } as const
  }
}
