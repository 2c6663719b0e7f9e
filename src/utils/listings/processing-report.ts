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

/**
 * Per message: accepted unless Amazon reported an ERROR for it. Unknown
 * fields are ignored; a report that is not the expected shape is refused as a
 * whole (nothing half-applied).
 */
export function readProcessingReport(raw: unknown, messageIds: number[]): { outcomes: MessageOutcome[]; summary: ProcessingReport["summary"] } {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new MalformedProcessingReportError("not a JSON object")
  const report = raw as ProcessingReport
  if (report.issues !== undefined && !Array.isArray(report.issues)) throw new MalformedProcessingReportError("issues is not a list")
  if (report.summary !== undefined && (typeof report.summary !== "object" || report.summary === null)) {
    throw new MalformedProcessingReportError("summary is not an object")
  }
  const byMessage = new Map<number, ListingIssue[]>()
  const feedWide: ListingIssue[] = []
  for (const issue of report.issues ?? []) {
    if (!issue || typeof issue !== "object") throw new MalformedProcessingReportError("an issue is not an object")
    const severity = String(issue.severity ?? "ERROR").toUpperCase()
    const mapped: ListingIssue = {
      source: "amazon",
      code: String(issue.code ?? "unknown"),
      severity: severity === "ERROR" ? "error" : "warning",
      message: String(issue.message ?? "Amazon reported a problem without a message"),
      ...(issue.attributeName ? { field: `amazon:${issue.attributeName}` } : {}),
    }
    if (typeof issue.messageId === "number") {
      const list = byMessage.get(issue.messageId) ?? []
      list.push(mapped)
      byMessage.set(issue.messageId, list)
    } else {
      feedWide.push(mapped)
    }
  }
  const feedFailed = feedWide.some((i) => i.severity === "error")
  const outcomes = messageIds.map((messageId) => {
    const issues = [...(byMessage.get(messageId) ?? []), ...(feedFailed ? feedWide : [])]
    return { messageId, accepted: !issues.some((i) => i.severity === "error"), issues }
  })
  return { outcomes, summary: report.summary }
}
