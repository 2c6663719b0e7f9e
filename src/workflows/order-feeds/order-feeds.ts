import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { amazonOrderId, feedDocumentId, feedId, marketplaceId, SpApiError, SpApiNetworkError } from "../../lib/sp-api"
import { getMarketplace } from "../../lib/sp-api/marketplaces"
import type { AmazonOrderLine } from "../../utils/orders/types"
import { sumDecimals } from "../../utils/orders/decimal"
import { isSendable, planRefund, type LedgerEntry, type RefundPlan, type RefundRequest } from "../../utils/order-feeds/refund-plan"
import {
  buildOrderFeed,
  CANCEL_REASONS,
  type CancelReason,
  messageOutcomes,
  type OrderAcknowledgementMessage,
  type OrderAdjustmentMessage,
  orderFeedBytes,
  type OrderFeedType,
  parseXmlProcessingReport,
  XML_CONTENT_TYPE,
} from "../../utils/order-feeds/xml-feed"
import { SYSTEM_PAYMENT_PROVIDER } from "../orders/steps/load-amazon-refund"

/**
 * Medusa → Amazon on an order: refunds (POST_PAYMENT_ADJUSTMENT_DATA) and seller cancellations
 * (POST_ORDER_ACKNOWLEDGEMENT_DATA), exactly once, through the refund ledger (amazon_refund, direction out).
 *
 * 1. request: the plan (refund-plan.ts) is made under the order's lock and a Postgres advisory lock on its ledger and
 *    written as a `queued` ledger row whose source_ref is the request's id (or a hash of the plan and the ledger): a
 *    second click finds the same row; a request without id overlapping a refund still on its way is refused (409).
 * 2. send (per store, under the store's lock): the queued rows of a marketplace go in ONE feed. Each row gets the batch
 *    id and its MessageID first, then the uploaded document's id, and only then createFeed (irreversible), whose
 *    feedId is written at once (status `sent`). A worker killed after createFeed leaves rows with a document id and no
 *    feedId: the next run finds Amazon's feed of that document (getFeeds) instead of sending again.
 * 3. poll: the XML processing report decides each MessageID: `accepted` → the Medusa refund is recorded
 *    (refundPaymentWorkflow, once: medusa_refund_id, and the ledger id in the refund's note) or, once getOrder shows
 *    the order CANCELLED, the order is canceled (under the import's lock on the order row, skipped when the import
 *    already followed Amazon's cancellation); `rejected` → Amazon's words on the row, nothing recorded.
 */

export const ORDER_FEED_ROW_FIELDS = [
  "id", "store_id", "marketplace_id", "direction", "kind", "source_ref", "amazon_order_id", "medusa_order_id", "medusa_refund_id",
  "status", "lines", "currency", "amount", "reason", "note", "feed_id", "amazon_feed_id", "feed_document_id", "message_id",
  "amazon_message", "amazon_result_code", "posted_at", "requested_by", "attempts", "error", "echo_of", "created_at", "updated_at",
] as const

export type LedgerRow = {
  id: string
  store_id: string
  marketplace_id: string | null
  direction: "in" | "out"
  kind: "refund" | "cancel"
  source_ref: string
  amazon_order_id: string
  medusa_order_id: string | null
  medusa_refund_id: string | null
  status: string
  lines: Array<Record<string, any>>
  currency: string | null
  amount: string | null
  reason: string | null
  feed_id: string | null
  amazon_feed_id: string | null
  feed_document_id: string | null
  message_id: number | null
  amazon_message: string | null
  updated_at: Date | string
  [key: string]: unknown
}

type AmazonOrderRow = {
  id: string
  store_id: string
  marketplace_id: string
  amazon_order_id: string
  order_id: string | null
  amazon_status: string
  fulfillment_channel: "MFN" | "AFN"
  currency_code: string | null
  items: AmazonOrderLine[] | null
  buyer_cancel_request?: { reason?: string } | null
}

/** A document uploaded but with no feedId known is looked up for this long before it is sent again. */
const ORPHAN_DOCUMENT_MS = 15 * 60 * 1000
const FEED_TYPE_OF: Record<"refund" | "cancel", OrderFeedType> = { refund: "POST_PAYMENT_ADJUSTMENT_DATA", cancel: "POST_ORDER_ACKNOWLEDGEMENT_DATA" }

const amazonOf = (scope: MedusaContainer) => scope.resolve<AmazonModuleService>(AMAZON_MODULE)

export async function ledgerOf(scope: MedusaContainer, storeId: string, amazonOrderId: string): Promise<LedgerRow[]> {
  return (await amazonOf(scope).listAmazonRefunds(
    { store_id: storeId, amazon_order_id: amazonOrderId },
    { select: [...ORDER_FEED_ROW_FIELDS], order: { created_at: "ASC" } }
  )) as unknown as LedgerRow[]
}

function planOrder(row: AmazonOrderRow) {
  const country = getMarketplace(row.marketplace_id)?.country_code ?? "US"
  return {
    amazon_order_id: row.amazon_order_id,
    currency: row.currency_code ?? "USD",
    country_code: country,
    fulfillment_channel: row.fulfillment_channel,
    amazon_status: row.amazon_status,
    items: row.items ?? [],
  }
}

export type RefundAnswer = {
  plan: RefundPlan
  preview_xml: string | null
  refund: LedgerRow | null
  duplicate: boolean
  /** an outbound refund of the same item(s) that is still on its way to Amazon: this request was not queued */
  conflict: { refund_id: string; message: string } | null
}

/** Outbound refunds Amazon has not answered yet (their money is counted, their outcome unknown). */
const IN_FLIGHT = new Set(["planned", "queued", "sent"])

/**
 * The first outbound refund still on its way to Amazon that refunds one of `itemIds`, in words, or null. Two requests
 * without a request key that overlap are taken for one refund clicked twice (or sent twice by a script), not two.
 */
export function refundInFlight(ledger: LedgerRow[], itemIds: string[]): { refund_id: string; message: string } | null {
  const wanted = new Set(itemIds)
  const row = ledger.find(
    (r) => r.direction === "out" && r.kind === "refund" && IN_FLIGHT.has(r.status) && r.lines.some((l) => wanted.has(String(l.amazon_order_item_id)))
  )
  if (!row) return null
  const what = row.lines
    .filter((l) => wanted.has(String(l.amazon_order_item_id)))
    .map((l) => `${l.quantity ? `${l.quantity} unit(s) of ` : ""}item ${l.amazon_order_item_id}`)
    .join(", ")
  const where = row.status === "sent" ? "sent, waiting for Amazon's processing report" : "waiting to be sent"
  return {
    refund_id: row.id,
    message:
      `A refund of ${row.amount ?? "?"} ${row.currency ?? ""} (${what}) is already on its way to Amazon (${row.id}, ${where}). ` +
      "Wait for Amazon's answer before refunding more of the same item, or send this request with its own request_id if it is a second refund.",
  }
}

/**
 * Plans (and unless `preview`, queues) a refund of an imported Amazon order. The ledger is read and the row written
 * under the order's lock and, inside it, a Postgres advisory lock on the order's ledger (withOrderLedgerLock): two
 * requests at once, from any process, are decided one after the other.
 */
export async function requestAmazonRefund(
  scope: MedusaContainer,
  order: AmazonOrderRow,
  request: RefundRequest & { request_id?: string; note?: string },
  options: { preview: boolean; actor?: string | null }
): Promise<RefundAnswer> {
  const amazon = amazonOf(scope)
  const locking = scope.resolve(Modules.LOCKING)
  const sellerId = await sellerOf(scope, order.store_id)
  return await locking.execute(
    `amazon:refund:${order.store_id}:${order.amazon_order_id}`,
    () =>
      amazon.withOrderLedgerLock(order.store_id, order.amazon_order_id, async (rows, create): Promise<RefundAnswer> => {
        const ledger = rows as unknown as LedgerRow[]
        if (request.request_id) {
          const same = ledger.find((r) => r.direction === "out" && r.source_ref === `req:${request.request_id}`)
          if (same) return { plan: planFromRow(same), preview_xml: null, refund: same, duplicate: true, conflict: null }
        }
        const plan = planRefund(planOrder(order), ledger as unknown as LedgerEntry[], request)
        const preview_xml = plan.lines.length ? buildOrderFeed("POST_PAYMENT_ADJUSTMENT_DATA", sellerId, [adjustmentMessage(1, order.amazon_order_id, plan.currency, "preview", plan.lines)]) : null
        const inFlight = refundInFlight(ledger, plan.lines.map((l) => l.amazon_order_item_id))
        if (inFlight && request.request_id) plan.notes.push(`${inFlight.message.split(". ")[0]}; this is a second refund on top of it.`)
        const conflict = inFlight && !request.request_id ? inFlight : null
        if (options.preview || !isSendable(plan) || conflict) return { plan, preview_xml, refund: null, duplicate: false, conflict }
        // every row so far, rejected ones too: the same refund asked again after Amazon rejected it is a new row, not
        // the rejected one found again (its source_ref would otherwise be the same)
        const before = ledger.map((r) => r.id)
        const sourceRef = request.request_id
          ? `req:${request.request_id}`
          : `plan:${createHash("sha256").update(JSON.stringify([order.amazon_order_id, plan.lines, before])).digest("hex").slice(0, 32)}`
        const existing = ledger.find((r) => r.direction === "out" && r.source_ref === sourceRef)
        if (existing) return { plan, preview_xml, refund: existing, duplicate: true, conflict: null }
        const created = await create({
          store_id: order.store_id,
          marketplace_id: order.marketplace_id,
          direction: "out",
          kind: "refund",
          source_ref: sourceRef,
          amazon_order_id: order.amazon_order_id,
          medusa_order_id: order.order_id,
          status: "queued",
          lines: plan.lines,
          currency: plan.currency,
          amount: plan.total,
          reason: plan.reason,
          note: request.note ?? null,
          requested_by: options.actor ?? null,
        })
        return { plan, preview_xml, refund: created as unknown as LedgerRow, duplicate: false, conflict: null }
      }),
    { timeout: 30 }
  )
}

function planFromRow(row: LedgerRow): RefundPlan {
  return { currency: row.currency ?? "", tax_inclusive: false, reason: (row.reason ?? "Other") as RefundPlan["reason"], lines: row.lines as RefundPlan["lines"], refused: [], notes: [], total: row.amount ?? "0" }
}

/** Why Amazon would refuse a seller cancellation of this order, or null. */
export function cancelRefusal(order: AmazonOrderRow): string | null {
  if (order.fulfillment_channel !== "MFN") return "Fulfilled by Amazon (AFN): only Amazon can cancel it."
  if (!/^(pending|unshipped)$/i.test(order.amazon_status)) {
    return `Amazon has the order as ${order.amazon_status}: only unshipped orders can be canceled (a cancellation after shipping would refund the whole order).`
  }
  return null
}

/** Queues a seller cancellation (POST_ORDER_ACKNOWLEDGEMENT_DATA, StatusCode Failure) of an unshipped MFN order. */
export async function requestAmazonCancel(
  scope: MedusaContainer,
  order: AmazonOrderRow,
  input: { reason?: string; request_id?: string },
  options: { actor?: string | null }
): Promise<{ refund: LedgerRow; duplicate: boolean }> {
  const refusal = cancelRefusal(order)
  if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  const buyerAsked = !!order.buyer_cancel_request
  const reason = (input.reason ?? (buyerAsked ? "BuyerCanceled" : "NoInventory")) as CancelReason
  if (!(CANCEL_REASONS as readonly string[]).includes(reason)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${reason}" is not one of Amazon's cancel reasons`)
  if (reason === "BuyerCanceled" && !buyerAsked) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "BuyerCanceled is only for orders whose buyer asked to cancel; it would otherwise count against your cancellation rate as a false reason.")
  }
  const amazon = amazonOf(scope)
  const locking = scope.resolve(Modules.LOCKING)
  return await locking.execute(
    `amazon:refund:${order.store_id}:${order.amazon_order_id}`,
    () => amazon.withOrderLedgerLock(order.store_id, order.amazon_order_id, async (rows, create) => {
      const ledger = rows as unknown as LedgerRow[]
      // one cancellation per order: a second click (or a second admin) finds the one that is under way or done
      const open = ledger.find((r) => r.direction === "out" && r.kind === "cancel" && !["rejected", "failed"].includes(r.status))
      if (open) return { refund: open, duplicate: true }
      const attempt = ledger.filter((r) => r.kind === "cancel").length
      const created = await create({
        store_id: order.store_id,
        marketplace_id: order.marketplace_id,
        direction: "out",
        kind: "cancel",
        source_ref: input.request_id ? `cancel-req:${input.request_id}` : `cancel:${order.amazon_order_id}:${attempt}`,
        amazon_order_id: order.amazon_order_id,
        medusa_order_id: order.order_id,
        status: "queued",
        lines: (order.items ?? []).map((l) => ({ amazon_order_item_id: l.order_item_id, quantity: l.quantity, reason })),
        currency: order.currency_code,
        reason,
        requested_by: options.actor ?? null,
      })
      return { refund: created as unknown as LedgerRow, duplicate: false }
    }),
    { timeout: 30 }
  )
}

async function sellerOf(scope: MedusaContainer, storeId: string): Promise<string> {
  const store = await amazonOf(scope).retrieveAmazonStore(storeId, { select: ["selling_partner_id"] })
  if (!store.selling_partner_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Amazon store "${storeId}" is not connected`)
  return store.selling_partner_id
}

function adjustmentMessage(messageId: number, amazonOrderId: string, currency: string, rowId: string, lines: Array<Record<string, any>>): OrderAdjustmentMessage {
  return {
    messageId,
    amazon_order_id: amazonOrderId,
    currency,
    items: lines.map((line, index) => ({
      amazon_order_item_id: String(line.amazon_order_item_id),
      merchant_adjustment_item_id: `${rowId}-${index + 1}`,
      reason: line.reason,
      components: { Principal: line.principal, Tax: line.tax, Shipping: line.shipping, ShippingTax: line.shipping_tax },
    })),
  }
}

function messageOf(row: LedgerRow, messageId: number): OrderAdjustmentMessage | OrderAcknowledgementMessage {
  if (row.kind === "cancel") {
    return {
      messageId,
      amazon_order_id: row.amazon_order_id,
      status: "Failure",
      items: row.lines.map((l) => ({ amazon_order_item_id: String(l.amazon_order_item_id), cancel_reason: (row.reason ?? "NoInventory") as CancelReason })),
    }
  }
  return adjustmentMessage(messageId, row.amazon_order_id, row.currency ?? "USD", row.id, row.lines)
}

export type OrderFeedRunResult = { sent: number; feeds: number; accepted: number; rejected: number; recovered: number; errors: string[] }

/** Sends the store's queued refunds/cancellations and reads the results of its sent ones (under the store's lock). */
export async function runAmazonOrderFeeds(scope: MedusaContainer, storeId: string, options: { send?: boolean; poll?: boolean } = {}): Promise<OrderFeedRunResult> {
  const result: OrderFeedRunResult = { sent: 0, feeds: 0, accepted: 0, rejected: 0, recovered: 0, errors: [] }
  const locking = scope.resolve(Modules.LOCKING)
  await locking.execute(
    `amazon:order-feeds:${storeId}`,
    async () => {
      if (options.send !== false) await sendQueued(scope, storeId, result)
      if (options.poll !== false) await pollSent(scope, storeId, result)
    },
    { timeout: 60 }
  )
  return result
}

async function sendQueued(scope: MedusaContainer, storeId: string, result: OrderFeedRunResult) {
  const amazon = amazonOf(scope)
  const queued = (await amazon.listAmazonRefunds({ store_id: storeId, direction: "out", status: "queued" }, { select: [...ORDER_FEED_ROW_FIELDS], order: { created_at: "ASC" } })) as unknown as LedgerRow[]
  if (!queued.length) return
  const client = await amazon.getStoreSpApiClient(storeId)
  const sellerId = await sellerOf(scope, storeId)
  // rows a killed worker left inside a batch
  const fresh: LedgerRow[] = []
  const orphanBatches = new Map<string, LedgerRow[]>()
  for (const row of queued) {
    if (!row.feed_id) fresh.push(row)
    else orphanBatches.set(row.feed_id, [...(orphanBatches.get(row.feed_id) ?? []), row])
  }
  // Amazon's Feed carries no inputFeedDocumentId (feeds_2021-06-30 Feed), so a batch cut short after createFeed is
  // matched on what Amazon does show: the first feed of its type and marketplace created after its document was
  // written (updated_at) that no ledger row knows. Under the store's lock only this sender makes such feeds, and the
  // oldest orphan claims first.
  const claimed = new Set<string>()
  const orphans = [...orphanBatches].sort(([, a], [, b]) => new Date(a[0].updated_at).getTime() - new Date(b[0].updated_at).getTime())
  for (const [batchId, rows] of orphans) {
    const documentId = rows[0].feed_document_id
    if (!documentId) {
      // createFeed was never called for it (the document id is written before the upload): send them again
      fresh.push(...rows)
      continue
    }
    const type = FEED_TYPE_OF[rows[0].kind]
    const writtenAt = new Date(rows[0].updated_at).getTime()
    const found = await orphanFeed(scope, client, type, rows[0].marketplace_id!, writtenAt, claimed).catch((error: unknown) => {
      result.errors.push(`Could not look up the feed of document ${documentId}: ${error instanceof Error ? error.message : String(error)}`)
      return "unknown" as const
    })
    if (found === "unknown") continue
    if (found) {
      claimed.add(found)
      await amazon.updateAmazonRefunds({ selector: { feed_id: batchId, status: "queued" }, data: { status: "sent", amazon_feed_id: found } })
      result.recovered += rows.length
      continue
    }
    // Amazon has no feed of that document: once the lookup had time to see it, the batch is sent again
    if (Date.now() - writtenAt > ORPHAN_DOCUMENT_MS) fresh.push(...rows)
  }
  const groups = new Map<string, LedgerRow[]>()
  for (const row of fresh) {
    const key = `${row.kind}|${row.marketplace_id}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  for (const rows of groups.values()) {
    const type = FEED_TYPE_OF[rows[0].kind]
    const batchId = `amzrfb_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
    // 1. the batch and each row's MessageID, before anything leaves
    await amazon.updateAmazonRefunds(rows.map((row, index) => ({ id: row.id, feed_id: batchId, message_id: index + 1, feed_document_id: null, attempts: ((row.attempts as number) ?? 0) + 1 })))
    const xml = buildOrderFeed(type, sellerId, rows.map((row, index) => messageOf(row, index + 1)))
    try {
      const target = await client.feeds.createFeedDocument({ contentType: XML_CONTENT_TYPE })
      // 2. the document's id, before createFeed: a crash after createFeed is found by this id
      await amazon.updateAmazonRefunds({ selector: { feed_id: batchId }, data: { feed_document_id: target.feedDocumentId } })
      await client.feeds.uploadFeedDocument(target, orderFeedBytes(xml), XML_CONTENT_TYPE)
      let created: string
      try {
        created = (await client.feeds.createFeed({ feedType: type, marketplaceIds: [marketplaceId(rows[0].marketplace_id!)], inputFeedDocumentId: feedDocumentId(target.feedDocumentId) })).feedId
      } catch (error) {
        // may have reached Amazon: leave the rows in their batch; the next run looks the document up
        // (a timeout after sending, or a 5xx: Amazon may have carried it out and only the answer was lost)
        if ((error instanceof SpApiNetworkError && error.mayHaveBeenReceived) || (error instanceof SpApiError && (error.status ?? 0) >= 500)) throw error
        await amazon.updateAmazonRefunds({ selector: { feed_id: batchId }, data: { feed_id: null, feed_document_id: null, message_id: null, error: error instanceof Error ? error.message : String(error) } })
        throw error
      }
      // 3. Amazon's feedId, at once
      await amazon.updateAmazonRefunds({ selector: { feed_id: batchId }, data: { status: "sent", amazon_feed_id: created, error: null } })
      result.sent += rows.length
      result.feeds++
    } catch (error) {
      result.errors.push(`${type} for ${rows.length} order(s) not sent yet: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

/** The feed Amazon made of an orphan batch's document (see sendQueued), or null when Amazon shows none. */
async function orphanFeed(
  scope: MedusaContainer,
  client: Awaited<ReturnType<AmazonModuleService["getStoreSpApiClient"]>>,
  type: OrderFeedType,
  marketplace: string,
  writtenAt: number,
  claimed: Set<string>
): Promise<string | null> {
  // a minute of leeway for clocks: Amazon's createdTime against our database's updated_at
  const since = writtenAt - 60_000
  const { feeds } = await client.feeds.getFeeds({ feedTypes: [type], marketplaceIds: [marketplaceId(marketplace)], createdSince: new Date(since).toISOString() })
  const candidates = feeds.filter((f) => !claimed.has(f.feedId) && new Date(f.createdTime).getTime() >= since)
  if (!candidates.length) return null
  const known = await amazonOf(scope).listAmazonRefunds({ amazon_feed_id: candidates.map((f) => f.feedId) }, { select: ["amazon_feed_id"] })
  const knownIds = new Set(known.map((r) => r.amazon_feed_id))
  const ours = candidates.filter((f) => !knownIds.has(f.feedId)).sort((a, b) => new Date(a.createdTime).getTime() - new Date(b.createdTime).getTime())
  return ours[0]?.feedId ?? null
}

const TERMINAL_FAILURE = new Set(["FATAL", "CANCELLED"])

async function pollSent(scope: MedusaContainer, storeId: string, result: OrderFeedRunResult) {
  const amazon = amazonOf(scope)
  const sent = (await amazon.listAmazonRefunds({ store_id: storeId, direction: "out", status: "sent" }, { select: [...ORDER_FEED_ROW_FIELDS] })) as unknown as LedgerRow[]
  // accepted rows whose Medusa record did not happen yet (a crash between the two)
  const unrecorded = (await amazon.listAmazonRefunds({ store_id: storeId, direction: "out", status: "accepted", medusa_refund_id: null }, { select: [...ORDER_FEED_ROW_FIELDS] })) as unknown as LedgerRow[]
  const byFeed = new Map<string, LedgerRow[]>()
  for (const row of sent) byFeed.set(row.amazon_feed_id!, [...(byFeed.get(row.amazon_feed_id!) ?? []), row])
  if (byFeed.size) {
    const client = await amazon.getStoreSpApiClient(storeId)
    for (const [amazonFeedId, rows] of byFeed) {
      try {
        const feed = await client.feeds.getFeed(feedId(amazonFeedId))
        if (feed.processingStatus !== "DONE" && !TERMINAL_FAILURE.has(feed.processingStatus)) continue
        let outcomes = rows.map((r) => ({ messageId: r.message_id!, accepted: false, message: `Amazon ended the feed as ${feed.processingStatus} without a report.` as string | null, code: null as string | null }))
        if (feed.resultFeedDocumentId) {
          const text = await client.feeds.downloadFeedDocumentText(feedDocumentId(feed.resultFeedDocumentId))
          const read = messageOutcomes(parseXmlProcessingReport(text), rows.map((r) => r.message_id!))
          if (read.length) outcomes = read
          else if (!TERMINAL_FAILURE.has(feed.processingStatus)) {
            result.errors.push(`Feed ${amazonFeedId}: the processing report decided none of its messages; read again later.`)
            continue
          }
        }
        const now = new Date()
        for (const row of rows) {
          const outcome = outcomes.find((o) => o.messageId === row.message_id)
          if (!outcome) continue
          if (outcome.accepted) {
            await amazon.updateAmazonRefunds({ id: row.id, status: "accepted", posted_at: now, amazon_message: outcome.message, amazon_result_code: outcome.code })
            unrecorded.push({ ...row, status: "accepted" })
            result.accepted++
          } else {
            await amazon.updateAmazonRefunds({ id: row.id, status: "rejected", amazon_message: outcome.message ?? "Amazon refused it without a message.", amazon_result_code: outcome.code })
            result.rejected++
          }
        }
      } catch (error) {
        result.errors.push(`Feed ${amazonFeedId}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  for (const row of unrecorded) {
    try {
      await recordInMedusa(scope, row)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await amazon.updateAmazonRefunds({ id: row.id, error: `Accepted by Amazon, but not recorded in Medusa yet: ${message}` })
      result.errors.push(`${row.id}: ${message}`)
    }
  }
}

const num = (value: unknown): number => {
  if (value && typeof value === "object") {
    const v = value as { numeric?: unknown; value?: unknown }
    return Number(v.numeric ?? v.value) || 0
  }
  return Number(value) || 0
}

/** Amazon accepted: the Medusa refund (or cancellation) is recorded once; the ledger row is its guard. */
async function recordInMedusa(scope: MedusaContainer, row: LedgerRow) {
  const amazon = amazonOf(scope)
  if (!row.medusa_order_id) {
    await amazon.updateAmazonRefunds({ id: row.id, medusa_refund_id: "none", error: "The Amazon order has no Medusa order: nothing to record." })
    return
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  if (row.kind === "cancel") {
    // the processing report accepted the message; the order is canceled in Medusa once Amazon shows it Canceled
    // (getOrder: 0.5 rps, burst 30 — orders model), so Medusa never cancels an order Amazon still means to ship
    const client = await amazon.getStoreSpApiClient(row.store_id)
    const { order: atAmazon } = await client.orders.getOrder(amazonOrderId(row.amazon_order_id), ["FULFILLMENT"])
    const amazonStatus = atAmazon.fulfillment?.fulfillmentStatus
    if (amazonStatus !== "CANCELLED") {
      await amazon.updateAmazonRefunds({
        id: row.id,
        error: `Amazon accepted the cancellation but still shows the order as ${amazonStatus ?? "unknown"}: the Medusa order is canceled once Amazon shows it Canceled (checked every minute).`,
      })
      return
    }
    const [amazonOrder] = await amazon.listAmazonOrders({ store_id: row.store_id, amazon_order_id: row.amazon_order_id }, { select: ["id"] })
    const cancel = async () => {
      const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: row.medusa_order_id } })
      // the order import may have canceled it already (it follows Amazon's CANCELLED): nothing to do twice
      if (data[0] && data[0].status !== "canceled") await cancelOrderWorkflow(scope).run({ input: { order_id: row.medusa_order_id! } })
      if (amazonOrder) await amazon.updateAmazonOrders({ id: amazonOrder.id, amazon_status: "CANCELLED", import_status: "canceled", issues: null })
    }
    // the import's lock on the order row (import-amazon-order.ts): the import and this never cancel the order at once
    if (amazonOrder) await scope.resolve(Modules.LOCKING).execute(`amazon-order:${amazonOrder.id}`, cancel, { timeout: 60 })
    else await cancel()
    await amazon.updateAmazonRefunds({ id: row.id, medusa_refund_id: `canceled:${row.medusa_order_id}`, error: null })
    return
  }
  const note = `Amazon refund ${row.id}`
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.amount", "payment_collections.payments.refunds.id", "payment_collections.payments.refunds.note", "payment_collections.payments.refunds.amount"],
    filters: { id: row.medusa_order_id },
  })
  type Payment = { id: string; provider_id: string; amount: unknown; refunds?: Array<{ id: string; note?: string | null; amount: unknown } | null> | null }
  const payments = ((data[0]?.payment_collections ?? []) as Array<{ payments?: Payment[] | null } | null>).flatMap((c) => c?.payments ?? []).filter(Boolean) as Payment[]
  // recorded before a crash cut the ledger update short: the note carries the ledger id
  const done = payments.flatMap((p) => p.refunds ?? []).find((r) => r?.note === note)
  if (done) {
    await amazon.updateAmazonRefunds({ id: row.id, medusa_refund_id: done.id, error: null })
    return
  }
  const amount = num(sumDecimals([row.amount]))
  const payment = payments.find((p) => p.provider_id === SYSTEM_PAYMENT_PROVIDER && num(p.amount) - (p.refunds ?? []).reduce((n, r) => n + num(r?.amount), 0) >= amount - 1e-9)
  if (!payment) {
    await amazon.updateAmazonRefunds({
      id: row.id,
      medusa_refund_id: "none",
      error: "Amazon refunded the buyer, but the order has no payment recorded through Medusa's system provider with that much left: record the refund on the order by hand.",
    })
    return
  }
  await refundPaymentWorkflow(scope).run({ input: { payment_id: payment.id, amount, note } })
  const { data: after } = await query.graph({ entity: "payment", fields: ["id", "refunds.id", "refunds.note"], filters: { id: payment.id } })
  const refund = ((after[0]?.refunds ?? []) as Array<{ id: string; note?: string | null } | null>).find((r) => r?.note === note)
  await amazon.updateAmazonRefunds({ id: row.id, medusa_refund_id: refund?.id ?? "recorded", error: null })
}
