import { issueAuthorizationCode } from "./routes/consent"
import { SandboxContext } from "./context"
import { FaultRule, FaultRuleInput } from "./faults"
import { renderFeed } from "./routes/feeds"
import { renderReport } from "./routes/reports"
import { listingStatus } from "./listing-rules"
import { marketplace } from "./marketplaces"
import { GenerateListingsSpec, GenerateOrdersSpec, OrderSpec, RealSellerOffer, addOrder, confirmPackage, generateListings, generateOrders, seedRealSeller } from "./seed"
import { CatalogItem, FulfillmentStatus, Listing, ListingHistoryEntry, OperationStats, OrderRecord, Region, RequestLogEntry, Seller, ValidationFailure } from "./types"
import { SpApiValidator, ValidationError } from "./validation"
import { fbaPool, fbaPoolKey, setFbaItems, type FbaItem, type FbaItemInput } from "./fba-inventory"
import { amazonRefund, type AmazonRefundInput } from "./finances"
import { buyerReturn, type BuyerReturnInput } from "./returns"

/** Thrown for bad control input; the HTTP control API answers 400 with its message. */
export class ControlInputError extends Error {}

export interface SellerInput {
  sellerId?: string
  name?: string
  storeName?: string
  region?: Region
  marketplaceIds: string[]
  refreshToken?: string
}

export interface ListingInput {
  sellerId: string
  marketplaceId: string
  sku: string
  asin?: string
  productType?: string
  itemName?: string
  description?: string
  price?: number
  quantity?: number
  fulfillmentChannel?: string
  conditionType?: string
  status?: Listing["status"]
  attributes?: Record<string, unknown[]>
}

export interface OrderInput extends Omit<OrderSpec, "status" | "createdAt" | "lastUpdatedAt"> {
  /** v0 names (Pending, Unshipped, PartiallyShipped, Shipped, Canceled) or 2026-01-01 ones (UNSHIPPED …). */
  status?: string
  fulfillmentChannel?: "MFN" | "AFN"
  createdAt?: string | number
}

const STATUS_ALIASES: Record<string, FulfillmentStatus> = {
  pendingavailability: "PENDING_AVAILABILITY",
  pending: "PENDING",
  unshipped: "UNSHIPPED",
  partiallyshipped: "PARTIALLY_SHIPPED",
  shipped: "SHIPPED",
  canceled: "CANCELLED",
  cancelled: "CANCELLED",
  unfulfillable: "UNFULFILLABLE",
}

export function parseOrderStatus(value: string): FulfillmentStatus {
  const status = STATUS_ALIASES[value.replace(/[_\s-]/g, "").toLowerCase()]
  if (!status) throw new ControlInputError(`unknown order status '${value}'`)
  return status
}

/**
 * The control surface of a running sandbox — the same operations as the `/_sandbox` HTTP API, for tests
 * that hold the handle in-process.
 */
export class SandboxControl {
  constructor(private readonly ctx: SandboxContext) {}

  /** Back to the seed (state, quotas, faults, logs, counters). */
  reset(): void {
    this.ctx.reset()
  }

  summary() {
    const s = this.ctx.state
    this.ctx.tick()
    return {
      timeScale: this.ctx.clock.timeScale,
      now: this.ctx.clock.iso(),
      sellers: s.sellers.size,
      catalogItems: s.catalog.size,
      listings: s.countListings(),
      orders: s.orders.size,
      feeds: s.feeds.size,
      reports: s.reports.size,
      documents: s.documents.size,
      requests: this.ctx.requests.length,
      faults: this.ctx.faults.list().length,
      validationErrors: this.ctx.validationFailures.length,
      modelsLoaded: !!this.ctx.models,
    }
  }

  requests(filter: { operation?: string } = {}): RequestLogEntry[] {
    return this.ctx.requests.filter((r) => !filter.operation || r.operationId === filter.operation)
  }

  clearRequests(): void {
    this.ctx.requests = []
  }

  /**
   * In-process only: calls `listener` with every request as it arrives — after it is logged, before it is
   * authenticated, throttled or faulted — so a test can act at an exact point of a run ("revoke the seller
   * when the second searchOrders page is asked for", "add a fault to the next download"). Returns the
   * function that stops it; reset() stops all.
   */
  onRequest(listener: (entry: RequestLogEntry) => void): () => void {
    this.ctx.requestListeners.add(listener)
    return () => {
      this.ctx.requestListeners.delete(listener)
    }
  }

  /** Per operation: calls, 429s, 5xx, timeouts; LWA token requests by grant. */
  stats() {
    const operations: Record<string, OperationStats> = {}
    const totals = { calls: 0, throttled: 0, serverErrors: 0, timeouts: 0 }
    for (const [op, s] of this.ctx.stats) {
      operations[op] = { ...s }
      totals.calls += s.calls
      totals.throttled += s.throttled
      totals.serverErrors += s.serverErrors
      totals.timeouts += s.timeouts
    }
    return { operations, totals, lwa: { ...this.ctx.state.lwaCounts } }
  }

  addFault(rule: FaultRuleInput): FaultRule {
    try {
      return { ...this.ctx.faults.add(rule) }
    } catch (e) {
      throw new ControlInputError((e as Error).message)
    }
  }

  faults(): FaultRule[] {
    return this.ctx.faults.list()
  }

  clearFaults(): void {
    this.ctx.faults.clear()
  }

  createSeller(input: SellerInput): { seller: Seller; refreshToken: string } {
    if (!Array.isArray(input?.marketplaceIds) || input.marketplaceIds.length === 0) throw new ControlInputError("marketplaceIds is required")
    const unknown = input.marketplaceIds.filter((m) => !marketplace(m))
    if (unknown.length) throw new ControlInputError(`unknown marketplace(s) ${unknown.join(", ")}`)
    const region = input.region ?? marketplace(input.marketplaceIds[0])!.region
    const sellerId = input.sellerId ?? `A${this.ctx.random.digits(4)}SBX${this.ctx.state.sellers.size + 1}`.padEnd(14, "0")
    if (this.ctx.state.sellers.has(sellerId)) throw new ControlInputError(`seller ${sellerId} exists`)
    const seller: Seller = {
      sellerId,
      name: input.name ?? `Sandbox Seller ${sellerId}`,
      storeName: input.storeName ?? input.name ?? `Sandbox Store ${sellerId}`,
      region,
      marketplaceIds: input.marketplaceIds,
    }
    const token = this.ctx.state.addSeller(seller, input.refreshToken)
    return { seller, refreshToken: token.token }
  }

  /** Invalidates the seller's refresh tokens (LWA answers invalid_grant) and access tokens. */
  revokeSeller(sellerId: string): { revoked: number } {
    if (!this.ctx.state.sellers.has(sellerId)) throw new ControlInputError(`unknown seller ${sellerId}`)
    return { revoked: this.ctx.state.revokeSeller(sellerId) }
  }

  /**
   * The seller authorizes the app again after a revocation: a new refresh token (or the one given), valid
   * from now on; the revoked ones stay revoked, as on Amazon.
   */
  restoreSeller(sellerId: string, refreshToken?: string): { refreshToken: string } {
    if (!this.ctx.state.sellers.has(sellerId)) throw new ControlInputError(`unknown seller ${sellerId}`)
    if (refreshToken !== undefined && !refreshToken.startsWith("Atzr|")) throw new ControlInputError("a refresh token starts with Atzr|")
    return { refreshToken: this.ctx.state.issueRefreshToken(sellerId, refreshToken).token }
  }

  addCatalogItems(items: (Omit<CatalogItem, "identifiers"> & { marketplaceId?: string; identifiers?: CatalogItem["identifiers"] })[]): { added: number } {
    if (!Array.isArray(items)) throw new ControlInputError("items must be an array")
    for (const raw of items) {
      if (!raw?.asin || !raw.title) throw new ControlInputError("each catalog item needs asin and title")
      const { marketplaceId, ...rest } = raw
      this.ctx.state.addCatalogItem({
        ...rest,
        identifiers: raw.identifiers ?? {},
        brand: raw.brand ?? "Generic",
        productType: raw.productType ?? "PRODUCT",
        marketplaceIds: raw.marketplaceIds ?? (marketplaceId ? [marketplaceId] : undefined),
      })
    }
    return { added: items.length }
  }

  addListings(input: { listings?: ListingInput[]; generate?: GenerateListingsSpec }): { added: number } {
    let added = 0
    const now = this.ctx.clock.now()
    for (const l of input.listings ?? []) {
      if (!l.sellerId || !l.marketplaceId || !l.sku) throw new ControlInputError("each listing needs sellerId, marketplaceId and sku")
      const catalogItem = l.asin ? this.ctx.state.catalog.get(l.asin) : undefined
      const listing: Listing = {
        sellerId: l.sellerId,
        marketplaceId: l.marketplaceId,
        sku: l.sku,
        asin: l.asin,
        productType: l.productType ?? catalogItem?.productType ?? "PRODUCT",
        itemName: l.itemName ?? catalogItem?.title ?? l.sku,
        description: l.description,
        price: l.price,
        currency: marketplace(l.marketplaceId)?.currency ?? "EUR",
        quantity: l.quantity,
        fulfillmentChannel: l.fulfillmentChannel ?? "DEFAULT",
        conditionType: l.conditionType ?? "new_new",
        status: "Active",
        attributes: l.attributes ?? {},
        issues: [],
        listingId: this.ctx.state.newListingId(),
        createdAt: now,
        updatedAt: now,
      }
      listing.status = l.status ?? listingStatus(listing)
      this.ctx.state.putListing(listing)
      added++
    }
    if (input.generate) {
      const g = input.generate
      if (!g.sellerId || !g.marketplaceId || !(g.count > 0)) throw new ControlInputError("generate needs count, sellerId and marketplaceId")
      added += generateListings(this.ctx.state, g)
    }
    return { added }
  }

  /** Seeds the "real seller" offers (seed.ts seedRealSeller) into a seller's marketplace. */
  seedRealSeller(input: { sellerId: string; marketplaceId: string; skuPrefix?: string }): { offers: RealSellerOffer[] } {
    if (!input.sellerId || !input.marketplaceId) throw new ControlInputError("seedRealSeller needs sellerId and marketplaceId")
    return { offers: seedRealSeller(this.ctx.state, input.sellerId, input.marketplaceId, input.skuPrefix) }
  }

  /** What accepted listing submissions changed, oldest first, optionally for one seller / SKU. */
  listingHistory(filter: { sellerId?: string; sku?: string } = {}): ListingHistoryEntry[] {
    return this.ctx.state.listingHistory.filter((h) => (!filter.sellerId || h.sellerId === filter.sellerId) && (!filter.sku || h.sku === filter.sku))
  }

  addOrders(input: { orders?: OrderInput[]; generate?: GenerateOrdersSpec & { status?: string } }): { orderIds: string[] } {
    const ids: string[] = []
    for (const o of input.orders ?? []) {
      if (!o.sellerId || !o.marketplaceId || !Array.isArray(o.items) || o.items.length === 0) {
        throw new ControlInputError("each order needs sellerId, marketplaceId and items")
      }
      const createdAt = o.createdAt === undefined ? undefined : typeof o.createdAt === "number" ? o.createdAt : Date.parse(o.createdAt)
      if (createdAt !== undefined && Number.isNaN(createdAt)) throw new ControlInputError("createdAt must be an ISO date-time")
      const { status, fulfillmentChannel, ...rest } = o
      const order = addOrder(this.ctx.state, {
        ...rest,
        status: status ? parseOrderStatus(status) : undefined,
        fulfilledBy: o.fulfilledBy ?? (fulfillmentChannel === "AFN" ? "AMAZON" : "MERCHANT"),
        createdAt,
      })
      ids.push(order.orderId)
    }
    if (input.generate) {
      const g = input.generate
      if (!g.sellerId || !g.marketplaceId || !(g.count > 0)) throw new ControlInputError("generate needs count, sellerId and marketplaceId")
      try {
        const orders = generateOrders(this.ctx.state, { ...g, status: g.status ? parseOrderStatus(g.status) : undefined })
        ids.push(...orders.map((o) => o.orderId))
      } catch (e) {
        throw new ControlInputError((e as Error).message)
      }
    }
    return { orderIds: ids }
  }

  /**
   * Changes an order as Amazon, the buyer or the seller in Seller Central would, and stamps lastUpdatedTime =
   * now: a new status; `items` — a partial cancellation or quantity change (quantityOrdered drops, a line
   * canceled whole has 0; all lines at 0 cancel the order); `buyerCancelRequest` — the buyer asks to cancel
   * (null withdraws it); `shipInSellerCentral` — the seller ships every unshipped unit (or the `items` given)
   * in Seller Central (a package with its tracking number and the next reference id Amazon gives it, as
   * confirmShipment would record).
   */
  updateOrder(
    orderId: string,
    change: {
      status?: string
      cancelReason?: string
      items?: Array<{ orderItemId: string; quantityOrdered: number; cancelledBy?: "BUYER" | "MERCHANT" | "AMAZON"; cancelReason?: string }>
      buyerCancelRequest?: { reason?: string; orderItemIds?: string[] } | null
      shipInSellerCentral?: { trackingNumber?: string; carrierCode?: string; items?: Array<{ orderItemId: string; quantity: number }> }
    }
  ): OrderRecord {
    const order = this.ctx.state.orders.get(orderId)
    if (!order) throw new ControlInputError(`unknown order ${orderId}`)
    const now = this.ctx.clock.now()
    if (change?.status !== undefined) {
      const status = parseOrderStatus(String(change.status))
      order.status = status
      order.pendingUntil = undefined
      if (status === "SHIPPED") for (const item of order.items) item.quantityShipped = item.quantityOrdered
      if (status === "CANCELLED" && change.cancelReason) order.cancelReason = change.cancelReason
    }
    for (const line of change?.items ?? []) {
      const item = order.items.find((i) => i.orderItemId === line.orderItemId)
      if (!item) throw new ControlInputError(`orderItemId ${line.orderItemId} is not an item of order ${orderId}`)
      const quantity = Number(line.quantityOrdered)
      if (!Number.isInteger(quantity) || quantity < item.quantityShipped || quantity > item.quantityOrdered) {
        throw new ControlInputError(`quantityOrdered of ${line.orderItemId} must be a whole number between its shipped (${item.quantityShipped}) and ordered (${item.quantityOrdered}) quantity`)
      }
      if (quantity < item.quantityOrdered) {
        item.cancelledBy = line.cancelledBy ?? "MERCHANT"
        item.cancelReason = line.cancelReason ?? "NO_INVENTORY"
      }
      item.quantityOrdered = quantity
    }
    if (change?.items?.length) {
      if (order.items.every((i) => i.quantityOrdered === 0)) order.status = "CANCELLED"
      else if (order.items.every((i) => i.quantityShipped >= i.quantityOrdered)) order.status = "SHIPPED"
      else if (order.items.some((i) => i.quantityShipped > 0)) order.status = "PARTIALLY_SHIPPED"
    }
    if (change?.buyerCancelRequest !== undefined) {
      order.buyerCancelRequest = change.buyerCancelRequest
        ? {
            reason: change.buyerCancelRequest.reason ?? "BUYER_CANCELED",
            orderItemIds: change.buyerCancelRequest.orderItemIds ?? order.items.map((i) => i.orderItemId),
          }
        : undefined
    }
    if (change?.shipInSellerCentral) {
      const unshipped = order.items.filter((i) => i.quantityOrdered > i.quantityShipped).map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered - i.quantityShipped }))
      const items = change.shipInSellerCentral.items ?? unshipped
      for (const item of items) {
        const open = unshipped.find((u) => u.orderItemId === item.orderItemId)
        if (!open || !Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > open.quantity) {
          throw new ControlInputError(`order ${orderId} has no ${item.quantity} unshipped unit(s) of ${item.orderItemId}`)
        }
      }
      if (!items.length) throw new ControlInputError(`order ${orderId} has nothing left to ship`)
      confirmPackage(this.ctx.state, order, {
        packageReferenceId: String(order.packages.length + 1),
        carrierCode: change.shipInSellerCentral.carrierCode ?? "DHL",
        trackingNumber: change.shipInSellerCentral.trackingNumber ?? `SC${this.ctx.state.random.digits(10)}`,
        shipDate: new Date(now).toISOString(),
        items,
        at: now,
      })
    }
    order.lastUpdatedAt = now
    return order
  }

  /** Finishes a feed's processing now (it becomes DONE or FATAL with its processing report). */
  advanceFeed(feedId: string): Record<string, unknown> {
    const feed = this.ctx.state.feeds.get(feedId)
    if (!feed) throw new ControlInputError(`unknown feed ${feedId}`)
    if (!feed.result && !feed.cancelledAt) feed.advancedAt = this.ctx.clock.now()
    this.ctx.feedStatus(feed)
    return renderFeed(this.ctx, feed)
  }

  advanceReport(reportId: string): Record<string, unknown> {
    const report = this.ctx.state.reports.get(reportId)
    if (!report) throw new ControlInputError(`unknown report ${reportId}`)
    if (!report.result && !report.cancelledAt) report.advancedAt = this.ctx.clock.now()
    this.ctx.reportStatus(report)
    return renderReport(this.ctx, report)
  }

  /**
   * Raw TSV lines appended to the next listings report of that seller and marketplace: text (sent as UTF-8),
   * or bytes as they are — a Buffer in-process, `{ base64 }` over HTTP — for lines in another code page.
   */
  addReportRows(input: { sellerId: string; marketplaceId: string; rows: Array<string | Buffer | { base64: string }> }): { pending: number } {
    if (!input?.sellerId || !input.marketplaceId || !Array.isArray(input.rows)) throw new ControlInputError("needs sellerId, marketplaceId and rows")
    const key = `${input.sellerId}|${input.marketplaceId}`
    const lines = input.rows.map((row) => {
      if (Buffer.isBuffer(row)) return row
      if (row && typeof row === "object") {
        if (typeof row.base64 !== "string") throw new ControlInputError("a row is a string or { base64 }")
        return Buffer.from(row.base64, "base64")
      }
      return String(row)
    })
    const rows = [...(this.ctx.state.pendingReportRows.get(key) ?? []), ...lines]
    this.ctx.state.pendingReportRows.set(key, rows)
    return { pending: rows.length }
  }

  /** An uploaded feed document exactly as received. */
  feedDocument(docId: string): { contentType: string; content: Buffer } | undefined {
    const doc = this.ctx.state.documents.get(docId)
    if (!doc?.content || doc.kind !== "feed-input") return undefined
    return { contentType: doc.contentType, content: doc.content }
  }

  validationErrors(): ValidationFailure[] {
    return [...this.ctx.validationFailures]
  }

  clearValidationErrors(): void {
    this.ctx.validationFailures = []
  }

  /** Moves the sandbox clock forward by `ms` real milliseconds (quotas refill, feeds progress, tokens age). */
  /** Amazon refunds an order itself (Refund at First Scan, Seller Central, A-to-z claim, chargeback); Finances lists it 48 h later. */
  amazonRefund(input: AmazonRefundInput): ReturnType<typeof amazonRefund> {
    return amazonRefund(this.ctx, input)
  }

  /** The buyer returns items of a shipped MFN order, or an RMA moves on (Received, Rejected); the returns report shows it. */
  buyerReturn(input: BuyerReturnInput): ReturnType<typeof buyerReturn> {
    return buyerReturn(this.ctx, input)
  }

  /**
   * How fast Amazon's time runs from now on. Amazon's timelines are computed from real elapsed time × scale, so
   * the Amazon age of everything in flight is recomputed at the new scale: tests slow it down around steps that
   * must happen within an Amazon window (cancel an MCF order while it is still Received/Planning) and restore it.
   */
  setTimeScale(scale: number): { timeScale: number } {
    if (!(scale > 0)) throw new ControlInputError("scale must be > 0")
    this.ctx.clock.timeScale = scale
    return { timeScale: scale }
  }

  advanceClock(ms: number): { now: string } {
    if (!(ms >= 0)) throw new ControlInputError("ms must be >= 0")
    this.ctx.clock.advance(ms)
    this.ctx.tick()
    return { now: this.ctx.clock.iso() }
  }

  /** A single-use spapi_oauth_code, as the consent page would issue. */
  issueAuthorizationCode(sellerId: string, redirectUri?: string): { code: string } {
    if (!this.ctx.state.sellers.has(sellerId)) throw new ControlInputError(`unknown seller ${sellerId}`)
    return { code: issueAuthorizationCode(this.ctx, sellerId, redirectUri ?? this.ctx.options.defaultRedirectUri) }
  }

  getListing(sellerId: string, marketplaceId: string, sku: string): Listing | undefined {
    this.ctx.tick()
    return this.ctx.state.getListing(sellerId, marketplaceId, sku)
  }

  /**
   * The wrong outcome issue 13 guards against: ASINs the seller offers under more than one SKU of the same
   * condition in a marketplace (two offers of one product competing with each other). Amazon accepts them
   * (warning 8541), so a test asks this instead of waiting for an error. Empty = none.
   */
  duplicateOffers(sellerId: string, marketplaceId: string): Array<{ asin: string; condition: string; skus: string[] }> {
    this.ctx.tick()
    const groups = new Map<string, string[]>()
    for (const l of this.ctx.state.sellerListings(sellerId, marketplaceId).values()) {
      if (!l.asin) continue
      const key = `${l.asin}|${l.conditionType}`
      groups.set(key, [...(groups.get(key) ?? []), l.sku])
    }
    return [...groups]
      .filter(([, skus]) => skus.length > 1)
      .map(([key, skus]) => ({ asin: key.split("|")[0], condition: key.split("|")[1], skus: skus.sort() }))
  }

  /** Sets FBA stock of a seller in the pool of a marketplace (pan-EU marketplaces share one pool). */
  setFbaInventory(input: { sellerId: string; marketplaceId: string; items: FbaItemInput[] }): { pool: string; items: number } {
    return setFbaItems(this.ctx, input.sellerId, input.marketplaceId, input.items)
  }

  /** The seller's FBA items in the pool of a marketplace (seeded from its FBA listings on first use). */
  fbaInventory(sellerId: string, marketplaceId: string): FbaItem[] {
    const pool = fbaPoolKey(marketplaceId)
    return pool ? [...fbaPool(this.ctx, sellerId, pool).values()] : []
  }

  getOrder(orderId: string): OrderRecord | undefined {
    this.ctx.tick()
    return this.ctx.state.orders.get(orderId)
  }

  /**
   * Checks a processing report against schemas/feeds/listings-feed-processing-report-schema-v2.json
   * (undefined when the models folder is absent).
   */
  validateProcessingReport(report: unknown): ValidationError[] | undefined {
    const validator = this.ctx.validator ?? (this.ctx.models ? new SpApiValidator(this.ctx.models) : undefined)
    return validator?.validateProcessingReport(report)
  }
}
