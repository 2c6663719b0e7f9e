import { XMLBuilder, XMLParser } from "fast-xml-parser"
import { digitsOf, itemMoney, pricesIncludeTax } from "./order-money"
import type { SandboxState } from "./state"
import type { FeedRecord, OrderRecord, SandboxRefund } from "./types"

/**
 * Amazon's XML order feeds as the sandbox plays them:
 * - POST_PAYMENT_ADJUSTMENT_DATA (OrderAdjustment.xsd): refunds, applied to `order.refunds` (see README "Refund state").
 * - POST_ORDER_ACKNOWLEDGEMENT_DATA (OrderAcknowledgement.xsd): StatusCode Failure cancels an unshipped merchant order.
 * The document must be well-formed XML from byte 0: a UTF-8 BOM or anything before `<?xml` ends the feed FATAL with
 * 50001, as Amazon answered in selling-partner-api-models#5153. The envelope's MerchantIdentifier must be the seller,
 * the MessageType the feed's. Each message is all or nothing; the XML processing report names every refused
 * MessageID with its code and Amazon-style words, and MessageID 0 for document errors.
 */

export const ORDER_FEED_TYPES = new Set(["POST_PAYMENT_ADJUSTMENT_DATA", "POST_ORDER_ACKNOWLEDGEMENT_DATA"])
export const XML_REPORT_CONTENT_TYPE = "text/xml; charset=UTF-8"

const ADJUSTMENT_REASONS = new Set([
  "NoInventory", "CustomerReturn", "GeneralAdjustment", "CouldNotShip", "DifferentItem", "Abandoned", "CustomerCancel", "PriceError",
  "ProductOutofStock", "CustomerAddressIncorrect", "Exchange", "Other", "CarrierCreditDecision", "RiskAssessmentInformationNotValid",
  "CarrierCoverageFailure", "TransactionRecord", "Undeliverable", "RefusedDelivery",
])
const COMPONENT_TYPES = new Set([
  "Principal", "Shipping", "CODFee", "Tax", "ShippingTax", "RestockingFee", "RestockingFeeTax", "GiftWrap", "GiftWrapTax", "Surcharge",
  "ReturnShipping", "Goodwill", "ExportCharge", "COD", "CODTax", "Other", "FreeReplacementReturnShipping",
])
const CANCEL_REASONS = new Set([
  "NoInventory", "ShippingAddressUndeliverable", "CustomerExchange", "BuyerCanceled", "GeneralAdjustment", "CarrierCreditDecision",
  "RiskAssessmentInformationNotValid", "CarrierCoverageFailure", "CustomerReturn", "MerchandiseNotReceived",
])
/** Sandbox result codes (Amazon's XML reports carry numeric ResultMessageCodes; these follow its ranges). */
const CODE = { malformed: "50001", element: "5000", unknownOrder: "18028", unknownItem: "18029", overRefund: "18030", taxNotEligible: "18031", shipped: "18032", notMerchant: "18033" } as const

type Result = { messageId: number; code: string; description: string; additional?: Record<string, string> }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ["Message", "AdjustedItem", "Component", "Item", "PromotionAdjustments"].includes(name),
})

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true })

export function processOrderFeed(state: SandboxState, feed: FeedRecord, content: Buffer | undefined): { status: "DONE" | "FATAL"; result: { content: Buffer; contentType: string } } {
  const fatal = (description: string) => ({
    status: "FATAL" as const,
    result: { content: report(feed, 0, 0, [{ messageId: 0, code: CODE.malformed, description }]), contentType: XML_REPORT_CONTENT_TYPE },
  })
  if (!content) return fatal("The feed document was never uploaded to its upload URL.")
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return fatal("XML Parsing Fatal Error at Line 1, Column 1: Content is not allowed in prolog. (The document starts with a byte-order mark.)")
  }
  const text = content.toString("utf8")
  if (!text.startsWith("<?xml")) return fatal("XML Parsing Fatal Error at Line 1, Column 1: the document must start with the XML declaration.")
  let doc: Record<string, any>
  try {
    doc = parser.parse(text, true)
  } catch (error) {
    return fatal(`XML Parsing Fatal Error: ${(error as Error).message}`)
  }
  const envelope = doc.AmazonEnvelope
  if (!envelope) return fatal("The root element must be AmazonEnvelope.")
  if (!envelope.Header?.DocumentVersion) return fatal("Header/DocumentVersion is required.")
  if (envelope.Header?.MerchantIdentifier !== feed.sellerId) {
    return fatal(`Header/MerchantIdentifier '${String(envelope.Header?.MerchantIdentifier ?? "")}' does not match the selling partner that submitted the feed.`)
  }
  const expected = feed.feedType === "POST_PAYMENT_ADJUSTMENT_DATA" ? "OrderAdjustment" : "OrderAcknowledgement"
  if (envelope.MessageType !== expected) return fatal(`MessageType must be ${expected} for ${feed.feedType}, got '${String(envelope.MessageType ?? "")}'.`)
  const messages: any[] = envelope.Message ?? []
  if (!messages.length) return fatal("The envelope contains no Message.")
  const results: Result[] = []
  const seen = new Set<number>()
  let successful = 0
  for (const message of messages) {
    const id = Number(message?.MessageID)
    if (!Number.isInteger(id) || id < 1 || seen.has(id)) {
      results.push({ messageId: Number.isInteger(id) ? id : 0, code: CODE.element, description: `MessageID '${String(message?.MessageID ?? "")}' must be a positive integer unique in the document.` })
      continue
    }
    seen.add(id)
    const errors =
      expected === "OrderAdjustment" ? applyAdjustment(state, feed, id, message.OrderAdjustment) : applyAcknowledgement(state, feed, message.OrderAcknowledgement)
    if (errors.length) results.push(...errors.map((e) => ({ messageId: id, ...e })))
    else successful++
  }
  return { status: "DONE", result: { content: report(feed, messages.length, successful, results), contentType: XML_REPORT_CONTENT_TYPE } }
}

function orderOf(state: SandboxState, feed: FeedRecord, amazonOrderId: unknown): OrderRecord | undefined {
  const order = state.orders.get(String(amazonOrderId ?? ""))
  return order && order.sellerId === feed.sellerId ? order : undefined
}

/** Minor units of an amount written with the currency's digits, or null when it is not such an amount. */
function minorOf(value: unknown, currency: string): number | null {
  const text = typeof value === "object" && value ? String((value as Record<string, unknown>)["#text"] ?? "") : String(value ?? "")
  const digits = digitsOf(currency)
  const pattern = digits ? new RegExp(`^-?\\d+(\\.\\d{1,${digits}})?$`) : /^-?\d+$/
  if (!pattern.test(text)) return null
  return Math.round(Number(text) * 10 ** digits)
}

function applyAdjustment(state: SandboxState, feed: FeedRecord, messageId: number, adjustment: any): Array<Omit<Result, "messageId">> {
  if (!adjustment) return [{ code: CODE.element, description: "OrderAdjustment is required in every message." }]
  const order = orderOf(state, feed, adjustment.AmazonOrderID)
  if (!order) return [{ code: CODE.unknownOrder, description: `The order id ${String(adjustment.AmazonOrderID ?? "")} was not found for this merchant.`, additional: { AmazonOrderID: String(adjustment.AmazonOrderID ?? "") } }]
  if (order.fulfilledBy !== "MERCHANT") return [{ code: CODE.notMerchant, description: `Order ${order.orderId} is fulfilled by Amazon; adjustments of Fulfilled by Amazon orders are made by Amazon.` }]
  const items: any[] = adjustment.AdjustedItem ?? []
  if (!items.length) return [{ code: CODE.element, description: "OrderAdjustment needs at least one AdjustedItem." }]
  const errors: Array<Omit<Result, "messageId">> = []
  const inclusive = pricesIncludeTax(order)
  const refunded = order.refunds ?? []
  const planned: SandboxRefund["items"] = []
  for (const adjusted of items) {
    const itemCode = String(adjusted.AmazonOrderItemCode ?? "")
    const item = order.items.find((i) => i.orderItemId === itemCode)
    if (!item) {
      errors.push({ code: CODE.unknownItem, description: `The order item ${itemCode} was not found in order ${order.orderId}.`, additional: { AmazonOrderItemCode: itemCode } })
      continue
    }
    const reason = String(adjusted.AdjustmentReason ?? "")
    if (!ADJUSTMENT_REASONS.has(reason)) errors.push({ code: CODE.element, description: `AdjustmentReason '${reason}' is not a valid value.` })
    const components: any[] = adjusted.ItemPriceAdjustments?.Component ?? []
    if (!components.length) errors.push({ code: CODE.element, description: `AdjustedItem ${itemCode}: ItemPriceAdjustments needs at least one Component.` })
    const amounts: Record<string, number> = {}
    for (const component of components) {
      const type = String(component?.Type ?? "")
      if (!COMPONENT_TYPES.has(type)) {
        errors.push({ code: CODE.element, description: `Component Type '${type}' is not a valid value.` })
        continue
      }
      const currency = String(component?.Amount?.["@_currency"] ?? "")
      if (currency !== item.currency) {
        errors.push({ code: CODE.element, description: `Amount currency '${currency}' does not match the order's currency ${item.currency}.` })
        continue
      }
      const minor = minorOf(component.Amount, currency)
      if (minor === null || minor < 0) {
        errors.push({ code: CODE.element, description: `Amount '${String(component.Amount?.["#text"] ?? component.Amount ?? "")}' of ${type} is not a valid ${currency} refund amount.` })
        continue
      }
      amounts[type] = (amounts[type] ?? 0) + minor
    }
    const money = itemMoney(order, item)
    const before = refunded.flatMap((r) => r.items.filter((i) => i.orderItemId === itemCode))
    const sum = (type: string) => before.reduce((n, i) => n + (i.components[type] ?? 0), 0) + (amounts[type] ?? 0)
    const principalCap = money.charges.ITEM - money.discounts.ITEM
    const shippingCap = money.charges.SHIPPING - money.discounts.SHIPPING
    if (sum("Principal") > principalCap) {
      errors.push({ code: CODE.overRefund, description: `The refund amount for item ${itemCode} exceeds the amount charged (Principal ${principalCap / 10 ** digitsOf(item.currency)} ${item.currency}, already refunded ${(sum("Principal") - (amounts.Principal ?? 0)) / 10 ** digitsOf(item.currency)}).` })
    }
    if (sum("Shipping") > shippingCap) errors.push({ code: CODE.overRefund, description: `The shipping refund for item ${itemCode} exceeds the shipping charged.` })
    for (const [type, charge] of [["Tax", "ITEM"], ["ShippingTax", "SHIPPING"]] as const) {
      if (!amounts[type]) continue
      const already = before.some((i) => (i.components[type] ?? 0) > 0)
      if (inclusive || already || sum(type) > money.taxes[charge]) {
        errors.push({ code: CODE.taxNotEligible, description: `The requested refund amount for the tax or shipping tax is not eligible.` })
      }
    }
    if (!Object.values(amounts).some((n) => n > 0)) errors.push({ code: CODE.element, description: `AdjustedItem ${itemCode}: the net adjustment must be a credit to the buyer.` })
    planned.push({ orderItemId: itemCode, merchantAdjustmentItemId: adjusted.MerchantAdjustmentItemID ? String(adjusted.MerchantAdjustmentItemID) : undefined, reason, components: amounts })
  }
  if (errors.length) return errors
  order.refunds = [...refunded, { refundId: `${feed.feedId}-${messageId}`, feedId: feed.feedId, messageId, postedAt: state.clock.now(), currency: order.items[0]?.currency ?? "USD", items: planned }]
  order.lastUpdatedAt = state.clock.now()
  return []
}

function applyAcknowledgement(state: SandboxState, feed: FeedRecord, ack: any): Array<Omit<Result, "messageId">> {
  if (!ack) return [{ code: CODE.element, description: "OrderAcknowledgement is required in every message." }]
  const order = orderOf(state, feed, ack.AmazonOrderID)
  if (!order) return [{ code: CODE.unknownOrder, description: `The order id ${String(ack.AmazonOrderID ?? "")} was not found for this merchant.` }]
  const status = String(ack.StatusCode ?? "")
  if (status !== "Success" && status !== "Failure") return [{ code: CODE.element, description: `StatusCode '${status}' is not a valid value.` }]
  if (status === "Success") return []
  if (order.fulfilledBy !== "MERCHANT") return [{ code: CODE.notMerchant, description: `Order ${order.orderId} is fulfilled by Amazon and cannot be canceled by the seller.` }]
  if (order.status === "CANCELLED") return []
  if (!["PENDING", "UNSHIPPED"].includes(order.status)) {
    return [{ code: CODE.shipped, description: `Order ${order.orderId} cannot be canceled: it is ${order.status}. Do not send an acknowledgement with Failure after an item has shipped.` }]
  }
  const items: any[] = ack.Item ?? []
  let reason = "GeneralAdjustment"
  for (const item of items) {
    const code = String(item?.AmazonOrderItemCode ?? "")
    if (!order.items.some((i) => i.orderItemId === code)) return [{ code: CODE.unknownItem, description: `The order item ${code} was not found in order ${order.orderId}.` }]
    if (item.CancelReason !== undefined) {
      if (!CANCEL_REASONS.has(String(item.CancelReason))) return [{ code: CODE.element, description: `CancelReason '${String(item.CancelReason)}' is not a valid value.` }]
      reason = String(item.CancelReason)
    }
  }
  order.status = "CANCELLED"
  order.cancelReason = reason
  for (const item of order.items) {
    item.cancelledBy = "MERCHANT"
    item.cancelReason = reason
  }
  order.lastUpdatedAt = state.clock.now()
  return []
}

function report(feed: FeedRecord, processed: number, successful: number, results: Result[]): Buffer {
  const withError = new Set(results.map((r) => r.messageId)).size
  const body = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    AmazonEnvelope: {
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xsi:noNamespaceSchemaLocation": "amzn-envelope.xsd",
      Header: { DocumentVersion: "1.02", MerchantIdentifier: feed.sellerId },
      MessageType: "ProcessingReport",
      Message: {
        MessageID: 1,
        ProcessingReport: {
          DocumentTransactionID: feed.feedId,
          StatusCode: "Complete",
          ProcessingSummary: { MessagesProcessed: processed, MessagesSuccessful: successful, MessagesWithError: withError, MessagesWithWarning: 0 },
          Result: results.map((r) => ({
            MessageID: r.messageId,
            ResultCode: "Error",
            ResultMessageCode: r.code,
            ResultDescription: r.description,
            ...(r.additional ? { AdditionalInfo: r.additional } : {}),
          })),
        },
      },
    },
  }
  return Buffer.from(builder.build(body) as string, "utf8")
}
