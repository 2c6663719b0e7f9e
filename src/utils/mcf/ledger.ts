import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IFulfillmentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { createOrderShipmentWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { SpApiError } from "../../lib/sp-api/errors"
import type { GetFulfillmentOrderResult } from "../../lib/sp-api/apis/fulfillment-outbound"
import { isUniqueViolation } from "../db-error"
import type { FbaPoolRow } from "../fba"
import {
  addressProblems,
  ledgerStatusOf,
  type McfLedgerItem,
  type McfLedgerStatus,
  type MedusaAddress,
  speedOfOption,
  toLedgerItems,
  toMcfAddress,
  toMcfItems,
} from "./mapping"

export const MCF_PROVIDER_PREFIX = "amazon-mcf_"

export type McfRow = {
  id: string
  store_id: string
  order_id: string
  fulfillment_id: string
  seller_fulfillment_order_id: string
  marketplace_id: string
  pool: string | null
  shipping_speed: string
  status: McfLedgerStatus
  amazon_status: string | null
  items: McfLedgerItem[]
  tracking: Array<{ package_number: number; carrier_code: string; tracking_number: string | null; tracking_url: string | null; status: string | null }> | null
  unfulfillable: Array<{ sku: string; quantity: number; unfulfillable_quantity: number; cancelled_quantity: number }> | null
  error: { code: string; message: string } | null
  attempts: number
  next_attempt_at: Date | string | null
}

const BACKOFF_MAX_MS = 6 * 3600_000

function amazonOf(container: MedusaContainer) {
  return container.resolve<AmazonModuleService>(AMAZON_MODULE)
}

function errorOf(e: unknown): { code: string; message: string } {
  if (e instanceof SpApiError) return { code: e.code ?? (e.status ? `HTTP_${e.status}` : "NO_RESPONSE"), message: e.amazonMessage ?? e.message }
  return { code: "ERROR", message: (e as Error)?.message ?? String(e) }
}

/** Amazon answered and refused (not a quota, not a server fault, not a lost answer). */
function refused(e: unknown): boolean {
  return e instanceof SpApiError && e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 429
}

/**
 * Writes the ledger row of an MCF fulfillment (once; a second call returns the existing row). The store and
 * marketplace come from the FBA stock location the fulfillment ships from (amazon_fba_pool by location id).
 * Returns null when the fulfillment is not an MCF one.
 */
export async function recordMcfFulfillment(container: MedusaContainer, input: { order_id: string; fulfillment_id: string }): Promise<McfRow | null> {
  const amazon = amazonOf(container)
  const [existing] = (await amazon.listAmazonMcfOrders({ fulfillment_id: input.fulfillment_id })) as unknown as McfRow[]
  if (existing) return existing
  const fulfillments = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
  const fulfillment = await fulfillments.retrieveFulfillment(input.fulfillment_id, { relations: ["items"] })
  if (!fulfillment.provider_id?.startsWith(MCF_PROVIDER_PREFIX)) return null
  const data = (fulfillment.data ?? {}) as Record<string, unknown>
  const mcf = (data.mcf ?? {}) as { shipping_speed?: string }
  const speed = mcf.shipping_speed ?? speedOfOption(data) ?? "Standard"
  const [pool] = (await amazon.listAmazonFbaPools({ stock_location_id: fulfillment.location_id })) as unknown as FbaPoolRow[]
  const { items, problems } = toLedgerItems(
    (fulfillment.items ?? []).map((i) => ({ id: i.id, line_item_id: i.line_item_id, sku: i.sku, quantity: i.quantity, title: i.title }))
  )
  const base = {
    order_id: input.order_id,
    fulfillment_id: fulfillment.id,
    seller_fulfillment_order_id: fulfillment.id,
    shipping_speed: speed,
    items,
  }
  const row = pool
    ? { ...base, store_id: pool.store_id, marketplace_id: pool.reference_marketplace_id, pool: pool.pool }
    : { ...base, store_id: "", marketplace_id: "", pool: null }
  const failure = !pool
    ? { code: "NOT_FBA_LOCATION", message: "The fulfillment does not ship from an Amazon FBA stock location, so Amazon cannot fulfil it." }
    : problems.length
      ? { code: "ITEMS", message: problems.join("; ") }
      : null
  try {
    const created = await amazon.createAmazonMcfOrders({ ...row, status: failure ? "failed" : "pending", error: failure } as never)
    return created as unknown as McfRow
  } catch (e) {
    if (!isUniqueViolation(e)) throw e
    const [again] = (await amazon.listAmazonMcfOrders({ fulfillment_id: input.fulfillment_id })) as unknown as McfRow[]
    return again ?? null
  }
}

async function update(container: MedusaContainer, id: string, patch: Partial<McfRow> & Record<string, unknown>): Promise<McfRow> {
  return (await amazonOf(container).updateAmazonMcfOrders({ id, ...patch } as never)) as unknown as McfRow
}

/** Mirrors the row's state into fulfillment.data.mcf (the provider refuses a cancel once Amazon is processing). */
async function mirror(container: MedusaContainer, row: McfRow): Promise<void> {
  const fulfillments = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
  const current = await fulfillments.retrieveFulfillment(row.fulfillment_id, { select: ["id", "data"] })
  const data = (current.data ?? {}) as Record<string, unknown>
  const mcf = { ...((data.mcf ?? {}) as object), seller_fulfillment_order_id: row.seller_fulfillment_order_id, status: row.status, amazon_status: row.amazon_status }
  await fulfillments.updateFulfillment(row.fulfillment_id, { data: { ...data, mcf } } as never)
}

/**
 * Sends a pending row's createFulfillmentOrder exactly once: Amazon is asked with getFulfillmentOrder first, so
 * a create that reached Amazon before the worker died (or lost its answer) is not repeated; a second create would
 * anyway be refused by Amazon ("already exists"), which is read the same way.
 */
export async function sendMcfOrder(container: MedusaContainer, row: McfRow): Promise<McfRow> {
  if (row.status !== "pending") return row
  const amazon = amazonOf(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let client
  try {
    client = await amazon.getStoreSpApiClient(row.store_id)
  } catch (e) {
    return update(container, row.id, { error: errorOf(e), attempts: row.attempts + 1, next_attempt_at: backoff(row.attempts + 1) })
  }
  try {
    const known = await client.fulfillmentOutbound.getFulfillmentOrder(row.seller_fulfillment_order_id)
    if (known) return await applyAmazonOrder(container, row, known, { sent: true })
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "created_at", "email", "shipping_address.*"],
      filters: { id: row.order_id },
    })
    const order = orders[0] as { id: string; display_id?: number; created_at: string | Date; shipping_address?: MedusaAddress | null } | undefined
    const problems = order ? addressProblems(order.shipping_address) : ["the Medusa order is gone"]
    if (problems.length) return update(container, row.id, { status: "failed", error: { code: "ADDRESS", message: problems.join("; ") } })
    const displayId = String(order!.display_id ?? order!.id)
    await client.fulfillmentOutbound.createFulfillmentOrder({
      marketplaceId: row.marketplace_id,
      sellerFulfillmentOrderId: row.seller_fulfillment_order_id,
      displayableOrderId: displayId.slice(0, 40),
      displayableOrderDate: new Date(order!.created_at).toISOString(),
      displayableOrderComment: `Thank you for your order #${displayId}`.slice(0, 750),
      shippingSpeedCategory: row.shipping_speed as never,
      destinationAddress: toMcfAddress(order!.shipping_address!),
      fulfillmentAction: "Ship",
      fulfillmentPolicy: "FillOrKill",
      items: toMcfItems(row.items),
    })
    const sent = await update(container, row.id, { status: "sent", amazon_status: "Received", error: null, attempts: row.attempts + 1, sent_at: new Date(), next_attempt_at: null })
    await mirror(container, sent)
    return sent
  } catch (e) {
    const error = errorOf(e)
    if (refused(e)) {
      // "already exists": a concurrent sender or a lost answer got there first — read Amazon's order back
      const known = await client.fulfillmentOutbound.getFulfillmentOrder(row.seller_fulfillment_order_id).catch(() => null)
      if (known) return applyAmazonOrder(container, row, known, { sent: true })
      return update(container, row.id, { status: "failed", error, attempts: row.attempts + 1 })
    }
    return update(container, row.id, { error, attempts: row.attempts + 1, next_attempt_at: backoff(row.attempts + 1) })
  }
}

function backoff(attempts: number): Date {
  return new Date(Date.now() + Math.min(BACKOFF_MAX_MS, 60_000 * 2 ** Math.max(0, attempts - 1)))
}

/** Applies Amazon's view of the order to the row: status, short items, and a Medusa shipment for shipped packages. */
async function applyAmazonOrder(container: MedusaContainer, row: McfRow, result: GetFulfillmentOrderResult, opts: { sent?: boolean } = {}): Promise<McfRow> {
  const amazonStatus = String(result.fulfillmentOrder?.fulfillmentOrderStatus ?? "")
  const unfulfillable = (result.fulfillmentOrderItems ?? []).map((i) => ({
    sku: i.sellerSku,
    quantity: Number(i.quantity),
    unfulfillable_quantity: Number(i.unfulfillableQuantity ?? 0),
    cancelled_quantity: Number(i.cancelledQuantity ?? 0),
  }))
  const short = unfulfillable.some((u) => u.unfulfillable_quantity > 0)
  const next = ledgerStatusOf(amazonStatus)
  const patch: Record<string, unknown> = {
    amazon_status: amazonStatus,
    unfulfillable: short ? unfulfillable : null,
    last_polled_at: new Date(),
    error: row.error?.code === CANCEL_REFUSED ? row.error : null,
    next_attempt_at: null,
  }
  if (opts.sent && row.status === "pending") {
    patch.status = "sent"
    patch.sent_at = new Date()
  }
  if (next === "unfulfillable") {
    patch.status = "unfulfillable"
    patch.error = { code: amazonStatus.toUpperCase(), message: amazonStatus === "Invalid" ? "Amazon found the order invalid" : "Amazon has no fulfillable FBA stock for it" }
  } else if (next === "cancelled") {
    patch.status = "cancelled"
  } else if (next === "shipped" && row.status !== "shipped") {
    const client = await amazonOf(container).getStoreSpApiClient(row.store_id)
    const tracking: NonNullable<McfRow["tracking"]> = []
    for (const shipment of result.fulfillmentShipments ?? []) {
      for (const pkg of shipment.fulfillmentShipmentPackage ?? []) {
        const details = await client.fulfillmentOutbound.getPackageTrackingDetails(pkg.packageNumber).catch(() => null)
        tracking.push({
          package_number: pkg.packageNumber,
          carrier_code: pkg.carrierCode,
          tracking_number: details?.trackingNumber ?? pkg.trackingNumber ?? null,
          tracking_url: details?.customerTrackingLink ?? null,
          status: details?.currentStatus ?? null,
        })
      }
    }
    // the shipment covers what Amazon shipped (a partial order ships only its fulfillable units)
    const shippedBySku = new Map<string, number>()
    for (const shipment of result.fulfillmentShipments ?? []) {
      if (shipment.fulfillmentShipmentStatus !== "SHIPPED") continue
      for (const it of shipment.fulfillmentShipmentItem ?? []) shippedBySku.set(it.sellerSku, (shippedBySku.get(it.sellerSku) ?? 0) + Number(it.quantity))
    }
    const items = row.items
      .filter((i) => i.line_item_id)
      .map((i) => ({ id: i.line_item_id as string, quantity: Math.min(i.quantity, shippedBySku.get(i.sku) ?? 0) }))
      .filter((i) => i.quantity > 0)
    const fulfillment = await container
      .resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
      .retrieveFulfillment(row.fulfillment_id, { select: ["id", "canceled_at"] })
    // a fulfillment cancelled in Medusa after Amazon refused the cancellation gets no shipment (Medusa refuses it)
    if (!fulfillment.canceled_at) await createOrderShipmentWorkflow(container).run({
      input: {
        order_id: row.order_id,
        fulfillment_id: row.fulfillment_id,
        items,
        labels: tracking.map((t) => ({ tracking_number: t.tracking_number ?? String(t.package_number), tracking_url: t.tracking_url ?? "", label_url: "" })),
      },
    })
    patch.status = "shipped"
    patch.tracking = tracking
  }
  const updated = await update(container, row.id, patch as Partial<McfRow>)
  await mirror(container, updated).catch(() => undefined)
  return updated
}

/** Reads Amazon's order of a sent row and applies it. */
export async function pollMcfOrder(container: MedusaContainer, row: McfRow): Promise<McfRow> {
  if (row.status !== "sent") return row
  try {
    const client = await amazonOf(container).getStoreSpApiClient(row.store_id)
    const result = await client.fulfillmentOutbound.getFulfillmentOrder(row.seller_fulfillment_order_id)
    if (!result) return update(container, row.id, { error: { code: "NOT_FOUND", message: "Amazon no longer knows this fulfillment order" }, last_polled_at: new Date() })
    return await applyAmazonOrder(container, row, result)
  } catch (e) {
    return update(container, row.id, { error: errorOf(e), last_polled_at: new Date() })
  }
}

/** A Medusa fulfillment of the provider was cancelled: cancel the Amazon order (or stop it being sent). */
export async function cancelMcfOrder(container: MedusaContainer, fulfillmentId: string): Promise<McfRow | null> {
  const amazon = amazonOf(container)
  const [row] = (await amazon.listAmazonMcfOrders({ fulfillment_id: fulfillmentId })) as unknown as McfRow[]
  if (!row || row.status === "cancelled" || row.status === "failed" || row.error?.code === CANCEL_REFUSED) return row ?? null
  // first, so the sender no longer sends a pending row
  const requested = await update(container, row.id, { status: "cancel_requested" })
  let client
  try {
    client = await amazon.getStoreSpApiClient(row.store_id)
  } catch (e) {
    return update(container, requested.id, { error: errorOf(e) })
  }
  let known: GetFulfillmentOrderResult | null = null
  try {
    known = await client.fulfillmentOutbound.getFulfillmentOrder(row.seller_fulfillment_order_id)
    const status = known?.fulfillmentOrder.fulfillmentOrderStatus
    if (known && status !== "Cancelled" && status !== "Unfulfillable" && status !== "Invalid") {
      await client.fulfillmentOutbound.cancelFulfillmentOrder(row.seller_fulfillment_order_id)
    }
    const updated = await update(container, row.id, { status: "cancelled", amazon_status: known ? "Cancelled" : row.amazon_status, error: null })
    await mirror(container, updated).catch(() => undefined)
    return updated
  } catch (e) {
    if (!refused(e)) return update(container, requested.id, { error: errorOf(e) })
    // Amazon refuses once it is processing or has shipped: the order goes on at Amazon, and says so in words
    const status = String(known?.fulfillmentOrder.fulfillmentOrderStatus ?? row.amazon_status ?? "")
    const updated = await update(container, row.id, {
      status: "sent",
      amazon_status: status || row.amazon_status,
      error: { code: CANCEL_REFUSED, message: `Amazon refused the cancellation (${errorOf(e).message}); the order is ${status || "under way"} at Amazon and will be shipped` },
    })
    return pollMcfOrder(container, updated)
  }
}

/** error.code of a row whose cancellation Amazon refused (kept while the order goes on, so it stays in words). */
export const CANCEL_REFUSED = "CANCEL_REFUSED"

/** One pass: send pending rows whose time has come, poll sent ones, retry cancellations. */
export async function runMcf(container: MedusaContainer, opts: { limit?: number } = {}): Promise<{ sent: number; polled: number; cancelled: number }> {
  const amazon = amazonOf(container)
  const limit = opts.limit ?? 50
  const now = Date.now()
  const pending = ((await amazon.listAmazonMcfOrders({ status: "pending" }, { take: limit, order: { created_at: "ASC" } })) as unknown as McfRow[]).filter(
    (r) => !r.next_attempt_at || new Date(r.next_attempt_at).getTime() <= now
  )
  let sent = 0
  for (const row of pending) if ((await sendMcfOrder(container, row)).status !== "pending") sent++
  const open = (await amazon.listAmazonMcfOrders({ status: "sent" }, { take: limit, order: { last_polled_at: "ASC" } })) as unknown as McfRow[]
  for (const row of open) await pollMcfOrder(container, row)
  const cancels = (await amazon.listAmazonMcfOrders({ status: "cancel_requested" }, { take: limit })) as unknown as McfRow[]
  let cancelled = 0
  for (const row of cancels) if ((await cancelMcfOrder(container, row.fulfillment_id))?.status === "cancelled") cancelled++
  return { sent, polled: open.length, cancelled }
}
