import { XMLParser } from "fast-xml-parser"
import {
  buildOrderFeed,
  formatAmount,
  messageOutcomes,
  orderFeedBytes,
  parseXmlProcessingReport,
} from "../xml-feed"

describe("order feed XML", () => {
  it("formats amounts with the currency's digits (JPY 0)", () => {
    expect(formatAmount("12.5", "EUR")).toBe("12.50")
    expect(formatAmount("1200", "JPY")).toBe("1200")
    expect(formatAmount("1199.6", "JPY")).toBe("1200")
    expect(formatAmount("0.105", "USD")).toBe("0.11")
    expect(() => formatAmount("abc", "USD")).toThrow()
  })

  it("builds an OrderAdjustment document: declaration first, no BOM, envelope and header, escaped values", () => {
    const xml = buildOrderFeed("POST_PAYMENT_ADJUSTMENT_DATA", "A1<&>SELLER", [
      {
        messageId: 1,
        amazon_order_id: "902-3159896-1390916",
        currency: "JPY",
        items: [
          {
            amazon_order_item_id: "68828574383266",
            merchant_adjustment_item_id: "amzrf_1-1",
            reason: "CustomerReturn",
            components: { Principal: "1099", Tax: "0", Shipping: "300" },
          },
        ],
      },
    ])
    const bytes = orderFeedBytes(xml)
    expect(bytes[0]).toBe(0x3c) // "<", not EF BB BF
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(xml).toContain("<MerchantIdentifier>A1&lt;&amp;&gt;SELLER</MerchantIdentifier>")
    expect(xml).toContain("<DocumentVersion>1.01</DocumentVersion>")
    expect(xml).toContain("<MessageType>OrderAdjustment</MessageType>")
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml)
    const item = doc.AmazonEnvelope.Message.OrderAdjustment.AdjustedItem
    expect(doc.AmazonEnvelope.Header.MerchantIdentifier).toBe("A1<&>SELLER")
    expect(item.AmazonOrderItemCode).toBe("68828574383266")
    expect(item.AdjustmentReason).toBe("CustomerReturn")
    // zero components are not sent; JPY has no decimals
    expect(item.ItemPriceAdjustments.Component).toEqual([
      { Type: "Principal", Amount: { "#text": "1099", "@_currency": "JPY" } },
      { Type: "Shipping", Amount: { "#text": "300", "@_currency": "JPY" } },
    ])
  })

  it("builds an OrderAcknowledgement cancellation", () => {
    const xml = buildOrderFeed("POST_ORDER_ACKNOWLEDGEMENT_DATA", "A1SELLER", [
      { messageId: 3, amazon_order_id: "111-1", status: "Failure", items: [{ amazon_order_item_id: "9", cancel_reason: "NoInventory" }] },
    ])
    const doc = new XMLParser({ parseTagValue: false }).parse(xml)
    expect(doc.AmazonEnvelope.MessageType).toBe("OrderAcknowledgement")
    expect(doc.AmazonEnvelope.Message).toEqual({
      MessageID: "3",
      OrderAcknowledgement: { AmazonOrderID: "111-1", StatusCode: "Failure", Item: { AmazonOrderItemCode: "9", CancelReason: "NoInventory" } },
    })
  })

  it("reads an XML processing report per MessageID, in Amazon's words", () => {
    const report = parseXmlProcessingReport(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A1</MerchantIdentifier></Header>
<MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport>
<DocumentTransactionID>1234</DocumentTransactionID><StatusCode>Complete</StatusCode>
<ProcessingSummary><MessagesProcessed>2</MessagesProcessed><MessagesSuccessful>1</MessagesSuccessful><MessagesWithError>1</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>
<Result><MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>18028</ResultMessageCode><ResultDescription>The requested refund amount for the tax &amp; shipping tax is not eligible</ResultDescription></Result>
</ProcessingReport></Message></AmazonEnvelope>`)
    expect(report.processed).toBe(2)
    expect(messageOutcomes(report, [1, 2])).toEqual([
      { messageId: 1, accepted: true, message: null, code: null },
      { messageId: 2, accepted: false, message: "The requested refund amount for the tax & shipping tax is not eligible", code: "18028" },
    ])
  })

  it("a document-level error (MessageID 0) rejects every message", () => {
    const report = parseXmlProcessingReport(`<?xml version="1.0"?><AmazonEnvelope><Message><MessageID>1</MessageID><ProcessingReport><StatusCode>Complete</StatusCode>
<ProcessingSummary><MessagesProcessed>0</MessagesProcessed><MessagesSuccessful>0</MessagesSuccessful><MessagesWithError>1</MessagesWithError></ProcessingSummary>
<Result><MessageID>0</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>50001</ResultMessageCode><ResultDescription>XML is ill-formed at line 1, column 1</ResultDescription></Result></ProcessingReport></Message></AmazonEnvelope>`)
    expect(messageOutcomes(report, [1, 2]).map((o) => [o.accepted, o.code])).toEqual([
      [false, "50001"],
      [false, "50001"],
    ])
  })

  it("refuses what is not a processing report", () => {
    expect(() => parseXmlProcessingReport("<html>nope</html>")).toThrow(/could not be read/)
  })
})
