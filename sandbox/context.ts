import { randomBytes } from "node:crypto"
import { SandboxClock } from "./clock"
import { FaultInjector } from "./faults"
import { gzipResult, processFeed } from "./feed-processing"
import { AmazonModels, defaultModelsDir, loadAmazonModels } from "./models"
import { SeededRandom } from "./random"
import { LISTINGS_REPORT_TYPES, REPORT_CONTENT_TYPE, listingsReportRenderer } from "./report-content"
import { RETURNS_REPORT_TYPE, finishReturnsReport } from "./returns"
import { seedApp, seedDemo } from "./seed"
import { SandboxState } from "./state"
import { TokenBuckets } from "./token-bucket"
import { FeedRecord, OperationStats, ReportRecord, RequestLogEntry, ResolvedOptions, SandboxOptions, ValidationFailure } from "./types"
import { SpApiValidator } from "./validation"

export const DEFAULT_REDIRECT_URI = "http://localhost:9000/admin/amazon/oauth/callback"
/** The request log keeps the most recent entries only, so a long benchmark cannot exhaust memory. */
const MAX_LOG_ENTRIES = 50_000

export type ProcessingStatus = "IN_QUEUE" | "IN_PROGRESS" | "DONE" | "FATAL" | "CANCELLED"

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const envScale = Number(process.env.SANDBOX_TIME_SCALE)
  return {
    timeScale: options.timeScale ?? (envScale > 0 ? envScale : 1),
    seed: options.seed ?? "demo",
    validateRequests: options.validateRequests ?? process.env.NODE_ENV === "test",
    validateResponses: options.validateResponses ?? false,
    rejectInvalid: options.rejectInvalid ?? false,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    defaultRedirectUri: options.defaultRedirectUri ?? process.env.SANDBOX_REDIRECT_URI ?? DEFAULT_REDIRECT_URI,
    randomSeed: options.randomSeed ?? 1,
    feedProcessingSeconds: options.feedProcessingSeconds ?? { queue: 30, progress: 60 },
    reportProcessingSeconds: options.reportProcessingSeconds ?? { queue: 20, progress: 40 },
    now: options.now ?? Date.now,
    modelsDir: options.modelsDir,
    logger: options.logger ?? (() => undefined),
  }
}

/**
 * Everything one running sandbox owns. Routes receive it; the control API manipulates it. Amazon-side
 * progress (feeds, reports, pending orders) is applied by `tick()`, which runs before every request.
 */
export class SandboxContext {
  readonly clock: SandboxClock
  random!: SeededRandom
  state!: SandboxState
  faults!: FaultInjector
  readonly buckets: TokenBuckets
  readonly models: AmazonModels | null
  readonly validator?: SpApiValidator
  /** Secret for the presigned-like document URLs. */
  readonly signingSecret = randomBytes(32)
  requests: RequestLogEntry[] = []
  /** In-process observers of every request as it arrives (control.onRequest), before it is answered. */
  readonly requestListeners = new Set<(entry: RequestLogEntry) => void>()
  private seq = 0
  readonly stats = new Map<string, OperationStats>()
  validationFailures: ValidationFailure[] = []
  /** Timers of delayed answers (slow/timeout faults), cleared on close. */
  readonly timers = new Set<NodeJS.Timeout>()

  constructor(readonly options: ResolvedOptions) {
    this.clock = new SandboxClock(options.now, options.timeScale)
    this.buckets = new TokenBuckets(this.clock)
    this.models = loadAmazonModels(options.modelsDir ?? defaultModelsDir(), options.logger)
    if (this.models && (options.validateRequests || options.validateResponses)) {
      this.validator = new SpApiValidator(this.models, options.logger)
    }
    this.reset()
  }

  /** Back to the seed: state, buckets, faults, logs and counters. */
  reset(): void {
    this.random = new SeededRandom(this.options.randomSeed)
    this.state = new SandboxState(this.clock, this.random)
    this.faults = new FaultInjector(new SeededRandom(this.options.randomSeed ^ 0x5eed))
    seedApp(this.state)
    if (this.options.seed === "demo") seedDemo(this.state)
    this.buckets.clear()
    this.requests = []
    this.requestListeners.clear()
    this.stats.clear()
    this.validationFailures = []
  }

  log(line: string): void {
    this.options.logger(line)
  }

  // ---------------------------------------------------------------- request log and counters

  logRequest(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, ...entry }
    this.requests.push(full)
    if (this.requests.length > MAX_LOG_ENTRIES) this.requests.splice(0, this.requests.length - MAX_LOG_ENTRIES)
    for (const listener of [...this.requestListeners]) listener(full)
    return full
  }

  countResponse(operationId: string, status: number): void {
    let s = this.stats.get(operationId)
    if (!s) this.stats.set(operationId, (s = { calls: 0, throttled: 0, serverErrors: 0, timeouts: 0 }))
    s.calls++
    if (status === 429) s.throttled++
    else if (status >= 500) s.serverErrors++
    else if (status === 0) s.timeouts++
  }

  recordValidation(failure: Omit<ValidationFailure, "time">): void {
    this.validationFailures.push({ time: this.clock.iso(), ...failure })
    this.log(`validation failed (${failure.kind} ${failure.operationId ?? failure.feedId ?? ""}): ${failure.errors.map((e) => `${e.location} ${e.message}`).join("; ")}`)
  }

  // ---------------------------------------------------------------- Amazon-side progress

  tick(): void {
    const now = this.clock.now()
    for (const order of this.state.orders.values()) {
      if (order.status === "PENDING" && order.pendingUntil !== undefined && order.pendingUntil <= now) {
        if (order.fulfilledBy === "AMAZON") {
          order.status = "SHIPPED"
          for (const item of order.items) item.quantityShipped = item.quantityOrdered
        } else order.status = "UNSHIPPED"
        order.lastUpdatedAt = order.pendingUntil
        order.pendingUntil = undefined
      }
    }
    for (const feed of this.state.feeds.values()) if (!feed.result && !feed.cancelledAt) this.feedStatus(feed)
    for (const report of this.state.reports.values()) if (!report.result && !report.cancelledAt) this.reportStatus(report)
  }

  feedStatus(feed: FeedRecord): ProcessingStatus {
    if (feed.cancelledAt) return "CANCELLED"
    if (feed.result) return feed.result.status
    const { queue, progress } = this.options.feedProcessingSeconds
    const phase = this.phase(feed.createdAt, queue, progress, feed.advancedAt)
    if (phase.status !== "DONE") return phase.status
    const outcome = processFeed(this.state, feed)
    let resultFeedDocumentId: string | undefined
    if (outcome.result) {
      resultFeedDocumentId = this.state.newDocumentId(this.state.sellers.get(feed.sellerId)?.region ?? "na")
      this.state.documents.set(resultFeedDocumentId, {
        docId: resultFeedDocumentId,
        sellerId: feed.sellerId,
        kind: "feed-result",
        contentType: outcome.result.contentType,
        createdAt: phase.endedAt,
        content: gzipResult(outcome.result.content),
        compression: "GZIP",
      })
    }
    feed.result = { status: outcome.status, startedAt: phase.startedAt, endedAt: phase.endedAt, resultFeedDocumentId }
    this.log(`feed ${feed.feedId} ${outcome.status}`)
    return outcome.status
  }

  reportStatus(report: ReportRecord): ProcessingStatus {
    if (report.cancelledAt) return "CANCELLED"
    if (report.result) return report.result.status
    const { queue, progress } = this.options.reportProcessingSeconds
    const phase = this.phase(report.createdAt, queue, progress, report.advancedAt)
    if (phase.status !== "DONE") return phase.status
    if (report.reportType === RETURNS_REPORT_TYPE) return finishReturnsReport(this, report, phase)
    const spec = LISTINGS_REPORT_TYPES[report.reportType]
    if (!spec) {
      report.result = { status: "FATAL", startedAt: phase.startedAt, endedAt: phase.endedAt }
      return "FATAL"
    }
    // Listings reports cover one marketplace: the first one requested (notes §6).
    const marketplaceId = report.marketplaceIds[0]
    const rows = [...this.state.sellerListings(report.sellerId, marketplaceId).values()].filter(spec.filter)
    const key = `${report.sellerId}|${marketplaceId}`
    const extra = this.state.pendingReportRows.get(key) ?? []
    this.state.pendingReportRows.delete(key)
    const docId = this.state.newDocumentId(this.state.sellers.get(report.sellerId)?.region ?? "na")
    this.state.documents.set(docId, {
      docId,
      sellerId: report.sellerId,
      kind: "report",
      contentType: REPORT_CONTENT_TYPE,
      createdAt: phase.endedAt,
      compression: "GZIP",
      render: listingsReportRenderer(report.reportType, rows, extra),
    })
    report.result = { status: "DONE", startedAt: phase.startedAt, endedAt: phase.endedAt, reportDocumentId: docId }
    this.log(`report ${report.reportId} DONE (${rows.length} rows)`)
    return "DONE"
  }

  /** Where a job created at `createdAt` stands: queued, in progress, or due (with its start/end times). */
  private phase(createdAt: number, queueSeconds: number, progressSeconds: number, advancedAt?: number) {
    const now = this.clock.now()
    const queueEnd = createdAt + this.clock.realMs(queueSeconds)
    const progressEnd = queueEnd + this.clock.realMs(progressSeconds)
    if (advancedAt !== undefined && advancedAt < progressEnd) {
      return { status: "DONE" as const, startedAt: Math.min(queueEnd, advancedAt), endedAt: advancedAt }
    }
    if (now < queueEnd) return { status: "IN_QUEUE" as const, startedAt: 0, endedAt: 0 }
    if (now < progressEnd) return { status: "IN_PROGRESS" as const, startedAt: queueEnd, endedAt: 0 }
    return { status: "DONE" as const, startedAt: queueEnd, endedAt: progressEnd }
  }

  /** A delayed callback that does not keep the process alive and is cancelled by close(). */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    timer.unref()
    this.timers.add(timer)
  }

  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }
}
