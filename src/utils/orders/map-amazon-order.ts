import type { OrdersTypes } from "../../lib/sp-api"
import { formatDecimal, multiplyDecimal, parseDecimal, sumDecimals } from "./decimal"
import type { AmazonChargeType, AmazonLineMoney, AmazonOrderCharge, AmazonOrderLine, AmazonOrderRecord, AmazonOrderStatus, BuyerData } from "./types"

type Order = OrdersTypes.Order
type OrderItem = OrdersTypes.OrderItem

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * When Amazon gives no delivery window, delivery is assumed this long after the latest ship date (or the
 * purchase): the buyer-data purge counts its 30 days from there (amazon-sp-api-notes §9: "latest delivery
 * date / ship date + N if delivery date unknown").
 */
export const ASSUMED_DELIVERY_DAYS = 14

/**
 * What searchOrders must include for an import: buyer and recipient (PII, no RDT needed), money (proceeds,
 * the promotion ids of its discounts, the tax collection model), status, cancellations.
 */
export const ORDER_INCLUDED_DATA = ["BUYER", "RECIPIENT", "PROCEEDS", "PROMOTION", "TAX", "FULFILLMENT", "CANCELLATION"] as const

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

const CHARGE_TYPES: readonly AmazonChargeType[] = ["ITEM", "SHIPPING", "GIFT_WRAP", "COD_FEE", "OTHER"]

/** The charge a breakdown type or subtype is about; anything Amazon adds later counts as OTHER. */
const chargeOf = (type: string | undefined): AmazonChargeType => {
  const upper = (type ?? "ITEM").toUpperCase()
  return (CHARGE_TYPES as readonly string[]).includes(upper) ? (upper as AmazonChargeType) : "OTHER"
}

type Detail = { subtype?: string; value?: { amount: string } }

/**
 * An item's proceeds by charge (types.ts AmazonLineMoney). TAX and DISCOUNT are split by their detailed
 * breakdowns' subtypes; what the details do not cover (or all of it, without details) is on ITEM. Tax of
 * subtype DISCOUNT is tax given back with a promotion: it lowers the tax of the charge the promotion is on.
 * Discounts are kept as positive amounts, whichever sign Amazon gives them.
 */
function lineMoney(item: OrderItem): AmazonLineMoney | undefined {
  const proceeds = item.proceeds
  if (!proceeds?.breakdowns?.length && !proceeds?.proceedsTotal) return undefined
  const charges: Partial<Record<AmazonChargeType, bigint>> = {}
  const taxes: Partial<Record<AmazonChargeType, bigint>> = {}
  const discounts: Partial<Record<AmazonChargeType, bigint>> = {}
  const add = (into: Partial<Record<AmazonChargeType, bigint>>, k: AmazonChargeType, v: bigint) => (into[k] = (into[k] ?? 0n) + v)
  let taxOnDiscount = 0n
  const abs = (v: bigint) => (v < 0n ? -v : v)
  for (const b of proceeds.breakdowns ?? []) {
    const type = b.type.toUpperCase()
    const amount = parseDecimal(b.subtotal.amount) ?? 0n
    const details = ((b as { detailedBreakdowns?: Detail[] }).detailedBreakdowns ?? []).filter((d) => d?.value?.amount !== undefined)
    if (type === "TAX") {
      let covered = 0n
      for (const d of details) {
        const v = parseDecimal(d.value!.amount) ?? 0n
        covered += v
        if (d.subtype?.toUpperCase() === "DISCOUNT") taxOnDiscount -= abs(v)
        else add(taxes, chargeOf(d.subtype), v)
      }
      add(taxes, "ITEM", amount - covered)
    } else if (type === "DISCOUNT") {
      let covered = 0n
      for (const d of details) {
        const v = abs(parseDecimal(d.value!.amount) ?? 0n)
        covered += v
        add(discounts, d.subtype?.toUpperCase() === "DISCOUNT" ? "ITEM" : chargeOf(d.subtype), v)
      }
      add(discounts, "ITEM", abs(amount) - covered)
    } else add(charges, chargeOf(type), amount)
  }
  if (taxOnDiscount !== 0n) {
    const discounted = CHARGE_TYPES.filter((k) => (discounts[k] ?? 0n) !== 0n)
    add(taxes, discounted.reduce<AmazonChargeType>((a, k) => ((discounts[k] ?? 0n) > (discounts[a] ?? 0n) ? k : a), discounted[0] ?? "ITEM"), taxOnDiscount)
  }
  const strings = (from: Partial<Record<AmazonChargeType, bigint>>) =>
    Object.fromEntries(Object.entries(from).filter(([, v]) => v !== 0n).map(([k, v]) => [k, formatDecimal(v!)])) as Partial<Record<AmazonChargeType, string>>
  const model = item.tax?.taxCollections?.find((c) => c?.model)?.model
  const collection = typeof model === "string" ? model : null
  return {
    charges: strings(charges),
    taxes: strings(taxes),
    discounts: strings(discounts),
    total: proceeds.proceedsTotal?.amount ?? null,
    promotion_ids: (item.promotion?.breakdowns ?? []).map((p) => p?.promotionId).filter((id): id is string => typeof id === "string" && !!id),
    tax_collection: collection,
  }
}

/** Item breakdown types: what an order-level breakdown of another type is (a DELIVERY_TIP) belongs to no item. */
const ITEM_BREAKDOWN_TYPES = new Set([...CHARGE_TYPES, "TAX", "DISCOUNT"])

/**
 * Charges of the whole order that no item carries (a finalized delivery tip). A PENDING one is not charged
 * yet; if Amazon's grandTotal has it all the same, the Medusa order keeps the difference as "other charges".
 */
function orderChargesOf(order: Order): AmazonOrderCharge[] {
  return (order.proceeds?.breakdowns ?? [])
    .filter((b) => !ITEM_BREAKDOWN_TYPES.has(b.type.toUpperCase()) && (b as { status?: string }).status?.toUpperCase() !== "PENDING")
    .map((b) => ({ type: b.type.toUpperCase(), amount: b.subtotal.amount }))
    .filter((c) => (parseDecimal(c.amount) ?? 0n) !== 0n)
}

function mapLine(item: OrderItem): AmazonOrderLine {
  const unit = item.product.price?.unitPrice?.amount ?? null
  const shipping = amountsOf(item.proceeds?.breakdowns, "SHIPPING")
  const money = lineMoney(item)
  return {
    order_item_id: item.orderItemId,
    sku: item.product.sellerSku ?? "",
    asin: given(item.product.asin),
    title: given(item.product.title),
    quantity: item.quantityOrdered,
    unit_price: unit,
    shipping_price: sumDecimals(shipping),
    quantity_shipped: item.fulfillment?.quantityFulfilled ?? 0,
    ...(money ? { money } : {}),
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
    order_charges: orderChargesOf(order),
    purchased_at: new Date(order.createdTime),
    amazon_updated_at: new Date(order.lastUpdatedTime),
    latest_delivery_at: latestDelivery(order),
    ship_country_code: order.recipient?.deliveryAddress?.countryCode?.toUpperCase() ?? null,
  }
}

/** A text Amazon sent, or null when it sent none or an empty one ("" is how its examples say "absent"). */
function given(value: string | null | undefined): string | null {
  return typeof value === "string" && value.trim() ? value : null
}

/** Buyer name, e-mail, phone and address of an order, or null when Amazon sent none (AFN, pending, no role). */
export function buyerDataOf(order: Order): BuyerData | null {
  const address = order.recipient?.deliveryAddress
  if (!order.buyer && !address) return null
  const buyer = order.buyer
  return {
    name: given(address?.name) ?? given(buyer?.buyerName),
    email: given(buyer?.buyerEmail),
    phone: given(address?.phone),
    company: given(address?.companyName) ?? given(buyer?.buyerCompanyName),
    address: address
      ? {
          address_1: given(address.addressLine1),
          address_2: given(address.addressLine2),
          address_3: given(address.addressLine3),
          city: given(address.city),
          district: given(address.districtOrCounty),
          province: given(address.stateOrRegion),
          postal_code: given(address.postalCode),
          country_code: given(address.countryCode)?.toUpperCase() ?? null,
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
  // Amazon sends empty optional texts ("addressLine3": "", "municipality": "" in its own examples): absent
  const optionalText: Check = (path, value) => {
    if (value !== "") optional(text)(path, value)
  }
  const count: Check = (path, value) => {
    if (!(typeof value === "number" && Number.isInteger(value) && value >= 0)) wrong(path, value, "a whole number")
  }
  const money: Check = (path, value) => {
    if (!isObject(value)) return wrong(path, value, "an amount with a currency")
    if (!(typeof value.amount === "string" && DECIMAL.test(value.amount.trim()))) wrong(`${path}.amount`, value.amount, "a decimal amount")
    if (!(typeof value.currencyCode === "string" && /^[A-Za-z]{3}$/.test(value.currencyCode))) wrong(`${path}.currencyCode`, value.currencyCode, "a currency code")
  }
  const list: Check = (path, value) => {
    if (!Array.isArray(value)) wrong(path, value, "a list")
  }
  const breakdowns: Check = (path, value) => {
    if (!Array.isArray(value)) return wrong(path, value, "a list")
    value.forEach((b, i) => {
      if (!isObject(b)) return wrong(`${path}[${i}]`, b, "an object")
      text(`${path}[${i}].type`, b.type)
      money(`${path}[${i}].subtotal`, b.subtotal)
      if (b.detailedBreakdowns !== undefined && b.detailedBreakdowns !== null) {
        if (!Array.isArray(b.detailedBreakdowns)) return wrong(`${path}[${i}].detailedBreakdowns`, b.detailedBreakdowns, "a list")
        b.detailedBreakdowns.forEach((d: unknown, j: number) => {
          if (!isObject(d)) return wrong(`${path}[${i}].detailedBreakdowns[${j}]`, d, "an object")
          optional(money)(`${path}[${i}].detailedBreakdowns[${j}].value`, d.value)
        })
      }
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
    optionalText("fulfillment.fulfillmentStatus", f.fulfillmentStatus)
    optionalText("fulfillment.fulfilledBy", f.fulfilledBy)
    for (const window of ["shipByWindow", "deliverByWindow"]) {
      object(`fulfillment.${window}`, f[window], (w) => optional(date)(`fulfillment.${window}.latestDateTime`, w.latestDateTime))
    }
  })
  object("proceeds", order.proceeds, (p) => {
    optional(money)("proceeds.grandTotal", p.grandTotal)
    optional(breakdowns)("proceeds.breakdowns", p.breakdowns)
  })
  object("buyer", order.buyer, (b) => {
    for (const field of ["buyerName", "buyerEmail", "buyerCompanyName"]) optionalText(`buyer.${field}`, b[field])
  })
  object("recipient", order.recipient, (r) =>
    object("recipient.deliveryAddress", r.deliveryAddress, (a) => {
      for (const field of ADDRESS_FIELDS) optionalText(`recipient.deliveryAddress.${field}`, a[field])
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
        for (const field of ["sellerSku", "asin", "title"]) optionalText(`${at}.product.${field}`, item.product[field])
        object(`${at}.product.price`, item.product.price, (p) => optional(money)(`${at}.product.price.unitPrice`, p.unitPrice))
      }
      object(`${at}.proceeds`, item.proceeds, (p) => {
        optional(money)(`${at}.proceeds.proceedsTotal`, p.proceedsTotal)
        optional(breakdowns)(`${at}.proceeds.breakdowns`, p.breakdowns)
      })
      object(`${at}.fulfillment`, item.fulfillment, (f) => optional(count)(`${at}.fulfillment.quantityFulfilled`, f.quantityFulfilled))
      object(`${at}.promotion`, item.promotion, (p) => optional(list)(`${at}.promotion.breakdowns`, p.breakdowns))
      object(`${at}.tax`, item.tax, (t) => optional(list)(`${at}.tax.taxCollections`, t.taxCollections))
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

/**
 * "an object", "a list", "a text", "a whole number", "null" — what a field held instead: what a value is, never
 * what it says. These words end up in an order's issues and a run's errors, and the value may be a buyer's
 * name or address in the wrong field (Amazon's Data Protection Policy).
 */
function kindOf(value: unknown): string {
  if (value === undefined) return "missing"
  if (value === null) return "null"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "an object"
  if (typeof value === "string") return value ? "a text" : "empty"
  if (typeof value === "number") return value < 0 ? "a negative number" : Number.isInteger(value) ? "a whole number" : "a number with decimals"
  if (typeof value === "boolean") return "true or false"
  return typeof value
}
