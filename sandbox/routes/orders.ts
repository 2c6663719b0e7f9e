import { Router } from "express"
import { isKnownCarrier } from "../carriers"
import { SandboxContext } from "../context"
import { sendError, spApiRoute } from "../http"
import { marketplace } from "../marketplaces"
import { digitsOf, renderItemProceeds, renderOrderProceeds } from "../order-money"
import { confirmPackage } from "../seed"
import { FulfillmentStatus, OrderRecord } from "../types"

const API_2026 = "orders_2026-01-01"
const API_V0 = "ordersV0"
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/
const STATUSES: readonly FulfillmentStatus[] = ["PENDING_AVAILABILITY", "PENDING", "UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED", "UNFULFILLABLE"]

interface SearchFilters {
  mode: "created" | "updated"
  after: number
  before: number
  marketplaceIds: string[]
  statuses?: string[]
  fulfilledBy?: string[]
  pageSize: number
  includedData: string[]
}

/**
 * Orders API 2026-01-01 (searchOrders, getOrder) and Orders v0 confirmShipment. Orders come back sorted
 * by the time they are filtered on, ascending, and pages continue after the last order of the previous
 * page — so a client that moves its cursor to `lastUpdatedBefore` never misses an update.
 */
export function ordersRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "searchOrders", api: API_2026, method: "get", path: "/orders/2026-01-01/orders" }, (_req, res, call) => {
    const q = call.query
    let filters: SearchFilters
    let cursor: [number, string] | undefined
    const token = q.str("paginationToken")
    if (token) {
      const decoded = decodeToken<{ f: SearchFilters; c: [number, string]; s: string }>(token)
      if (!decoded || decoded.s !== call.sellerId) return sendError(res, 400, "InvalidInput", "Invalid paginationToken.")
      filters = decoded.f
      cursor = decoded.c
      const included = q.list("includedData")
      if (included) filters.includedData = included
    } else {
      const built = buildFilters(ctx, call.seller.marketplaceIds, q)
      if (typeof built === "string") return sendError(res, 400, "InvalidInput", built)
      filters = built
    }
    const key = (o: OrderRecord) => (filters.mode === "updated" ? o.lastUpdatedAt : o.createdAt)
    const matching = [...ctx.state.orders.values()]
      .filter((o) => o.sellerId === call.sellerId && filters.marketplaceIds.includes(o.marketplaceId))
      .filter((o) => key(o) >= filters.after && key(o) <= filters.before)
      .filter((o) => !filters.statuses || filters.statuses.includes(o.status))
      .filter((o) => !filters.fulfilledBy || filters.fulfilledBy.includes(o.fulfilledBy))
      .filter((o) => !cursor || key(o) > cursor[0] || (key(o) === cursor[0] && o.orderId > cursor[1]))
      .sort((a, b) => key(a) - key(b) || (a.orderId < b.orderId ? -1 : 1))
    const page = matching.slice(0, filters.pageSize)
    const body: Record<string, unknown> = { orders: page.map((o) => renderOrder(o, filters.includedData)) }
    if (matching.length > page.length) {
      const last = page[page.length - 1]
      body.pagination = { nextToken: encodeToken({ f: filters, c: [key(last), last.orderId], s: call.sellerId }) }
    }
    body[filters.mode === "updated" ? "lastUpdatedBefore" : "createdBefore"] = new Date(filters.before).toISOString()
    res.json(body)
  })

  spApiRoute(ctx, router, { operationId: "getOrder", api: API_2026, method: "get", path: "/orders/2026-01-01/orders/:orderId" }, (req, res, call) => {
    const orderId = req.params.orderId
    if (!ORDER_ID.test(orderId)) return sendError(res, 400, "InvalidInput", `Invalid orderId '${orderId}': expected the 3-7-7 digit format.`)
    const order = ctx.state.orders.get(orderId)
    if (!order || order.sellerId !== call.sellerId) return sendError(res, 404, "NotFound", `Order ${orderId} was not found.`)
    res.json({ order: renderOrder(order, call.query.list("includedData") ?? []) })
  })

  spApiRoute(ctx, router, { operationId: "confirmShipment", api: API_V0, method: "post", path: "/orders/v0/orders/:orderId/shipmentConfirmation" }, (req, res, call) => {
    const orderId = req.params.orderId
    const order = ctx.state.orders.get(orderId)
    if (!order || order.sellerId !== call.sellerId) return sendError(res, 404, "NotFound", `Order ${orderId} was not found.`)
    const body = (req.body ?? {}) as { marketplaceId?: unknown; packageDetail?: Record<string, unknown> }
    const problem = checkShipment(order, body)
    if (problem) return sendError(res, 400, "InvalidInput", problem)
    const detail = body.packageDetail as Record<string, unknown>
    confirmPackage(ctx.state, order, {
      packageReferenceId: String(detail.packageReferenceId),
      carrierCode: String(detail.carrierCode),
      carrierName: detail.carrierName === undefined ? undefined : String(detail.carrierName),
      shippingMethod: detail.shippingMethod === undefined ? undefined : String(detail.shippingMethod),
      trackingNumber: String(detail.trackingNumber),
      shipDate: String(detail.shipDate),
      items: (detail.orderItems as { orderItemId: string; quantity: number }[]).map((i) => ({ orderItemId: String(i.orderItemId), quantity: Number(i.quantity) })),
    })
    res.status(204).end()
  })
}

function buildFilters(ctx: SandboxContext, sellerMarketplaces: string[], q: import("../http").Query): SearchFilters | string {
  const createdAfter = q.str("createdAfter")
  const lastUpdatedAfter = q.str("lastUpdatedAfter")
  if ((createdAfter === undefined) === (lastUpdatedAfter === undefined)) {
    return "Exactly one of createdAfter and lastUpdatedAfter must be provided."
  }
  const mode = createdAfter !== undefined ? "created" : "updated"
  if (mode === "created" && (q.has("lastUpdatedBefore") || q.has("lastUpdatedAfter"))) {
    return "When createdAfter is provided, neither lastUpdatedAfter nor lastUpdatedBefore may be provided."
  }
  if (mode === "updated" && q.has("createdBefore")) return "When lastUpdatedAfter is provided, neither createdAfter nor createdBefore may be provided."
  const afterRaw = (createdAfter ?? lastUpdatedAfter) as string
  const after = parseDate(afterRaw)
  if (after === undefined) return `${mode === "created" ? "createdAfter" : "lastUpdatedAfter"} '${afterRaw}' is not an ISO 8601 date-time.`
  const beforeRaw = q.str(mode === "created" ? "createdBefore" : "lastUpdatedBefore")
  const now = ctx.clock.now()
  let before = now
  if (beforeRaw !== undefined) {
    const parsed = parseDate(beforeRaw)
    if (parsed === undefined) return `'${beforeRaw}' is not an ISO 8601 date-time.`
    if (parsed < after) return "The 'before' date must be equal to or after the 'after' date."
    before = Math.min(parsed, now)
  }
  const marketplaceIds = q.list("marketplaceIds") ?? sellerMarketplaces
  if (marketplaceIds.length > 50) return "marketplaceIds accepts at most 50 values."
  const foreign = marketplaceIds.filter((m) => !sellerMarketplaces.includes(m))
  if (foreign.length) return `The seller does not participate in marketplace(s) ${foreign.join(", ")}.`
  const pageSize = q.int("maxResultsPerPage") ?? 100
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return "maxResultsPerPage must be between 1 and 100."
  const statuses = q.list("fulfillmentStatuses")
  const badStatus = statuses?.find((s) => !STATUSES.includes(s as FulfillmentStatus))
  if (badStatus) return `Invalid fulfillmentStatuses value '${badStatus}'.`
  return { mode, after, before, marketplaceIds, statuses, fulfilledBy: q.list("fulfilledBy"), pageSize, includedData: q.list("includedData") ?? [] }
}

function checkShipment(order: OrderRecord, body: { marketplaceId?: unknown; packageDetail?: Record<string, unknown> }): string | undefined {
  if (typeof body.marketplaceId !== "string") return "marketplaceId is required."
  if (body.marketplaceId !== order.marketplaceId) return `The order ${order.orderId} was not placed in marketplace ${body.marketplaceId}.`
  const d = body.packageDetail
  if (!d || typeof d !== "object") return "packageDetail is required."
  for (const field of ["packageReferenceId", "carrierCode", "trackingNumber", "shipDate", "orderItems"]) {
    if (d[field] === undefined || d[field] === "") return `packageDetail.${field} is required.`
  }
  if (!/^[1-9]\d*$/.test(String(d.packageReferenceId))) return "packageDetail.packageReferenceId must be a positive numeric string."
  const carrier = String(d.carrierCode)
  if (!isKnownCarrier(carrier)) return `Invalid carrierCode '${carrier}'. Use one of Amazon's carrier codes, or 'Other' with a carrierName.`
  if (carrier.toLowerCase() === "other" && !d.carrierName) return "carrierName is required when carrierCode is 'Other'."
  if (parseDate(String(d.shipDate)) === undefined) return `packageDetail.shipDate '${String(d.shipDate)}' is not an ISO 8601 date-time.`
  if (order.fulfilledBy === "AMAZON") return `Order ${order.orderId} is fulfilled by Amazon; shipments cannot be confirmed by the seller.`
  if (order.status === "CANCELLED") return `Order ${order.orderId} is canceled.`
  if (order.status === "PENDING" || order.status === "PENDING_AVAILABILITY") return `Order ${order.orderId} is pending; it cannot be shipped yet.`
  if (order.packages.some((p) => p.packageReferenceId === String(d.packageReferenceId))) {
    return `packageReferenceId ${String(d.packageReferenceId)} was already used for order ${order.orderId}.`
  }
  const items = d.orderItems
  if (!Array.isArray(items) || items.length === 0) return "packageDetail.orderItems must list at least one item."
  const requested = new Map<string, number>()
  for (const raw of items as Record<string, unknown>[]) {
    const id = String(raw?.orderItemId ?? "")
    const quantity = Number(raw?.quantity)
    const item = order.items.find((i) => i.orderItemId === id)
    if (!item) return `orderItemId ${id} is not an item of order ${order.orderId}.`
    if (!Number.isInteger(quantity) || quantity < 1) return `The quantity for orderItemId ${id} must be a positive whole number.`
    requested.set(id, (requested.get(id) ?? 0) + quantity)
  }
  for (const [id, quantity] of requested) {
    const item = order.items.find((i) => i.orderItemId === id)
    if (item && item.quantityShipped + quantity > item.quantityOrdered) {
      return `The quantity for orderItemId ${id} (${quantity}) exceeds the unshipped quantity (${item.quantityOrdered - item.quantityShipped}).`
    }
  }
  return undefined
}

const money = (amount: number, currencyCode: string) => ({ amount: amount.toFixed(digitsOf(currencyCode)), currencyCode })

/** An OrderRecord in the Orders API 2026-01-01 `Order` shape, with the datasets in `includedData`. */
export function renderOrder(order: OrderRecord, includedData: string[]): Record<string, unknown> {
  const inc = new Set(includedData)
  const mp = marketplace(order.marketplaceId)
  const currency = order.items[0]?.currency ?? mp?.currency ?? "EUR"
  const merchant = order.fulfilledBy === "MERCHANT"
  const out: Record<string, unknown> = {
    orderId: order.orderId,
    createdTime: new Date(order.createdAt).toISOString(),
    lastUpdatedTime: new Date(order.lastUpdatedAt).toISOString(),
    programs: [],
    salesChannel: { channelName: order.salesChannel ?? "AMAZON", marketplaceId: order.marketplaceId, marketplaceName: mp?.name ?? order.marketplaceId },
  }
  // PII only when asked for (notes §3.6: includedData=BUYER,RECIPIENT replaces the v0 Restricted Data Token).
  if (inc.has("BUYER")) out.buyer = { buyerName: order.buyer.name, ...(merchant ? { buyerEmail: order.buyer.email } : {}) }
  if (inc.has("RECIPIENT")) {
    const a = order.shippingAddress
    out.recipient = {
      deliveryAddress: {
        name: a.name,
        addressLine1: a.addressLine1,
        ...(a.addressLine2 ? { addressLine2: a.addressLine2 } : {}),
        // Amazon sends the optional lines it has nothing for as empty texts (its own examples do)
        addressLine3: "",
        city: a.city,
        districtOrCounty: "",
        municipality: "",
        postalCode: a.postalCode,
        ...(a.stateOrRegion ? { stateOrRegion: a.stateOrRegion } : {}),
        countryCode: a.countryCode,
        ...(a.phone ? { phone: a.phone } : {}),
        addressType: "RESIDENTIAL",
      },
    }
  }
  if (inc.has("PROCEEDS") && order.status !== "PENDING") {
    out.proceeds = renderOrderProceeds(order, currency)
  }
  if (inc.has("FULFILLMENT")) {
    const shipBy = order.createdAt + 2 * 24 * 3600_000
    out.fulfillment = {
      fulfillmentStatus: order.status,
      fulfilledBy: order.fulfilledBy,
      fulfillmentServiceLevel: order.serviceLevel,
      shipByWindow: { earliestDateTime: new Date(order.createdAt).toISOString(), latestDateTime: new Date(shipBy).toISOString() },
    }
  }
  out.orderItems = order.items.map((i) => {
    const item: Record<string, unknown> = {
      orderItemId: i.orderItemId,
      quantityOrdered: i.quantityOrdered,
      product: {
        asin: i.asin,
        title: i.title,
        sellerSku: i.sku,
        condition: { conditionType: "NEW", conditionSubtype: "NEW" },
        price: { unitPrice: money(i.unitPrice, i.currency), ...(order.business ? { priceDesignation: "BUSINESS_PRICE" } : {}) },
      },
    }
    if (inc.has("PROCEEDS") && order.status !== "PENDING") item.proceeds = renderItemProceeds(order, i)
    if (inc.has("PROMOTION") && i.promotion) item.promotion = { breakdowns: [{ promotionId: i.promotion.id }] }
    if (inc.has("TAX") && i.taxCollection) item.tax = { taxCollections: [{ model: i.taxCollection, responsibleParty: "Amazon Services, Inc." }] }
    if (inc.has("FULFILLMENT")) item.fulfillment = { quantityFulfilled: i.quantityShipped, quantityUnfulfilled: i.quantityOrdered - i.quantityShipped }
    if (inc.has("CANCELLATION")) {
      // ItemCancellation (orders_2026-01-01): the buyer's request, and who executed a cancellation
      const requested = order.buyerCancelRequest?.orderItemIds.includes(i.orderItemId)
      const cancellation: Record<string, unknown> = {}
      if (requested) cancellation.cancellationRequest = { requester: "BUYER", cancelReason: order.buyerCancelRequest!.reason }
      if (order.status === "CANCELLED") {
        cancellation.cancellationExecution = { cancelledBy: order.cancelReason ? "MERCHANT" : "BUYER", cancelReason: order.cancelReason ?? "BUYER_CANCELED" }
      } else if (i.cancelledBy) {
        cancellation.cancellationExecution = { cancelledBy: i.cancelledBy, ...(i.cancelReason ? { cancelReason: i.cancelReason } : {}) }
      }
      if (Object.keys(cancellation).length) item.cancellation = cancellation
    }
    return item
  })
  if (inc.has("PACKAGES") && merchant) {
    out.packages = order.packages.map((p) => ({
      packageReferenceId: p.packageReferenceId,
      createdTime: new Date(p.createdAt).toISOString(),
      packageStatus: { status: "SHIPPED" },
      carrier: p.carrierCode.toLowerCase() === "other" ? (p.carrierName ?? "Other") : p.carrierCode,
      shipTime: p.shipDate,
      ...(p.shippingMethod ? { shippingService: p.shippingMethod } : {}),
      trackingNumber: p.trackingNumber,
      packageItems: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    }))
  }
  return out
}

function parseDate(s: string): number | undefined {
  // ISO 8601 with a time zone, as Amazon requires.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) return undefined
  const t = Date.parse(s)
  return Number.isNaN(t) ? undefined : t
}

export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url")
}

export function decodeToken<T>(token: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as T
  } catch {
    return undefined
  }
}
