import type { SandboxContext } from "./context"
import { fbaPool, fbaPoolKey } from "./fba-inventory"
import type { SandboxState } from "./state"

/**
 * Multi-Channel Fulfillment (Fulfillment Outbound 2020-07-01) as Amazon plays it, per seller:
 * Received → Planning (after 60 Amazon seconds) → Processing (after 10 min) → Complete with one shipment and
 * one package (after 1 h), all on the sandbox clock. Stock comes from the FBA pool of the order's marketplace
 * (sandbox/fba-inventory.ts): units are taken from `fulfillable` when the order is received. Under FillOrKill
 * (Amazon's default) a short item makes the whole order Unfulfillable at planning; FillAllAvailable ships what
 * there is (CompletePartialled) and reports the rest as unfulfillable quantity. Cancel is allowed only while
 * Received or Planning ("only orders in the Received or Planning status can be canceled").
 */
export const MCF_TIMELINE_SECONDS = { planning: 60, processing: 600, complete: 3600, delivered: 2 * 86400 }

export interface McfItem {
  sellerSku: string
  sellerFulfillmentOrderItemId: string
  quantity: number
  /** units taken from the pool at creation */
  allocated: number
  cancelledQuantity: number
  unfulfillableQuantity: number
  displayableComment?: string
}

export interface McfOrder {
  sellerId: string
  sellerFulfillmentOrderId: string
  marketplaceId: string
  pool: string
  displayableOrderId: string
  displayableOrderDate: string
  displayableOrderComment: string
  shippingSpeedCategory: string
  destinationAddress: Record<string, unknown>
  fulfillmentAction: "Ship" | "Hold"
  fulfillmentPolicy: "FillOrKill" | "FillAll" | "FillAllAvailable"
  notificationEmails?: string[]
  featureConstraints?: unknown[]
  items: McfItem[]
  received: number
  /** terminal status set by cancel or planning; null while the clock decides */
  fixedStatus: null | "Cancelled" | "Unfulfillable"
  fixedAt: number
  packageNumber: number
}

const orders = new WeakMap<SandboxState, Map<string, McfOrder>>()
let nextPackage = 1_000

export function mcfOrders(ctx: SandboxContext): Map<string, McfOrder> {
  let m = orders.get(ctx.state)
  if (!m) orders.set(ctx.state, (m = new Map()))
  return m
}

export function mcfKey(sellerId: string, id: string): string {
  return `${sellerId}|${id}`
}

export function mcfPool(marketplaceId: string): string | null {
  return fbaPoolKey(marketplaceId)
}

/** Fulfillable units of a SKU in a pool (undefined: Amazon holds no such SKU there). */
export function fulfillableOf(ctx: SandboxContext, sellerId: string, pool: string, sku: string): number | undefined {
  return fbaPool(ctx, sellerId, pool).get(sku)?.fulfillable
}

/** Takes units from the pool (as far as there are); returns how many were taken. */
export function allocate(ctx: SandboxContext, order: McfOrder): void {
  const items = fbaPool(ctx, order.sellerId, order.pool)
  for (const item of order.items) {
    const stock = items.get(item.sellerSku)
    const take = Math.min(item.quantity, Math.max(0, stock?.fulfillable ?? 0))
    if (stock && take > 0) {
      stock.fulfillable -= take
      stock.reserved.pendingCustomerOrder += take
      stock.lastUpdated = ctx.clock.now()
    }
    item.allocated = take
    item.unfulfillableQuantity = item.quantity - take
  }
}

function release(ctx: SandboxContext, order: McfOrder): void {
  const items = fbaPool(ctx, order.sellerId, order.pool)
  for (const item of order.items) {
    const stock = items.get(item.sellerSku)
    if (stock && item.allocated > 0) {
      stock.fulfillable += item.allocated
      stock.reserved.pendingCustomerOrder = Math.max(0, stock.reserved.pendingCustomerOrder - item.allocated)
      stock.lastUpdated = ctx.clock.now()
    }
  }
}

function elapsedSeconds(ctx: SandboxContext, order: McfOrder): number {
  return ((ctx.clock.now() - order.received) / 1000) * ctx.clock.timeScale
}

function short(order: McfOrder): boolean {
  return order.items.some((i) => i.unfulfillableQuantity > 0)
}

/** The order's status now (moves the order to Unfulfillable or Complete as the clock passes). */
export function mcfStatus(ctx: SandboxContext, order: McfOrder): string {
  if (order.fixedStatus) return order.fixedStatus
  const s = elapsedSeconds(ctx, order)
  if (order.fulfillmentAction === "Hold") return s >= MCF_TIMELINE_SECONDS.planning ? "Planning" : "Received"
  if (s < MCF_TIMELINE_SECONDS.planning) return "Received"
  if (short(order) && order.fulfillmentPolicy === "FillOrKill") {
    release(ctx, order)
    for (const i of order.items) i.unfulfillableQuantity = i.quantity
    order.fixedStatus = "Unfulfillable"
    order.fixedAt = order.received + ctx.clock.realMs(MCF_TIMELINE_SECONDS.planning)
    return "Unfulfillable"
  }
  if (s < MCF_TIMELINE_SECONDS.processing) return "Planning"
  if (s < MCF_TIMELINE_SECONDS.complete) return "Processing"
  if (short(order)) return order.fulfillmentPolicy === "FillAllAvailable" ? "CompletePartialled" : "Processing"
  return "Complete"
}

export function mcfCancel(ctx: SandboxContext, order: McfOrder): void {
  release(ctx, order)
  for (const i of order.items) i.cancelledQuantity = i.quantity
  order.fixedStatus = "Cancelled"
  order.fixedAt = ctx.clock.now()
}

export function newPackageNumber(): number {
  return nextPackage++
}

function statusTime(ctx: SandboxContext, order: McfOrder, status: string): number {
  if (order.fixedStatus) return order.fixedAt
  const at = (s: number) => order.received + ctx.clock.realMs(s)
  switch (status) {
    case "Planning":
      return at(MCF_TIMELINE_SECONDS.planning)
    case "Processing":
      return at(MCF_TIMELINE_SECONDS.processing)
    case "Complete":
    case "CompletePartialled":
      return at(MCF_TIMELINE_SECONDS.complete)
    default:
      return order.received
  }
}

export function trackingNumberOf(order: McfOrder): string {
  return `TBA${String(order.packageNumber).padStart(12, "0")}`
}

/** GetFulfillmentOrderResult for an order. */
export function toFulfillmentOrderResult(ctx: SandboxContext, order: McfOrder): Record<string, unknown> {
  const status = mcfStatus(ctx, order)
  const shipped = status === "Complete" || status === "CompletePartialled"
  const completeAt = order.received + ctx.clock.realMs(MCF_TIMELINE_SECONDS.complete)
  const arrival = new Date(order.received + ctx.clock.realMs(MCF_TIMELINE_SECONDS.delivered)).toISOString()
  const shippedItems = order.items.filter((i) => i.allocated > 0)
  return {
    fulfillmentOrder: {
      sellerFulfillmentOrderId: order.sellerFulfillmentOrderId,
      marketplaceId: order.marketplaceId,
      displayableOrderId: order.displayableOrderId,
      displayableOrderDate: order.displayableOrderDate,
      displayableOrderComment: order.displayableOrderComment,
      shippingSpeedCategory: order.shippingSpeedCategory,
      destinationAddress: order.destinationAddress,
      fulfillmentAction: order.fulfillmentAction,
      fulfillmentPolicy: order.fulfillmentPolicy,
      receivedDate: new Date(order.received).toISOString(),
      fulfillmentOrderStatus: status,
      statusUpdatedDate: new Date(statusTime(ctx, order, status)).toISOString(),
      ...(order.notificationEmails ? { notificationEmails: order.notificationEmails } : {}),
    },
    fulfillmentOrderItems: order.items.map((i) => ({
      sellerSku: i.sellerSku,
      sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
      quantity: i.quantity,
      ...(i.displayableComment ? { displayableComment: i.displayableComment } : {}),
      cancelledQuantity: i.cancelledQuantity,
      unfulfillableQuantity: i.unfulfillableQuantity,
      ...(order.fixedStatus ? {} : { estimatedArrivalDate: arrival }),
    })),
    fulfillmentShipments:
      status === "Processing" || shipped
        ? [
            {
              amazonShipmentId: `D${String(order.packageNumber).padStart(8, "0")}`,
              fulfillmentCenterId: order.pool === "EU" ? "LEJ1" : order.pool === "UK" ? "BHX4" : "PHX6",
              fulfillmentShipmentStatus: shipped ? "SHIPPED" : "PENDING",
              ...(shipped ? { shippingDate: new Date(completeAt).toISOString() } : {}),
              estimatedArrivalDate: arrival,
              fulfillmentShipmentItem: shippedItems.map((i) => ({
                sellerSku: i.sellerSku,
                sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
                quantity: i.allocated,
                ...(shipped ? { packageNumber: order.packageNumber } : {}),
              })),
              ...(shipped
                ? {
                    fulfillmentShipmentPackage: [
                      {
                        packageNumber: order.packageNumber,
                        carrierCode: order.pool === "US" ? "AMZN_US" : "AMZN",
                        trackingNumber: trackingNumberOf(order),
                        amazonFulfillmentTrackingNumber: trackingNumberOf(order),
                        estimatedArrivalDate: arrival,
                      },
                    ],
                  }
                : {}),
            },
          ]
        : [],
    returnItems: [],
    returnAuthorizations: [],
  }
}
