import { randomUUID } from "node:crypto"
import { Request, Response, Router } from "express"
import { SandboxContext } from "../context"
import { SpApiCall, UNAUTHORIZED, sendError, spApiRoute } from "../http"
import { Submission, applyEvaluation, evaluateSubmission } from "../listing-rules"
import { renderListingItem, summaryStatus } from "../listing-view"
import { Listing } from "../types"
import { decodeToken, encodeToken } from "./orders"

const API = "listingsItems_2021-08-01"
const PATH = "/listings/2021-08-01/items/:sellerId/:sku"

/**
 * Listings Items API 2021-08-01. put/patch are judged by the same rules as JSON_LISTINGS_FEED messages
 * (listing-rules.ts) and applied at once; `mode=VALIDATION_PREVIEW` only reports what would happen.
 */
export function listingsRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "getListingsItem", api: API, method: "get", path: PATH }, (req, res, call) => {
    const mp = scope(req, res, call)
    if (!mp) return
    const listing = ctx.state.getListing(call.sellerId, mp, req.params.sku)
    if (!listing) return sendError(res, 404, "NOT_FOUND", `SKU '${req.params.sku}' not found in marketplace ${mp}`)
    res.json(renderListingItem(listing, call.query.list("includedData") ?? ["summaries"], ctx.state.sellerListings(call.sellerId, mp).values()))
  })

  spApiRoute(ctx, router, { operationId: "putListingsItem", api: API, method: "put", path: PATH }, (req, res, call) => {
    const mp = scope(req, res, call)
    if (!mp) return
    const body = (req.body ?? {}) as { productType?: unknown; requirements?: unknown; attributes?: unknown }
    if (typeof body.productType !== "string" || !body.attributes || typeof body.attributes !== "object") {
      return sendError(res, 400, "InvalidInput", "The request body needs productType and attributes.")
    }
    submit(ctx, req, res, call, {
      sellerId: call.sellerId,
      marketplaceId: mp,
      sku: req.params.sku,
      operationType: "UPDATE",
      productType: body.productType,
      requirements: typeof body.requirements === "string" ? body.requirements : undefined,
      attributes: body.attributes as Record<string, unknown>,
    })
  })

  spApiRoute(ctx, router, { operationId: "patchListingsItem", api: API, method: "patch", path: PATH }, (req, res, call) => {
    const mp = scope(req, res, call)
    if (!mp) return
    const body = (req.body ?? {}) as { productType?: unknown; patches?: unknown }
    if (typeof body.productType !== "string" || !Array.isArray(body.patches) || body.patches.length === 0) {
      return sendError(res, 400, "InvalidInput", "The request body needs productType and at least one patch.")
    }
    submit(ctx, req, res, call, {
      sellerId: call.sellerId,
      marketplaceId: mp,
      sku: req.params.sku,
      operationType: "PATCH",
      productType: body.productType,
      patches: body.patches,
    })
  })

  spApiRoute(ctx, router, { operationId: "deleteListingsItem", api: API, method: "delete", path: PATH }, (req, res, call) => {
    const mp = scope(req, res, call)
    if (!mp) return
    const sub: Submission = { sellerId: call.sellerId, marketplaceId: mp, sku: req.params.sku, operationType: "DELETE" }
    applyEvaluation(ctx.state, sub, { issues: [], accepted: true, result: null })
    res.json({ sku: req.params.sku, status: "ACCEPTED", submissionId: randomUUID().replace(/-/g, ""), issues: [] })
  })

  spApiRoute(ctx, router, { operationId: "searchListingsItems", api: API, method: "get", path: "/listings/2021-08-01/items/:sellerId" }, (req, res, call) => {
    if (req.params.sellerId !== call.sellerId) return void res.status(403).json({ errors: [UNAUTHORIZED] })
    const q = call.query
    const marketplaceIds = q.list("marketplaceIds")
    if (!marketplaceIds?.length) return sendError(res, 400, "InvalidInput", "marketplaceIds is required.")
    if (marketplaceIds.length > 1) return sendError(res, 400, "InvalidInput", "marketplaceIds accepts exactly one marketplace.")
    const mp = marketplaceIds[0]
    const pageSize = q.int("pageSize") ?? 10
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) return sendError(res, 400, "InvalidInput", "pageSize must be between 1 and 20.")
    const identifiers = q.list("identifiers")
    const identifiersType = q.str("identifiersType")
    if (identifiers && !identifiersType) return sendError(res, 400, "InvalidInput", "identifiersType is required when identifiers are provided.")
    if (identifiers && identifiers.length > 20) return sendError(res, 400, "InvalidInput", "identifiers accepts at most 20 values.")
    const time = (name: string) => {
      const v = q.str(name)
      return v === undefined ? undefined : Date.parse(v)
    }
    const createdAfter = time("createdAfter")
    const createdBefore = time("createdBefore")
    const updatedAfter = time("lastUpdatedAfter")
    const updatedBefore = time("lastUpdatedBefore")
    const withStatus = q.list("withStatus")
    const withoutStatus = q.list("withoutStatus")
    const withSeverity = q.list("withIssueSeverity")
    const matchesIdentifier = (l: Listing): boolean => {
      if (!identifiers) return true
      if (identifiersType === "SKU") return identifiers.includes(l.sku)
      if (identifiersType === "ASIN") return !!l.asin && identifiers.includes(l.asin)
      const item = l.asin ? ctx.state.catalog.get(l.asin) : undefined
      return identifiers.some((id) => (item && ctx.state.findCatalogItems("EAN", id, mp).some((c) => c.asin === item.asin)) || l.productId?.value === id)
    }
    const sortBy = q.str("sortBy") ?? "lastUpdatedDate"
    const desc = (q.str("sortOrder") ?? "DESC") === "DESC"
    const key = (l: Listing): number | string => (sortBy === "sku" ? l.sku : sortBy === "createdDate" ? l.createdAt : l.updatedAt)
    const matching = [...ctx.state.sellerListings(call.sellerId, mp).values()]
      .filter(matchesIdentifier)
      .filter((l) => createdAfter === undefined || l.createdAt >= createdAfter)
      .filter((l) => createdBefore === undefined || l.createdAt <= createdBefore)
      .filter((l) => updatedAfter === undefined || l.updatedAt >= updatedAfter)
      .filter((l) => updatedBefore === undefined || l.updatedAt <= updatedBefore)
      .filter((l) => !withStatus || withStatus.every((s) => summaryStatus(l).includes(s as "BUYABLE")))
      .filter((l) => !withoutStatus || withoutStatus.every((s) => !summaryStatus(l).includes(s as "BUYABLE")))
      .filter((l) => !withSeverity || l.issues.some((i) => withSeverity.includes(i.severity)))
      .sort((a, b) => {
        const ka = key(a)
        const kb = key(b)
        const c = ka < kb ? -1 : ka > kb ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0
        return desc ? -c : c
      })
    let offset = 0
    const pageToken = q.str("pageToken")
    if (pageToken) {
      const decoded = decodeToken<{ o: number }>(pageToken)
      if (!decoded) return sendError(res, 400, "InvalidInput", "Invalid pageToken.")
      offset = decoded.o
    }
    const page = matching.slice(offset, offset + pageSize)
    const included = q.list("includedData") ?? ["summaries"]
    const body: Record<string, unknown> = { numberOfResults: matching.length, items: page.map((l) => renderListingItem(l, included, ctx.state.sellerListings(call.sellerId, mp).values())) }
    const pagination: Record<string, string> = {}
    if (offset + pageSize < matching.length) pagination.nextToken = encodeToken({ o: offset + pageSize })
    if (offset > 0) pagination.previousToken = encodeToken({ o: Math.max(0, offset - pageSize) })
    if (Object.keys(pagination).length) body.pagination = pagination
    res.json(body)
  })
}

/** The caller's marketplace for a per-SKU call, or undefined after answering an error. */
function scope(req: Request, res: Response, call: SpApiCall): string | undefined {
  if (req.params.sellerId !== call.sellerId) {
    res.status(403).json({ errors: [UNAUTHORIZED] })
    return undefined
  }
  const marketplaceIds = call.query.list("marketplaceIds")
  if (!marketplaceIds?.length) {
    sendError(res, 400, "InvalidInput", "marketplaceIds is required.")
    return undefined
  }
  if (marketplaceIds.length > 1) {
    sendError(res, 400, "InvalidInput", "marketplaceIds accepts exactly one marketplace.")
    return undefined
  }
  if (!call.seller.marketplaceIds.includes(marketplaceIds[0])) {
    sendError(res, 400, "InvalidInput", `The seller does not participate in marketplace ${marketplaceIds[0]}.`)
    return undefined
  }
  return marketplaceIds[0]
}

function submit(ctx: SandboxContext, _req: Request, res: Response, call: SpApiCall, submission: Submission): void {
  const preview = call.query.str("mode") === "VALIDATION_PREVIEW"
  const evaluation = evaluateSubmission(ctx.state, { ...submission, preview })
  if (!preview) applyEvaluation(ctx.state, submission, evaluation)
  const included = call.query.list("includedData") ?? ["issues"]
  const listing = evaluation.result ?? undefined
  const body: Record<string, unknown> = {
    sku: submission.sku,
    status: evaluation.accepted ? (preview ? "VALID" : "ACCEPTED") : "INVALID",
    submissionId: randomUUID().replace(/-/g, ""),
    issues: evaluation.issues.map((i) => ({ ...i, marketplaceIds: [submission.marketplaceId] })),
  }
  if (included.includes("identifiers")) {
    body.identifiers = listing?.asin ? [{ marketplaceId: submission.marketplaceId, asin: listing.asin }] : []
  }
  res.json(body)
}
