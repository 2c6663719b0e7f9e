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
 * `buyerDataOf`, sealed before it is stored. Expects an order `problemsOf` found nothing wrong with
 * (readAmazonOrder does both).
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

// ---------------------------------------------------------------- reading what Amazon sent

/** The issue code of an order Amazon sent in a shape we cannot read (quarantined: stored as failed, refetched later). */
export const MALFORMED_ORDER = "malformed_order"

/** What can be told about an order whose shape is wrong: enough to store it as failed, and for the cursor. */
export type MalformedOrderFacts = {
  /** null: the order has no readable id and cannot be stored at all */
  amazon_order_id: string | null
  marketplace_id: string | null
  amazon_status: AmazonOrderStatus | null
  purchased_at: Date | null
  amazon_updated_at: Date | null
  /** what is wrong, one phrase per field ("proceeds.grandTotal.amount is an object, not a decimal amount") */
  problems: string[]
}

export type AmazonOrderReading = { ok: true; record: AmazonOrderRecord; order: Order } | ({ ok: false } & MalformedOrderFacts)

/**
 * One order of a searchOrders page or a getOrder answer, checked field by field before it is mapped: an
 * order Amazon sent in a shape we cannot read is reported with what is wrong with it instead of throwing
 * a TypeError in the middle of a page (which would stop every later run at the same page).
 */
export function readAmazonOrder(raw: unknown): AmazonOrderReading {
  const problems = problemsOf(raw)
  if (!problems.length) return { ok: true, record: mapAmazonOrder(raw as Order), order: raw as Order }
  const order = (isObject(raw) ? raw : {}) as Record<string, any>
  const status = order.fulfillment?.fulfillmentStatus
  return {
    ok: false,
    amazon_order_id: isText(order.orderId) ? order.orderId : null,
    marketplace_id: isText(order.salesChannel?.marketplaceId) ? order.salesChannel.marketplaceId : null,
    amazon_status: STATUSES.includes(status) ? status : null,
    purchased_at: dateOf(order.createdTime),
    amazon_updated_at: dateOf(order.lastUpdatedTime),
    problems,
  }
}

/** A store owner's sentence for a quarantined order. */
export function malformedOrderMessage(facts: Pick<MalformedOrderFacts, "amazon_order_id" | "problems">): string {
  const listed = facts.problems.slice(0, 3).join("; ") + (facts.problems.length > 3 ? `; and ${facts.problems.length - 3} more` : "")
  return facts.amazon_order_id
    ? `Amazon sent order ${facts.amazon_order_id} in a shape that cannot be read (${listed}). It was not imported; retry fetches it from Amazon again.`
    : `Amazon sent an order without a readable order id (${listed}); it was skipped.`
}

/** The problems a searchOrders page has as a whole (its orders are read one by one with readAmazonOrder). */
export function pageProblemsOf(page: unknown): string[] {
  if (!isObject(page)) return [`the answer is ${kindOf(page)}, not an object`]
  const problems: string[] = []
  if (!Array.isArray(page.orders)) problems.push(`orders is ${kindOf(page.orders)}, not a list`)
  if (page.pagination !== undefined && page.pagination !== null) {
    if (!isObject(page.pagination)) problems.push(`pagination is ${kindOf(page.pagination)}, not an object`)
    else if (page.pagination.nextToken !== undefined && !isText(page.pagination.nextToken)) {
      problems.push(`pagination.nextToken is ${kindOf(page.pagination.nextToken)}, not a token`)
    }
  }
  if (page.lastUpdatedBefore !== undefined && !dateOf(page.lastUpdatedBefore)) {
    problems.push(`lastUpdatedBefore is ${kindOf(page.lastUpdatedBefore)}, not a date-time`)
  }
  return problems
}

type Check = (path: string, value: unknown) => void

/**
 * Every field mapAmazonOrder and buyerDataOf read, against the type Amazon's model gives it
 * (orders_2026-01-01.json). Optional fields may be absent; present ones must have their type. A line
 * without a seller SKU is not a problem here: the import holds it and says so (plan-order-import).
 */
export function problemsOf(raw: unknown): string[] {
  const problems: string[] = []
  if (!isObject(raw)) return [`the order is ${kindOf(raw)}, not an object`]
  const order = raw as Record<string, any>
  const wrong = (path: string, value: unknown, expected: string) =>
    problems.push(value === undefined || value === null ? `${path} is missing` : `${path} is ${kindOf(value)}, not ${expected}`)
  const text: Check = (path, value) => {
    if (!isText(value)) wrong(path, value, "a text")
  }
  const date: Check = (path, value) => {
    if (!dateOf(value)) wrong(path, value, "a date-time")
  }
  const optional = (check: Check): Check => (path, value) => {
    if (value !== undefined && value !== null) check(path, value)
  }
  const count: Check = (path, value) => {
    if (!(typeof value === "number" && Number.isInteger(value) && value >= 0)) wrong(path, value, "a whole number")
  }
  const money: Check = (path, value) => {
    if (!isObject(value)) return wrong(path, value, "an amount with a currency")
    if (!(typeof value.amount === "string" && DECIMAL.test(value.amount.trim()))) wrong(`${path}.amount`, value.amount, "a decimal amount")
    if (!(typeof value.currencyCode === "string" && /^[A-Za-z]{3}$/.test(value.currencyCode))) wrong(`${path}.currencyCode`, value.currencyCode, "a currency code")
  }
  const breakdowns: Check = (path, value) => {
    if (!Array.isArray(value)) return wrong(path, value, "a list")
    value.forEach((b, i) => {
      if (!isObject(b)) return wrong(`${path}[${i}]`, b, "an object")
      text(`${path}[${i}].type`, b.type)
      money(`${path}[${i}].subtotal`, b.subtotal)
    })
  }
  const object = (path: string, value: unknown, fields: (o: Record<string, any>) => void) => {
    if (value === undefined || value === null) return
    if (!isObject(value)) return wrong(path, value, "an object")
    fields(value)
  }

  text("orderId", order.orderId)
  date("createdTime", order.createdTime)
  date("lastUpdatedTime", order.lastUpdatedTime)
  if (!isObject(order.salesChannel)) wrong("salesChannel", order.salesChannel, "an object")
  else text("salesChannel.marketplaceId", order.salesChannel.marketplaceId)
  object("fulfillment", order.fulfillment, (f) => {
    optional(text)("fulfillment.fulfillmentStatus", f.fulfillmentStatus)
    optional(text)("fulfillment.fulfilledBy", f.fulfilledBy)
    for (const window of ["shipByWindow", "deliverByWindow"]) {
      object(`fulfillment.${window}`, f[window], (w) => optional(date)(`fulfillment.${window}.latestDateTime`, w.latestDateTime))
    }
  })
  object("proceeds", order.proceeds, (p) => {
    optional(money)("proceeds.grandTotal", p.grandTotal)
    optional(breakdowns)("proceeds.breakdowns", p.breakdowns)
  })
  object("buyer", order.buyer, (b) => {
    for (const field of ["buyerName", "buyerEmail", "buyerCompanyName"]) optional(text)(`buyer.${field}`, b[field])
  })
  object("recipient", order.recipient, (r) =>
    object("recipient.deliveryAddress", r.deliveryAddress, (a) => {
      for (const field of ADDRESS_FIELDS) optional(text)(`recipient.deliveryAddress.${field}`, a[field])
    })
  )
  if (!Array.isArray(order.orderItems)) wrong("orderItems", order.orderItems, "a list")
  else if (!order.orderItems.length) problems.push("orderItems is empty")
  else {
    order.orderItems.forEach((item: unknown, i: number) => {
      const at = `orderItems[${i}]`
      if (!isObject(item)) return wrong(at, item, "an object")
      text(`${at}.orderItemId`, item.orderItemId)
      count(`${at}.quantityOrdered`, item.quantityOrdered)
      if (!isObject(item.product)) wrong(`${at}.product`, item.product, "an object")
      else {
        for (const field of ["sellerSku", "asin", "title"]) optional(text)(`${at}.product.${field}`, item.product[field])
        object(`${at}.product.price`, item.product.price, (p) => optional(money)(`${at}.product.price.unitPrice`, p.unitPrice))
      }
      object(`${at}.proceeds`, item.proceeds, (p) => optional(breakdowns)(`${at}.proceeds.breakdowns`, p.breakdowns))
      object(`${at}.fulfillment`, item.fulfillment, (f) => optional(count)(`${at}.fulfillment.quantityFulfilled`, f.quantityFulfilled))
    })
  }
  return problems
}

const DECIMAL = /^-?\d+(\.\d+)?$/
const ADDRESS_FIELDS = ["name", "companyName", "addressLine1", "addressLine2", "addressLine3", "city", "districtOrCounty", "stateOrRegion", "postalCode", "countryCode", "phone"]

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value.length > 0
}

function dateOf(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "an object", "a list", "the text \"abc\"", "the number 3", "true", "null" — what a field held instead. */
function kindOf(value: unknown): string {
  if (value === undefined) return "missing"
  if (value === null) return "null"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "an object"
  if (typeof value === "string") return value ? `the text "${value.length > 24 ? `${value.slice(0, 24)}…` : value}"` : "empty"
  if (typeof value === "number") return `the number ${value}`
  return String(value)
}
