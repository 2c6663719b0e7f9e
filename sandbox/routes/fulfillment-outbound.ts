import { Router } from "express"
import { SandboxContext } from "../context"
import { sendError, spApiRoute } from "../http"
import {
  allocate,
  fulfillableOf,
  type McfItem,
  type McfOrder,
  mcfCancel,
  mcfKey,
  mcfOrders,
  mcfPool,
  mcfStatus,
  MCF_TIMELINE_SECONDS,
  newPackageNumber,
  toFulfillmentOrderResult,
  trackingNumberOf,
} from "../mcf"

const API = "fulfillmentOutbound_2020-07-01"
const BASE = "/fba/outbound/2020-07-01"
const SPEEDS = ["Standard", "Expedited", "Priority", "ScheduledDelivery"]

type Body = Record<string, unknown>
type ItemIn = { sellerSku?: unknown; sellerFulfillmentOrderItemId?: unknown; quantity?: unknown; displayableComment?: unknown }

function pickMarketplace(body: Body, seller: { marketplaceIds: string[] }): string | undefined {
  const id = typeof body.marketplaceId === "string" && body.marketplaceId ? body.marketplaceId : seller.marketplaceIds[0]
  return id
}

function itemsProblem(items: unknown): string | null {
  if (!Array.isArray(items) || items.length === 0) return "items must hold at least one item."
  const ids = new Set<string>()
  for (const raw of items as ItemIn[]) {
    if (typeof raw.sellerSku !== "string" || !raw.sellerSku) return "sellerSku is required on every item."
    if (typeof raw.sellerFulfillmentOrderItemId !== "string" || !raw.sellerFulfillmentOrderItemId) return "sellerFulfillmentOrderItemId is required on every item."
    if (raw.sellerFulfillmentOrderItemId.length > 50) return "sellerFulfillmentOrderItemId is longer than 50 characters."
    if (ids.has(raw.sellerFulfillmentOrderItemId)) return `Duplicate sellerFulfillmentOrderItemId ${raw.sellerFulfillmentOrderItemId}.`
    ids.add(raw.sellerFulfillmentOrderItemId)
    if (!Number.isInteger(raw.quantity) || (raw.quantity as number) < 1) return `quantity of ${raw.sellerSku} must be a positive integer.`
  }
  return null
}

function addressProblem(a: unknown): string | null {
  if (!a || typeof a !== "object") return "address is required."
  const x = a as Record<string, unknown>
  for (const f of ["name", "addressLine1", "postalCode", "countryCode"]) {
    if (typeof x[f] !== "string" || !(x[f] as string).trim()) return `address.${f} is required.`
  }
  if (!/^[A-Z]{2}$/.test(x.countryCode as string)) return "address.countryCode must be a two-letter ISO 3166-1 code."
  return null
}

/** Fulfillment Outbound 2020-07-01: preview, create (unique sellerFulfillmentOrderId), get, tracking, cancel. */
export function fulfillmentOutboundRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "getFulfillmentPreview", api: API, method: "post", path: `${BASE}/fulfillmentOrders/preview` }, (req, res, call) => {
    const body = (req.body ?? {}) as Body
    const marketplaceId = pickMarketplace(body, call.seller)
    const pool = marketplaceId ? mcfPool(marketplaceId) : null
    if (!marketplaceId || !pool) return sendError(res, 400, "InvalidInput", `Invalid marketplace id: ${String(marketplaceId)}`)
    if (!call.seller.marketplaceIds.includes(marketplaceId)) return sendError(res, 403, "Unauthorized", "Access to requested resource is denied.")
    const problem = addressProblem(body.address) ?? itemsProblem(body.items)
    if (problem) return sendError(res, 400, "InvalidInput", problem)
    const items = body.items as ItemIn[]
    const speeds = Array.isArray(body.shippingSpeedCategories) && body.shippingSpeedCategories.length ? (body.shippingSpeedCategories as string[]) : ["Standard", "Expedited", "Priority"]
    const now = ctx.clock.now()
    const days = { Standard: 5, Expedited: 2, Priority: 1, ScheduledDelivery: 3 } as Record<string, number>
    const fee = { Standard: 5.3, Expedited: 8.9, Priority: 14.5, ScheduledDelivery: 11 } as Record<string, number>
    const currency = pool === "EU" ? "EUR" : pool === "UK" ? "GBP" : pool === "JP" ? "JPY" : "USD"
    const fulfillmentPreviews = speeds.map((speed) => {
      const unfulfillable = items
        .map((i) => {
          const have = fulfillableOf(ctx, call.sellerId, pool, i.sellerSku as string)
          const want = i.quantity as number
          if (have !== undefined && have >= want) return null
          return {
            sellerSku: i.sellerSku as string,
            sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId as string,
            quantity: want - Math.max(0, have ?? 0),
            itemUnfulfillableReasons: [have === undefined ? "InvalidSku" : "InventoryUnavailable"],
          }
        })
        .filter((x): x is NonNullable<typeof x> => x !== null)
      const fulfillable = unfulfillable.length === 0
      const units = items.reduce((n, i) => n + (i.quantity as number), 0)
      return {
        shippingSpeedCategory: speed,
        isFulfillable: fulfillable,
        isCODCapable: false,
        marketplaceId,
        ...(fulfillable
          ? {
              estimatedShippingWeight: { unit: "KILOGRAMS", value: (0.4 * units).toFixed(2) },
              estimatedFees: [{ name: "FBAPerUnitFulfillmentFee", amount: { currencyCode: currency, value: (fee[speed] * units).toFixed(2) } }],
              fulfillmentPreviewShipments: [
                {
                  earliestShipDate: new Date(now + 3600_000).toISOString(),
                  latestShipDate: new Date(now + 86400_000).toISOString(),
                  earliestArrivalDate: new Date(now + days[speed] * 86400_000).toISOString(),
                  latestArrivalDate: new Date(now + (days[speed] + 2) * 86400_000).toISOString(),
                  fulfillmentPreviewItems: items.map((i) => ({
                    sellerSku: i.sellerSku as string,
                    quantity: i.quantity as number,
                    sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId as string,
                    shippingWeightCalculationMethod: "Package",
                  })),
                },
              ],
            }
          : { unfulfillablePreviewItems: unfulfillable, orderUnfulfillableReasons: ["InventoryUnavailable"] }),
      }
    })
    res.json({ payload: { fulfillmentPreviews } })
  })

  spApiRoute(ctx, router, { operationId: "createFulfillmentOrder", api: API, method: "post", path: `${BASE}/fulfillmentOrders` }, (req, res, call) => {
    const body = (req.body ?? {}) as Body
    const id = body.sellerFulfillmentOrderId
    if (typeof id !== "string" || !id || id.length > 40) return sendError(res, 400, "InvalidInput", "sellerFulfillmentOrderId is required (at most 40 characters).")
    if (/\s{2}/.test(id)) return sendError(res, 403, "Unauthorized", "Access to requested resource is denied.")
    for (const f of ["displayableOrderId", "displayableOrderDate", "displayableOrderComment"]) {
      if (typeof body[f] !== "string" || !(body[f] as string).trim()) return sendError(res, 400, "InvalidInput", `${f} is required.`)
    }
    if ((body.displayableOrderId as string).length > 40) return sendError(res, 400, "InvalidInput", "displayableOrderId is longer than 40 characters.")
    if ((body.displayableOrderComment as string).length > 750) return sendError(res, 400, "InvalidInput", "displayableOrderComment is longer than 750 characters.")
    if (!Number.isFinite(Date.parse(body.displayableOrderDate as string))) return sendError(res, 400, "InvalidInput", "displayableOrderDate is not a valid ISO 8601 date-time.")
    if (!SPEEDS.includes(body.shippingSpeedCategory as string)) return sendError(res, 400, "InvalidInput", `shippingSpeedCategory must be one of ${SPEEDS.join(", ")}.`)
    const marketplaceId = pickMarketplace(body, call.seller)
    const pool = marketplaceId ? mcfPool(marketplaceId) : null
    if (!marketplaceId || !pool) return sendError(res, 400, "InvalidInput", `Invalid marketplace id: ${String(marketplaceId)}`)
    if (!call.seller.marketplaceIds.includes(marketplaceId)) return sendError(res, 403, "Unauthorized", "Access to requested resource is denied.")
    const problem = addressProblem(body.destinationAddress) ?? itemsProblem(body.items)
    if (problem) return sendError(res, 400, "InvalidInput", problem)
    const all = mcfOrders(ctx)
    const key = mcfKey(call.sellerId, id)
    // sellerFulfillmentOrderId is unique per seller: a second create with it is refused, whatever its body
    if (all.has(key)) return sendError(res, 400, "InvalidInput", `A fulfillment order with sellerFulfillmentOrderId ${id} already exists.`)
    const items = body.items as ItemIn[]
    for (const i of items) {
      if (fulfillableOf(ctx, call.sellerId, pool, i.sellerSku as string) === undefined) {
        return sendError(res, 400, "InvalidInput", `The SellerSKU for Item Id: ${String(i.sellerFulfillmentOrderItemId)} is invalid.`)
      }
    }
    const action = body.fulfillmentAction === "Hold" ? "Hold" : "Ship"
    const policy = body.fulfillmentPolicy === "FillAll" || body.fulfillmentPolicy === "FillAllAvailable" ? body.fulfillmentPolicy : "FillOrKill"
    const order: McfOrder = {
      sellerId: call.sellerId,
      sellerFulfillmentOrderId: id,
      marketplaceId,
      pool,
      displayableOrderId: body.displayableOrderId as string,
      displayableOrderDate: body.displayableOrderDate as string,
      displayableOrderComment: body.displayableOrderComment as string,
      shippingSpeedCategory: body.shippingSpeedCategory as string,
      destinationAddress: body.destinationAddress as Record<string, unknown>,
      fulfillmentAction: action,
      fulfillmentPolicy: policy,
      notificationEmails: Array.isArray(body.notificationEmails) ? (body.notificationEmails as string[]) : undefined,
      items: items.map(
        (i): McfItem => ({
          sellerSku: i.sellerSku as string,
          sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId as string,
          quantity: i.quantity as number,
          allocated: 0,
          cancelledQuantity: 0,
          unfulfillableQuantity: 0,
          ...(typeof i.displayableComment === "string" ? { displayableComment: i.displayableComment } : {}),
        })
      ),
      received: ctx.clock.now(),
      fixedStatus: null,
      fixedAt: 0,
      packageNumber: newPackageNumber(),
    }
    allocate(ctx, order)
    all.set(key, order)
    res.json({})
  })

  spApiRoute(ctx, router, { operationId: "getFulfillmentOrder", api: API, method: "get", path: `${BASE}/fulfillmentOrders/:sellerFulfillmentOrderId` }, (req, res, call) => {
    const order = mcfOrders(ctx).get(mcfKey(call.sellerId, String(req.params.sellerFulfillmentOrderId)))
    if (!order) {
      sendError(res, 400, "InvalidInput", `Fulfillment order ${String(req.params.sellerFulfillmentOrderId)} was not found.`)
      return
    }
    res.json({ payload: toFulfillmentOrderResult(ctx, order) })
  })

  spApiRoute(ctx, router, { operationId: "cancelFulfillmentOrder", api: API, method: "put", path: `${BASE}/fulfillmentOrders/:sellerFulfillmentOrderId/cancel` }, (req, res, call) => {
    const order = mcfOrders(ctx).get(mcfKey(call.sellerId, String(req.params.sellerFulfillmentOrderId)))
    if (!order) {
      sendError(res, 400, "InvalidInput", `Fulfillment order ${String(req.params.sellerFulfillmentOrderId)} was not found.`)
      return
    }
    const status = mcfStatus(ctx, order)
    if (status === "Cancelled") {
      res.json({})
      return
    }
    if (status !== "Received" && status !== "Planning") {
      sendError(res, 400, "InvalidInput", `Only orders in the Received or Planning status can be canceled; this order is ${status}.`)
      return
    }
    mcfCancel(ctx, order)
    res.json({})
  })

  spApiRoute(ctx, router, { operationId: "getPackageTrackingDetails", api: API, method: "get", path: `${BASE}/tracking` }, (_req, res, call) => {
    const packageNumber = Number(call.query.str("packageNumber"))
    if (!Number.isInteger(packageNumber)) return sendError(res, 400, "InvalidInput", "packageNumber is required.")
    const order = [...mcfOrders(ctx).values()].find((o) => o.sellerId === call.sellerId && o.packageNumber === packageNumber)
    const status = order ? mcfStatus(ctx, order) : undefined
    if (!order || (status !== "Complete" && status !== "CompletePartialled")) {
      return sendError(res, 400, "InvalidInput", `No tracking details for package ${packageNumber}.`)
    }
    const shipAt = order.received + ctx.clock.realMs(MCF_TIMELINE_SECONDS.complete)
    const deliveredAt = order.received + ctx.clock.realMs(MCF_TIMELINE_SECONDS.delivered)
    const delivered = ctx.clock.now() >= deliveredAt
    const a = order.destinationAddress
    const where = { city: String(a.city ?? ""), state: String(a.stateOrRegion ?? ""), country: String(a.countryCode) }
    const tracking = trackingNumberOf(order)
    res.json({
      payload: {
        packageNumber,
        trackingNumber: tracking,
        customerTrackingLink: `https://www.swiship.com/track?id=${tracking}`,
        carrierCode: order.pool === "US" ? "AMZN_US" : "AMZN",
        shipDate: new Date(shipAt).toISOString(),
        estimatedArrivalDate: new Date(deliveredAt).toISOString(),
        currentStatus: delivered ? "DELIVERED" : "IN_TRANSIT",
        currentStatusDescription: delivered ? "Delivered" : "In transit",
        trackingEvents: [
          { eventDate: new Date(shipAt).toISOString(), eventAddress: where, eventCode: "EVENT_101", eventDescription: "Carrier picked up the package." },
          ...(delivered ? [{ eventDate: new Date(deliveredAt).toISOString(), eventAddress: where, eventCode: "EVENT_301", eventDescription: "Package has been delivered." }] : []),
        ],
      },
    })
  })
}
