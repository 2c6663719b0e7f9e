import type { ListingIssue } from "./desired-listing"

/** Amazon's processing report of a JSON_LISTINGS_FEED (listings-feed-processing-report-schema-v2.json). */
export type ProcessingReport = {
  header?: { sellerId?: string; feedId?: string }
  issues?: Array<{ messageId?: number; sku?: string; code?: string; severity?: string; message?: string; attributeName?: string }>
  summary?: { errors?: number; warnings?: number; messagesProcessed?: number; messagesAccepted?: number; messagesInvalid?: number }
}

export type MessageOutcome = { messageId: number; accepted: boolean; issues: ListingIssue[] }

export class MalformedProcessingReportError extends Error {
  constructor(detail: string) {
    super(`Amazon's processing report could not be read (${detail}); the feed's changes stay claimed and are retried.`)
    this.name = "MalformedProcessingReportError"
  }
}

/** Severities Amazon's schema knows (listings-feed-processing-report-schema-v2.json). */
const KNOWN_SEVERITIES = ["ERROR", "WARNING", "INFO"]

export type ReadProcessingReport = {
  outcomes: MessageOutcome[]
  /**
   * Amazon's summary as sent (null when it was not an object), plus `unrecognized`: what in the report did not
   * fit what we know — an unknown severity, an issue for a message the feed did not have, an unreadable
   * message id — said in words, so it is kept with the feed instead of being dropped or crashing the read.
   */
  summary: (NonNullable<ProcessingReport["summary"]> & { unrecognized?: string[] }) | null
}

/**
 * Per message: accepted unless Amazon reported an ERROR for it. Unknown fields are ignored. What does not
 * fit is read as safely as it can be and said in `summary.unrecognized`: an issue of a severity Amazon's
 * schema does not list counts as an error (a message is never taken as accepted on a word we do not know);
 * an issue whose message id is unreadable counts for the whole feed, like one without a message id; an
 * issue for a message the feed did not have touches nothing. A report whose issues cannot be told apart
 * (not a list, an issue that is not an object) is refused as a whole: nothing half-applied.
 */
export function readProcessingReport(raw: unknown, messageIds: number[]): ReadProcessingReport {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new MalformedProcessingReportError("not a JSON object")
  const report = raw as ProcessingReport
  if (report.issues !== undefined && report.issues !== null && !Array.isArray(report.issues)) throw new MalformedProcessingReportError("issues is not a list")
  const unrecognized: string[] = []
  let summary: ProcessingReport["summary"] | null = null
  if (report.summary !== undefined && report.summary !== null) {
    if (typeof report.summary === "object" && !Array.isArray(report.summary)) summary = report.summary
    else unrecognized.push(`summary is not an object (${JSON.stringify(report.summary).slice(0, 40)}); ignored`)
  }
  const sent = new Set(messageIds)
  const byMessage = new Map<number, ListingIssue[]>()
  const feedWide: ListingIssue[] = []
  for (const issue of report.issues ?? []) {
    if (!issue || typeof issue !== "object" || Array.isArray(issue)) throw new MalformedProcessingReportError("an issue is not an object")
    const rawSeverity = String(issue.severity ?? "ERROR").toUpperCase()
    const known = KNOWN_SEVERITIES.includes(rawSeverity)
    const message = typeof issue.message === "string" && issue.message ? issue.message : "Amazon reported a problem without a message"
    if (!known) unrecognized.push(`an issue of unknown severity "${cut(rawSeverity)}" (code ${cut(String(issue.code ?? "none"))}) was counted as an error`)
    const mapped: ListingIssue = {
      source: "amazon",
      code: String(issue.code ?? "unknown"),
      severity: rawSeverity === "ERROR" || !known ? "error" : "warning",
      message: known ? message : `${message} (Amazon's severity "${cut(rawSeverity)}" is not one we know; counted as an error)`,
      ...(typeof issue.attributeName === "string" && issue.attributeName ? { field: `amazon:${issue.attributeName}` } : {}),
    }
    const messageId = messageIdOf(issue.messageId)
    if (messageId === undefined) {
      feedWide.push(mapped)
    } else if (messageId === null) {
      unrecognized.push(`an issue has the message id ${cut(JSON.stringify(issue.messageId))}, which is not a number; it was counted for the whole feed`)
      feedWide.push(mapped)
    } else if (!sent.has(messageId)) {
      unrecognized.push(`an issue names message ${messageId}, which this feed did not have (${cut(message)})`)
    } else {
      byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), mapped])
    }
  }
  const feedFailed = feedWide.some((i) => i.severity === "error")
  const outcomes = messageIds.map((messageId) => {
    const issues = [...(byMessage.get(messageId) ?? []), ...(feedFailed ? feedWide : [])]
    return { messageId, accepted: !issues.some((i) => i.severity === "error"), issues }
  })
  const withNotes = unrecognized.length ? { ...(summary ?? {}), unrecognized } : summary
  return { outcomes, summary: withNotes }
}

/** undefined: none given (a feed-wide issue); null: given but not a message id; else the id (Amazon's integers, or their text). */
function messageIdOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return undefined
  const id = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof id === "number" && Number.isInteger(id) && id > 0 ? id : null
}

function cut(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
