import { Router } from "express"
import { SandboxContext } from "../context"
import { presignedUrl } from "../documents"
import { QUOTA_EXCEEDED, sendError, spApiRoute } from "../http"
import { JSON_LISTINGS_FEED_LIMIT } from "../rate-limits"
import { FeedRecord } from "../types"
import { decodeToken, encodeToken } from "./orders"

const API = "feeds_2021-06-30"
const FEED_STATUSES = ["CANCELLED", "DONE", "FATAL", "IN_PROGRESS", "IN_QUEUE"]

/** Feeds API 2021-06-30 (notes §5.1): documents, feeds, status, cancellation, result documents. */
export function feedsRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "createFeedDocument", api: API, method: "post", path: "/feeds/2021-06-30/documents" }, (req, res, call) => {
    const contentType = (req.body as { contentType?: unknown } | undefined)?.contentType
    if (typeof contentType !== "string" || contentType.trim() === "") return sendError(res, 400, "InvalidInput", "contentType is required.")
    const docId = ctx.state.newDocumentId(call.seller.region)
    ctx.state.documents.set(docId, { docId, sellerId: call.sellerId, kind: "feed-input", contentType, createdAt: ctx.clock.now() })
    res.status(201).json({ feedDocumentId: docId, url: presignedUrl(ctx, call.baseUrl, "upload", docId) })
  })

  spApiRoute(ctx, router, { operationId: "createFeed", api: API, method: "post", path: "/feeds/2021-06-30/feeds" }, (req, res, call) => {
    const body = (req.body ?? {}) as { feedType?: unknown; marketplaceIds?: unknown; inputFeedDocumentId?: unknown; feedOptions?: unknown }
    if (typeof body.feedType !== "string" || !body.feedType) return sendError(res, 400, "InvalidInput", "feedType is required.")
    if (!Array.isArray(body.marketplaceIds) || body.marketplaceIds.length < 1 || body.marketplaceIds.length > 25) {
      return sendError(res, 400, "InvalidInput", "marketplaceIds must contain 1 to 25 marketplace ids.")
    }
    const marketplaceIds = body.marketplaceIds.map(String)
    const foreign = marketplaceIds.filter((m) => !call.seller.marketplaceIds.includes(m))
    if (foreign.length) return sendError(res, 400, "InvalidInput", `The seller does not participate in marketplace(s) ${foreign.join(", ")}.`)
    const docId = typeof body.inputFeedDocumentId === "string" ? body.inputFeedDocumentId : ""
    const doc = ctx.state.documents.get(docId)
    if (!doc || doc.sellerId !== call.sellerId || doc.kind !== "feed-input") {
      return sendError(res, 400, "InvalidInput", `Invalid inputFeedDocumentId '${docId}'.`)
    }
    const now = ctx.clock.now()
    if (body.feedType === "JSON_LISTINGS_FEED") {
      // 5 JSON_LISTINGS_FEED submissions per 5 minutes per region per seller (changelog 2025-05-06), on top
      // of createFeed's own bucket.
      const key = `${call.sellerId}|${call.seller.region}`
      const windowStart = now - ctx.clock.realMs(JSON_LISTINGS_FEED_LIMIT.windowSeconds)
      const recent = (ctx.state.listingsFeedTimes.get(key) ?? []).filter((t) => t > windowStart)
      if (recent.length >= JSON_LISTINGS_FEED_LIMIT.feeds) {
        ctx.state.listingsFeedTimes.set(key, recent)
        res.removeHeader("x-amzn-RateLimit-Limit")
        return void res.status(429).json({ errors: [QUOTA_EXCEEDED] })
      }
      ctx.state.listingsFeedTimes.set(key, [...recent, now])
    }
    const feed: FeedRecord = {
      feedId: ctx.state.newFeedId(),
      sellerId: call.sellerId,
      clientId: call.clientId,
      feedType: body.feedType,
      marketplaceIds,
      inputFeedDocumentId: docId,
      feedOptions: body.feedOptions && typeof body.feedOptions === "object" ? (body.feedOptions as Record<string, string>) : undefined,
      createdAt: now,
    }
    ctx.state.feeds.set(feed.feedId, feed)
    if (feed.feedType === "JSON_LISTINGS_FEED" && ctx.validator && ctx.options.validateRequests) validateDocument(ctx, feed, doc.content)
    res.status(202).json({ feedId: feed.feedId })
  })

  spApiRoute(ctx, router, { operationId: "getFeeds", api: API, method: "get", path: "/feeds/2021-06-30/feeds" }, (_req, res, call) => {
    const q = call.query
    interface Filters {
      feedTypes: string[]
      marketplaceIds?: string[]
      statuses?: string[]
      since: number
      until: number
      pageSize: number
    }
    let filters: Filters
    let offset = 0
    const token = q.str("nextToken")
    if (token) {
      const decoded = decodeToken<{ f: Filters; o: number; s: string }>(token)
      if (!decoded || decoded.s !== call.sellerId) return sendError(res, 400, "InvalidInput", "Invalid nextToken.")
      filters = decoded.f
      offset = decoded.o
    } else {
      const feedTypes = q.list("feedTypes")
      if (!feedTypes) return sendError(res, 400, "InvalidInput", "Either feedTypes or nextToken is required.")
      const pageSize = q.int("pageSize") ?? 10
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return sendError(res, 400, "InvalidInput", "pageSize must be between 1 and 100.")
      const statuses = q.list("processingStatuses")
      const bad = statuses?.find((s) => !FEED_STATUSES.includes(s))
      if (bad) return sendError(res, 400, "InvalidInput", `Invalid processingStatuses value '${bad}'.`)
      const now = ctx.clock.now()
      const since = q.str("createdSince") ? Date.parse(String(q.str("createdSince"))) : now - 90 * 24 * 3600_000
      const until = q.str("createdUntil") ? Date.parse(String(q.str("createdUntil"))) : now
      if (Number.isNaN(since) || Number.isNaN(until)) return sendError(res, 400, "InvalidInput", "createdSince/createdUntil must be ISO 8601 date-times.")
      filters = { feedTypes, marketplaceIds: q.list("marketplaceIds"), statuses, since, until, pageSize }
    }
    const matching = [...ctx.state.feeds.values()]
      .filter((f) => f.sellerId === call.sellerId && filters.feedTypes.includes(f.feedType))
      .filter((f) => !filters.marketplaceIds || f.marketplaceIds.some((m) => filters.marketplaceIds!.includes(m)))
      .filter((f) => f.createdAt >= filters.since && f.createdAt <= filters.until)
      .filter((f) => !filters.statuses || filters.statuses.includes(ctx.feedStatus(f)))
      .sort((a, b) => b.createdAt - a.createdAt || Number(b.feedId) - Number(a.feedId))
    const page = matching.slice(offset, offset + filters.pageSize)
    const body: Record<string, unknown> = { feeds: page.map((f) => renderFeed(ctx, f)) }
    if (offset + page.length < matching.length) body.nextToken = encodeToken({ f: filters, o: offset + page.length, s: call.sellerId })
    res.json(body)
  })

  spApiRoute(ctx, router, { operationId: "getFeed", api: API, method: "get", path: "/feeds/2021-06-30/feeds/:feedId" }, (req, res, call) => {
    const feed = ctx.state.feeds.get(req.params.feedId)
    if (!feed || feed.sellerId !== call.sellerId) return sendError(res, 404, "NotFound", `Feed ${req.params.feedId} was not found.`)
    res.json(renderFeed(ctx, feed))
  })

  spApiRoute(ctx, router, { operationId: "cancelFeed", api: API, method: "delete", path: "/feeds/2021-06-30/feeds/:feedId" }, (req, res, call) => {
    const feed = ctx.state.feeds.get(req.params.feedId)
    if (!feed || feed.sellerId !== call.sellerId) return sendError(res, 404, "NotFound", `Feed ${req.params.feedId} was not found.`)
    const status = ctx.feedStatus(feed)
    if (status !== "IN_QUEUE") return sendError(res, 400, "InvalidInput", `Feed ${feed.feedId} is ${status}; only feeds that are IN_QUEUE can be cancelled.`)
    feed.cancelledAt = ctx.clock.now()
    res.status(200).end()
  })

  spApiRoute(ctx, router, { operationId: "getFeedDocument", api: API, method: "get", path: "/feeds/2021-06-30/documents/:feedDocumentId" }, (req, res, call) => {
    const doc = ctx.state.documents.get(req.params.feedDocumentId)
    if (!doc || doc.sellerId !== call.sellerId || doc.kind === "report") {
      return sendError(res, 404, "NotFound", `Feed document ${req.params.feedDocumentId} was not found.`)
    }
    res.json({
      feedDocumentId: doc.docId,
      url: presignedUrl(ctx, call.baseUrl, "download", doc.docId),
      ...(doc.compression ? { compressionAlgorithm: doc.compression } : {}),
    })
  })
}

export function renderFeed(ctx: SandboxContext, feed: FeedRecord): Record<string, unknown> {
  const status = ctx.feedStatus(feed)
  const iso = (ms: number) => new Date(ms).toISOString()
  const out: Record<string, unknown> = {
    feedId: feed.feedId,
    feedType: feed.feedType,
    marketplaceIds: feed.marketplaceIds,
    createdTime: iso(feed.createdAt),
    processingStatus: status,
  }
  if (status === "IN_PROGRESS") out.processingStartTime = iso(feed.createdAt + ctx.clock.realMs(ctx.options.feedProcessingSeconds.queue))
  if (feed.result) {
    out.processingStartTime = iso(feed.result.startedAt)
    out.processingEndTime = iso(feed.result.endedAt)
    if (feed.result.resultFeedDocumentId) out.resultFeedDocumentId = feed.result.resultFeedDocumentId
  }
  return out
}

function validateDocument(ctx: SandboxContext, feed: FeedRecord, content: Buffer | undefined): void {
  if (!ctx.validator) return
  if (!content) {
    ctx.recordValidation({ kind: "feed-document", feedId: feed.feedId, errors: [{ location: "document", message: "was never uploaded" }] })
    return
  }
  let doc: unknown
  try {
    doc = JSON.parse(content.toString("utf8"))
  } catch (e) {
    ctx.recordValidation({ kind: "feed-document", feedId: feed.feedId, errors: [{ location: "document", message: `is not valid JSON: ${(e as Error).message}` }] })
    return
  }
  const errors = ctx.validator.validateListingsFeed(doc)
  if (errors.length) ctx.recordValidation({ kind: "feed-document", feedId: feed.feedId, errors })
}
