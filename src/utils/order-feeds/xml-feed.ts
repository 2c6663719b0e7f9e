import { XMLBuilder, XMLParser } from "fast-xml-parser"
import { currencyDigits, formatDecimal, parseDecimal } from "../orders/decimal"

/**
 * Amazon's XML order feeds (POST_PAYMENT_ADJUSTMENT_DATA, POST_ORDER_ACKNOWLEDGEMENT_DATA) and their XML processing
 * reports. Documents are built with fast-xml-parser's XMLBuilder — never by hand — so every value is escaped; the
 * first bytes are `<?xml version="1.0" encoding="UTF-8"?>` and there is no byte-order mark (a BOM makes Amazon end
 * the feed FATAL with 50001 "ill-formed at line 1, column 1", selling-partner-api-models#5153).
 * Envelope: AmazonEnvelope / Header{DocumentVersion 1.01, MerchantIdentifier = seller id} / MessageType / Message+.
 */

export type OrderFeedType = "POST_PAYMENT_ADJUSTMENT_DATA" | "POST_ORDER_ACKNOWLEDGEMENT_DATA"
export type OrderMessageType = "OrderAdjustment" | "OrderAcknowledgement"

export const MESSAGE_TYPE_OF: Record<OrderFeedType, OrderMessageType> = {
  POST_PAYMENT_ADJUSTMENT_DATA: "OrderAdjustment",
  POST_ORDER_ACKNOWLEDGEMENT_DATA: "OrderAcknowledgement",
}

export const XML_CONTENT_TYPE = "text/xml; charset=UTF-8"

/** OrderAdjustment AdjustmentReason (OrderAdjustment.xsd). */
export const ADJUSTMENT_REASONS = [
  "NoInventory",
  "CustomerReturn",
  "GeneralAdjustment",
  "CouldNotShip",
  "DifferentItem",
  "Abandoned",
  "CustomerCancel",
  "PriceError",
  "ProductOutofStock",
  "CustomerAddressIncorrect",
  "Exchange",
  "Other",
  "CarrierCreditDecision",
  "RiskAssessmentInformationNotValid",
  "CarrierCoverageFailure",
  "TransactionRecord",
  "Undeliverable",
  "RefusedDelivery",
] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]

/** OrderAcknowledgement Item/CancelReason (OrderAcknowledgement.xsd). */
export const CANCEL_REASONS = [
  "NoInventory",
  "ShippingAddressUndeliverable",
  "CustomerExchange",
  "BuyerCanceled",
  "GeneralAdjustment",
  "CarrierCreditDecision",
  "RiskAssessmentInformationNotValid",
  "CarrierCoverageFailure",
  "CustomerReturn",
  "MerchandiseNotReceived",
] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]

/** ItemPriceAdjustments Component/Type values this plugin sends. */
export type AdjustmentComponentType = "Principal" | "Tax" | "Shipping" | "ShippingTax"

/** A decimal amount written with the currency's digits: "12.50" EUR, "1200" JPY. Throws on a value that is not a number. */
export function formatAmount(value: string, currency: string): string {
  const micros = parseDecimal(value)
  if (micros === null) throw new Error(`"${value}" is not an amount`)
  const digits = currencyDigits(currency)
  const unit = 10n ** BigInt(6 - digits)
  const rounded = ((micros < 0n ? -micros : micros) + unit / 2n) / unit
  const signed = micros < 0n ? -rounded : rounded
  if (digits === 0) return signed.toString()
  const text = formatDecimal(signed * unit)
  const [whole, fraction = ""] = text.split(".")
  return `${whole}.${fraction.padEnd(digits, "0").slice(0, digits)}`
}

export type AdjustmentItem = {
  amazon_order_item_id: string
  /** our own id for this adjusted item (the ledger row id + line index), echoed in reports */
  merchant_adjustment_item_id: string
  reason: AdjustmentReason
  /** positive refund amounts (decimal strings) per component; zero/absent components are not sent */
  components: Partial<Record<AdjustmentComponentType, string>>
  quantity?: number
}

export type OrderAdjustmentMessage = {
  messageId: number
  amazon_order_id: string
  currency: string
  items: AdjustmentItem[]
}

export type OrderAcknowledgementMessage = {
  messageId: number
  amazon_order_id: string
  /** Failure cancels (the whole order, or the listed items) */
  status: "Success" | "Failure"
  items: Array<{ amazon_order_item_id: string; cancel_reason?: CancelReason; quantity?: number }>
}

function adjustmentBody(message: OrderAdjustmentMessage) {
  return {
    MessageID: message.messageId,
    OrderAdjustment: {
      AmazonOrderID: message.amazon_order_id,
      AdjustedItem: message.items.map((item) => {
        const order: AdjustmentComponentType[] = ["Principal", "Shipping", "Tax", "ShippingTax"]
        const components = order
          .filter((type) => item.components[type] !== undefined && (parseDecimal(item.components[type]!) ?? 0n) !== 0n)
          .map((type) => ({ Type: type, Amount: { "@_currency": message.currency.toUpperCase(), "#text": formatAmount(item.components[type]!, message.currency) } }))
        return {
          AmazonOrderItemCode: item.amazon_order_item_id,
          MerchantAdjustmentItemID: item.merchant_adjustment_item_id,
          AdjustmentReason: item.reason,
          ItemPriceAdjustments: { Component: components },
          ...(item.quantity ? { Quantity: item.quantity } : {}),
        }
      }),
    },
  }
}

function acknowledgementBody(message: OrderAcknowledgementMessage) {
  return {
    MessageID: message.messageId,
    OrderAcknowledgement: {
      AmazonOrderID: message.amazon_order_id,
      StatusCode: message.status,
      ...(message.items.length
        ? {
            Item: message.items.map((item) => ({
              AmazonOrderItemCode: item.amazon_order_item_id,
              ...(item.cancel_reason ? { CancelReason: item.cancel_reason } : {}),
              ...(item.quantity ? { Quantity: item.quantity } : {}),
            })),
          }
        : {}),
    },
  }
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: false,
  processEntities: true,
})

/** The whole feed document, as UTF-8 text without BOM. */
export function buildOrderFeed(
  feedType: OrderFeedType,
  sellerId: string,
  messages: Array<OrderAdjustmentMessage | OrderAcknowledgementMessage>
): string {
  if (!messages.length) throw new Error("an order feed needs at least one message")
  const messageType = MESSAGE_TYPE_OF[feedType]
  const body = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    AmazonEnvelope: {
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xsi:noNamespaceSchemaLocation": "amzn-envelope.xsd",
      Header: { DocumentVersion: "1.01", MerchantIdentifier: sellerId },
      MessageType: messageType,
      Message: messages.map((message) =>
        messageType === "OrderAdjustment"
          ? adjustmentBody(message as OrderAdjustmentMessage)
          : acknowledgementBody(message as OrderAcknowledgementMessage)
      ),
    },
  }
  const xml = (builder.build(body) as string).replace(/^\uFEFF/, "")
  return xml.startsWith("<?xml") ? xml : `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`
}

/** The document's bytes: UTF-8, never a BOM. */
export function orderFeedBytes(xml: string): Buffer {
  return Buffer.from(xml.replace(/^\uFEFF/, ""), "utf8")
}

// ---------------------------------------------------------------------------------------------------------------
// XML processing report

export type XmlReportResult = {
  messageId: number
  /** Error | Warning */
  code: string
  messageCode: string | null
  description: string
}

export type XmlProcessingReport = {
  statusCode: string | null
  processed: number | null
  successful: number | null
  withError: number | null
  withWarning: number | null
  /** per MessageID (0 = the whole document) */
  results: XmlReportResult[]
}

export class MalformedXmlReportError extends Error {
  constructor(reason: string) {
    super(`Amazon's processing report could not be read: ${reason}`)
    this.name = "MalformedXmlReportError"
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name === "Result" || name === "Message",
})

const num = (value: unknown): number | null => {
  if (value === undefined || value === null || value === "") return null
  const n = Number(String(value))
  return Number.isFinite(n) ? n : null
}

/** Reads an XML processing report (AmazonEnvelope / Message / ProcessingReport). */
export function parseXmlProcessingReport(text: string): XmlProcessingReport {
  let doc: Record<string, any>
  try {
    doc = parser.parse(text.replace(/^\uFEFF/, ""))
  } catch (error) {
    throw new MalformedXmlReportError(error instanceof Error ? error.message : String(error))
  }
  const envelope = doc?.AmazonEnvelope
  const report = envelope?.Message?.[0]?.ProcessingReport ?? doc?.ProcessingReport
  if (!report || typeof report !== "object") throw new MalformedXmlReportError("no ProcessingReport element")
  const summary = report.ProcessingSummary ?? {}
  const results: XmlReportResult[] = (report.Result ?? []).map((r: Record<string, unknown>) => ({
    messageId: num(r.MessageID) ?? 0,
    code: String(r.ResultCode ?? "Error"),
    messageCode: r.ResultMessageCode === undefined ? null : String(r.ResultMessageCode),
    description: String(r.ResultDescription ?? ""),
  }))
  return {
    statusCode: report.StatusCode === undefined ? null : String(report.StatusCode),
    processed: num(summary.MessagesProcessed),
    successful: num(summary.MessagesSuccessful),
    withError: num(summary.MessagesWithError),
    withWarning: num(summary.MessagesWithWarning),
    results,
  }
}

export type MessageOutcome = { messageId: number; accepted: boolean; message: string | null; code: string | null }

/**
 * Each sent MessageID's outcome: rejected when the report names it with an Error (or a document-level error,
 * MessageID 0, rejects them all); otherwise accepted (warnings kept as the message). A report that processed
 * fewer messages than were sent without naming the missing ones leaves those undecided (not in the answer).
 */
export function messageOutcomes(report: XmlProcessingReport, messageIds: number[]): MessageOutcome[] {
  const documentError = report.results.find((r) => r.messageId === 0 && r.code.toLowerCase() === "error")
  const out: MessageOutcome[] = []
  for (const id of messageIds) {
    const own = report.results.filter((r) => r.messageId === id)
    const error = own.find((r) => r.code.toLowerCase() === "error") ?? documentError
    if (error) {
      out.push({ messageId: id, accepted: false, message: error.description, code: error.messageCode })
      continue
    }
    const warning = own.find((r) => r.code.toLowerCase() === "warning")
    out.push({ messageId: id, accepted: true, message: warning?.description ?? null, code: warning?.messageCode ?? null })
  }
  if (report.processed !== null && report.processed === 0 && !documentError) return []
  return out
}
