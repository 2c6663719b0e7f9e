import type { OrdersTypes } from "../../lib/sp-api"
import { multiplyDecimal, sumDecimals } from "./decimal"
import type { AmazonOrderLine, AmazonOrderRecord, AmazonOrderStatus, BuyerData } from "./types"

type Order = OrdersTypes.Order
type OrderItem = OrdersTypes.OrderItem

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * When Amazon gives no delivery window, delivery is assumed this long after the latest ship date (or the
 * purchase): the buyer-data purge counts its 30 days from there (amazon-sp-api-notes §9: "latest delivery
 * date / ship date + N if delivery date unknown").
 */
export const ASSUMED_DELIVERY_DAYS = 14

/** What searchOrders must include for an import: buyer and recipient (PII, no RDT needed), money, status, cancellations. */
export const ORDER_INCLUDED_DATA = ["BUYER", "RECIPIENT", "PROCEEDS", "FULFILLMENT", "CANCELLATION"] as const

const STATUSES: readonly AmazonOrderStatus[] = [
  "PENDING_AVAILABILITY",
  "PENDING",
  "UNSHIPPED",
  "PARTIALLY_SHIPPED",
  "SHIPPED",
  "CANCELLED",
  "UNFULFILLABLE",
]

function amountsOf(breakdowns: Array<{ type: string; subtotal: { amount: string } }> | undefined, type: string): string[] {
  return (breakdowns ?? []).filter((b) => b.type === type).map((b) => b.subtotal.amount)
}

function mapLine(item: OrderItem): AmazonOrderLine {
  const unit = item.product.price?.unitPrice?.amount ?? null
  const shipping = amountsOf(item.proceeds?.breakdowns, "SHIPPING")
  return {
    order_item_id: item.orderItemId,
    sku: item.product.sellerSku ?? "",
    asin: item.product.asin ?? null,
    title: item.product.title ?? null,
    quantity: item.quantityOrdered,
    unit_price: unit,
    shipping_price: sumDecimals(shipping),
    quantity_shipped: item.fulfillment?.quantityFulfilled ?? 0,
  }
}

function latestDelivery(order: Order): Date | null {
  const window = order.fulfillment?.deliverByWindow?.latestDateTime
  if (window) return new Date(window)
  const from = order.fulfillment?.shipByWindow?.latestDateTime ?? order.createdTime
  return from ? new Date(new Date(from).getTime() + ASSUMED_DELIVERY_DAYS * DAY_MS) : null
}

/**
 * The ledger row for one Amazon order (Orders API 2026-01-01). No buyer data here: that is
 * `buyerDataOf`, sealed before it is stored.
 */
export function mapAmazonOrder(order: Order): AmazonOrderRecord {
  const status = (order.fulfillment?.fulfillmentStatus ?? "PENDING") as AmazonOrderStatus
  const items = order.orderItems.map(mapLine)
  const currency =
    order.proceeds?.grandTotal?.currencyCode ??
    order.orderItems.find((i) => i.product.price?.unitPrice)?.product.price?.unitPrice?.currencyCode ??
    null
  const computed = items.every((line) => line.unit_price !== null)
    ? sumDecimals(items.flatMap((line) => [multiplyDecimal(line.unit_price!, line.quantity), line.shipping_price]))
    : null
  return {
    amazon_order_id: order.orderId,
    marketplace_id: order.salesChannel.marketplaceId ?? "",
    amazon_status: STATUSES.includes(status) ? status : "PENDING",
    fulfillment_channel: order.fulfillment?.fulfilledBy === "AMAZON" ? "AFN" : "MFN",
    currency_code: currency,
    total: order.proceeds?.grandTotal?.amount ?? computed,
    items,
    purchased_at: new Date(order.createdTime),
    amazon_updated_at: new Date(order.lastUpdatedTime),
    latest_delivery_at: latestDelivery(order),
    ship_country_code: order.recipient?.deliveryAddress?.countryCode?.toUpperCase() ?? null,
  }
}

/** Buyer name, e-mail, phone and address of an order, or null when Amazon sent none (AFN, pending, no role). */
export function buyerDataOf(order: Order): BuyerData | null {
  const address = order.recipient?.deliveryAddress
  if (!order.buyer && !address) return null
  return {
    name: address?.name ?? order.buyer?.buyerName ?? null,
    email: order.buyer?.buyerEmail ?? null,
    phone: address?.phone ?? null,
    company: address?.companyName ?? order.buyer?.buyerCompanyName ?? null,
    address: address
      ? {
          address_1: address.addressLine1 ?? null,
          address_2: address.addressLine2 ?? null,
          address_3: address.addressLine3 ?? null,
          city: address.city ?? null,
          district: address.districtOrCounty ?? null,
          province: address.stateOrRegion ?? null,
          postal_code: address.postalCode ?? null,
          country_code: address.countryCode?.toUpperCase() ?? null,
        }
      : null,
  }
}
