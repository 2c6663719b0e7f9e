import { randomUUID } from "node:crypto"
import { Router } from "express"
import { SandboxContext } from "../context"
import { fbaPool, fbaPoolKey, toSummary } from "../fba-inventory"
import { sendError, spApiRoute } from "../http"

const API = "fbaInventory"
const PAGE_SIZE = 50
/** "The nextToken … will expire 30 seconds after being created" (Amazon time). */
const TOKEN_TTL_SECONDS = 30
const EIGHTEEN_MONTHS_MS = 548 * 24 * 3600_000

type PageToken = { created: number; key: string; offset: number }
const tokens = new WeakMap<SandboxContext, Map<string, PageToken>>()

/** FBA Inventory v1: getInventorySummaries, 50 items a page, tokens that die after 30 s, pooled EU numbers. */
export function fbaInventoryRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "getInventorySummaries", api: API, method: "get", path: "/fba/inventory/v1/summaries" }, (_req, res, call) => {
    const q = call.query
    const granularityType = q.str("granularityType")
    const granularityId = q.str("granularityId")
    const marketplaceIds = q.list("marketplaceIds") ?? []
    if (granularityType !== "Marketplace") return sendError(res, 400, "InvalidInput", "granularityType must be Marketplace.")
    if (!granularityId) return sendError(res, 400, "InvalidInput", "granularityId is required.")
    if (marketplaceIds.length !== 1 || marketplaceIds[0] !== granularityId)
      return sendError(res, 400, "InvalidInput", "marketplaceIds must hold exactly the marketplace of granularityId.")
    const pool = fbaPoolKey(granularityId)
    if (!pool) return sendError(res, 400, "InvalidInput", `Invalid marketplace id: ${granularityId}`)
    if (!call.seller.marketplaceIds.includes(granularityId))
      return sendError(res, 403, "Unauthorized", "Access to requested resource is denied.")
    const details = q.str("details") === "true"
    const startRaw = q.str("startDateTime")
    let start: number | null = null
    if (startRaw !== undefined) {
      start = Date.parse(startRaw)
      if (!Number.isFinite(start)) return sendError(res, 400, "InvalidInput", "startDateTime is not a valid ISO 8601 date-time.")
      if (start < ctx.clock.now() - EIGHTEEN_MONTHS_MS) return sendError(res, 400, "InvalidInput", "startDateTime cannot be more than 18 months in the past.")
    }
    const sellerSkus = start === null ? (q.list("sellerSkus") ?? null) : null
    if (sellerSkus && sellerSkus.length > 50) return sendError(res, 400, "InvalidInput", "sellerSkus accepts at most 50 SKUs.")
    const sellerSku = q.str("sellerSku")

    const key = JSON.stringify([call.sellerId, pool, details, start, sellerSkus, sellerSku])
    let offset = 0
    const nextToken = q.str("nextToken")
    const byCtx = tokens.get(ctx) ?? new Map<string, PageToken>()
    tokens.set(ctx, byCtx)
    if (nextToken !== undefined) {
      const token = byCtx.get(nextToken)
      if (!token || token.key !== key || ctx.clock.now() - token.created > ctx.clock.realMs(TOKEN_TTL_SECONDS)) {
        return sendError(res, 400, "InvalidInput", "Next token is invalid or expired.")
      }
      offset = token.offset
    }

    const items = [...fbaPool(ctx, call.sellerId, pool).values()]
      .filter((i) => start === null || i.lastUpdated >= start)
      .filter((i) => !sellerSkus || sellerSkus.includes(i.sellerSku))
      .filter((i) => !sellerSku || i.sellerSku === sellerSku)
      .sort((a, b) => (a.sellerSku < b.sellerSku ? -1 : a.sellerSku > b.sellerSku ? 1 : 0))
    const page = items.slice(offset, offset + PAGE_SIZE)
    const more = offset + PAGE_SIZE < items.length
    let token: string | undefined
    if (more) {
      token = randomUUID()
      byCtx.set(token, { created: ctx.clock.now(), key, offset: offset + PAGE_SIZE })
    }
    res.json({
      payload: {
        granularity: { granularityType: "Marketplace", granularityId },
        inventorySummaries: page.map((i) => toSummary(i, details)),
      },
      ...(token ? { pagination: { nextToken: token } } : {}),
    })
  })
}
