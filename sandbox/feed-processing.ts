import { gzipSync } from "node:zlib"
import { OperationType, Submission, applyEvaluation, evaluateSubmission } from "./listing-rules"
import { renderListingItem } from "./listing-view"
import { ORDER_FEED_TYPES, processOrderFeed } from "./order-feeds"
import { SandboxState } from "./state"
import { FeedRecord, ListingIssue } from "./types"

/**
 * What Amazon does with a feed once it leaves the queue. JSON_LISTINGS_FEED documents are processed
 * message by message into a processing report (schemas/feeds/listings-feed-processing-report-schema-v2.json);
 * accepted messages change the seller's listings. Feed types removed on 2025-07-31 end FATAL, as Amazon
 * announced; other types are accepted without interpretation.
 */

/** Legacy feed types removed 2025-07-31 (notes §0.2, §5.5). */
export const REMOVED_FEED_TYPES = new Set([
  "POST_PRODUCT_DATA",
  "POST_INVENTORY_AVAILABILITY_DATA",
  "POST_PRODUCT_OVERRIDES_DATA",
  "POST_PRODUCT_PRICING_DATA",
  "POST_PRODUCT_IMAGE_DATA",
  "POST_PRODUCT_RELATIONSHIP_DATA",
  "POST_FLAT_FILE_INVLOADER_DATA",
  "POST_FLAT_FILE_BOOKLOADER_DATA",
  "POST_FLAT_FILE_CONVERGENCE_LISTINGS_DATA",
  "POST_FLAT_FILE_LISTINGS_DATA",
  "POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA",
  "POST_UIEE_BOOKLOADER_DATA",
])

export const PROCESSING_REPORT_CONTENT_TYPE = "application/json; charset=UTF-8"
const MAX_MESSAGES = 25000 // listings-feed-schema-v2.json messages.maxItems
const OPERATION_TYPES = new Set(["UPDATE", "PARTIAL_UPDATE", "PATCH", "DELETE"])

export interface ProcessingOutcome {
  status: "DONE" | "FATAL"
  /** Bytes of the result document (not yet compressed) and its content type. */
  result?: { content: Buffer; contentType: string }
}

interface ReportIssue {
  messageId?: number
  sku?: string
  code?: string
  severity: "ERROR" | "WARNING" | "INFO"
  message: string
  attributeName?: string
}

export function processFeed(state: SandboxState, feed: FeedRecord, randomWarnings = true): ProcessingOutcome {
  const doc = state.documents.get(feed.inputFeedDocumentId)
  if (feed.feedType === "JSON_LISTINGS_FEED") {
    if (!doc?.content) return fatal(feed, "The feed document was never uploaded to its upload URL.")
    return processListingsFeed(state, feed, doc.content, randomWarnings)
  }
  if (ORDER_FEED_TYPES.has(feed.feedType)) return processOrderFeed(state, feed, doc?.content)
  if (REMOVED_FEED_TYPES.has(feed.feedType)) {
    const text = `Feed Processing Summary:\n\tThe feed type ${feed.feedType} is no longer supported. Use JSON_LISTINGS_FEED.\n`
    return { status: "FATAL", result: { content: Buffer.from(text), contentType: "text/plain; charset=UTF-8" } }
  }
  const text = `Feed Processing Summary:\n\tNumber of records processed\t\t0\n\tNumber of records successful\t\t0\n(the sandbox accepts ${feed.feedType} without interpreting it)\n`
  return { status: "DONE", result: { content: Buffer.from(text), contentType: "text/plain; charset=UTF-8" } }
}

function report(feed: FeedRecord, issues: ReportIssue[], summary: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    header: { sellerId: feed.sellerId, version: "2.0", feedId: feed.feedId, ...(extra.header as object | undefined) },
    issues,
    summary,
    ...(extra.items ? { items: extra.items } : {}),
  }
}

function fatal(feed: FeedRecord, message: string): ProcessingOutcome {
  const body = report(feed, [{ code: "4000004", severity: "ERROR", message }], {
    errors: 1,
    warnings: 0,
    messagesProcessed: 0,
    messagesAccepted: 0,
    messagesInvalid: 0,
  })
  return { status: "FATAL", result: { content: Buffer.from(JSON.stringify(body)), contentType: PROCESSING_REPORT_CONTENT_TYPE } }
}

function processListingsFeed(state: SandboxState, feed: FeedRecord, content: Buffer, randomWarnings: boolean): ProcessingOutcome {
  let doc: unknown
  try {
    doc = JSON.parse(content.toString("utf8"))
  } catch (e) {
    return fatal(feed, `The feed document is not valid JSON: ${(e as Error).message}`)
  }
  const root = (doc ?? {}) as { header?: Record<string, unknown>; messages?: unknown }
  if (typeof doc !== "object" || doc === null || !root.header || !Array.isArray(root.messages)) {
    return fatal(feed, "The feed document does not follow the JSON_LISTINGS_FEED schema: it needs a 'header' object and a 'messages' array.")
  }
  if (root.header.sellerId !== feed.sellerId) {
    return fatal(feed, `header.sellerId '${String(root.header.sellerId)}' does not match the selling partner that submitted the feed.`)
  }
  if (root.header.version !== "2.0") return fatal(feed, `header.version must be "2.0", got '${String(root.header.version)}'.`)
  if (root.messages.length === 0 || root.messages.length > MAX_MESSAGES) {
    return fatal(feed, `A JSON_LISTINGS_FEED must contain between 1 and ${MAX_MESSAGES} messages; this one has ${root.messages.length}.`)
  }

  const issues: ReportIssue[] = []
  let accepted = 0
  let invalid = 0
  const seenIds = new Set<number>()
  const touched: { sku: string; deleted: boolean }[] = []

  for (const raw of root.messages) {
    const message = (raw ?? {}) as Record<string, unknown>
    const messageId = typeof message.messageId === "number" && Number.isInteger(message.messageId) && message.messageId >= 1 ? message.messageId : undefined
    const sku = typeof message.sku === "string" && message.sku.length > 0 ? message.sku : undefined
    const operationType = String(message.operationType ?? "")
    const base = { ...(messageId !== undefined ? { messageId } : {}), ...(sku ? { sku } : {}) }
    const malformed: string[] = []
    if (messageId === undefined) malformed.push("'messageId' must be an integer of 1 or more")
    else if (seenIds.has(messageId)) malformed.push(`'messageId' ${messageId} is used by another message in this feed`)
    if (!sku) malformed.push("'sku' is required")
    if (!OPERATION_TYPES.has(operationType)) malformed.push("'operationType' must be one of UPDATE, PARTIAL_UPDATE, PATCH, DELETE")
    if (messageId !== undefined) seenIds.add(messageId)
    if (malformed.length || !sku) {
      invalid++
      for (const m of malformed) issues.push({ ...base, code: "4000001", severity: "ERROR", message: `${m}.` })
      continue
    }

    const messageIssues = new Map<string, ListingIssue>()
    const evaluations = feed.marketplaceIds.map((marketplaceId) => {
      const submission: Submission = {
        sellerId: feed.sellerId,
        marketplaceId,
        sku,
        operationType: operationType as OperationType,
        productType: typeof message.productType === "string" ? message.productType : undefined,
        requirements: typeof message.requirements === "string" ? message.requirements : undefined,
        attributes: message.attributes as Record<string, unknown> | undefined,
        patches: Array.isArray(message.patches) ? message.patches : undefined,
      }
      const evaluation = evaluateSubmission(state, submission, { randomWarnings })
      for (const issue of evaluation.issues) messageIssues.set(`${issue.code}|${issue.message}`, issue)
      return { submission, evaluation }
    })
    for (const issue of messageIssues.values()) {
      issues.push({
        ...base,
        code: issue.code,
        severity: issue.severity,
        message: issue.message,
        ...(issue.attributeNames?.[0] ? { attributeName: issue.attributeNames[0] } : {}),
      })
    }
    if (evaluations.every((e) => e.evaluation.accepted)) {
      for (const { submission, evaluation } of evaluations) applyEvaluation(state, submission, evaluation)
      accepted++
      touched.push({ sku, deleted: operationType === "DELETE" })
    } else {
      invalid++
    }
  }

  const summary: Record<string, unknown> = {
    errors: issues.filter((i) => i.severity === "ERROR").length,
    warnings: issues.filter((i) => i.severity === "WARNING").length,
    messagesProcessed: root.messages.length,
    messagesAccepted: accepted,
    messagesInvalid: invalid,
  }
  const extra: Record<string, unknown> = {}
  const requested = root.header.report as { includedData?: unknown; apiVersion?: unknown } | undefined
  if (requested && Array.isArray(requested.includedData)) {
    const includedData = requested.includedData.map(String)
    const marketplaceId = feed.marketplaceIds[0]
    const items = touched
      .filter((t) => !t.deleted)
      .map((t) => state.getListing(feed.sellerId, marketplaceId, t.sku))
      .filter((l): l is NonNullable<typeof l> => !!l)
    extra.header = { report: { includedData, apiVersion: "2021-08-01" } }
    extra.items = items.map((l) => renderListingItem(l, includedData))
    summary.itemSummary = {
      items: items.length,
      errors: items.reduce((n, l) => n + l.issues.filter((i) => i.severity === "ERROR").length, 0),
      warnings: items.reduce((n, l) => n + l.issues.filter((i) => i.severity === "WARNING").length, 0),
    }
  }
  const body = report(feed, issues, summary, extra)
  return { status: "DONE", result: { content: Buffer.from(JSON.stringify(body)), contentType: PROCESSING_REPORT_CONTENT_TYPE } }
}

export function gzipResult(content: Buffer): Buffer {
  return gzipSync(content)
}
