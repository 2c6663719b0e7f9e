import axios from "axios"
import { DEMO, TestSandbox, download, openSandbox, responseViolations } from "./helpers"
import { withCheckDigit } from "../gtin"

const DE = DEMO.DE
const JSON_TYPE = "application/json; charset=UTF-8"
const offer = (price: number) => [{ marketplace_id: DE, currency: "EUR", audience: "ALL", our_price: [{ schedule: [{ value_with_tax: price }] }] }]
const stock = (quantity: number) => [{ fulfillment_channel_code: "DEFAULT", quantity }]
const text = (value: string) => [{ value, language_tag: "de_DE", marketplace_id: DE }]
const newEan = withCheckDigit("426011122233")

function feedDocument() {
  return {
    header: { sellerId: DEMO.euSeller, version: "2.0", issueLocale: "de_DE", report: { includedData: ["summaries", "issues", "offers", "fulfillmentAvailability"], apiVersion: "2021-08-01" } },
    messages: [
      { messageId: 1, sku: "DEMO-MUG", operationType: "PATCH", productType: "KITCHEN", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: stock(7) }] },
      {
        messageId: 2,
        sku: "NEW-OFFER-SKILLET",
        operationType: "UPDATE",
        productType: "PRODUCT",
        requirements: "LISTING_OFFER_ONLY",
        attributes: { merchant_suggested_asin: [{ value: "B0SANDBX09", marketplace_id: DE }], condition_type: [{ value: "new_new", marketplace_id: DE }], purchasable_offer: offer(39.9), fulfillment_availability: stock(5) },
      },
      {
        messageId: 3,
        sku: "BAD-ASIN",
        operationType: "UPDATE",
        productType: "PRODUCT",
        requirements: "LISTING_OFFER_ONLY",
        attributes: { merchant_suggested_asin: [{ value: "B0NOTEXIST", marketplace_id: DE }], condition_type: [{ value: "new_new", marketplace_id: DE }] },
      },
      {
        messageId: 4,
        sku: "NEW-SHIRT-INCOMPLETE",
        operationType: "UPDATE",
        productType: "SHIRT",
        attributes: { item_name: text("Shirt"), externally_assigned_product_identifier: [{ type: "ean", value: withCheckDigit("426011122299"), marketplace_id: DE }], condition_type: [{ value: "new_new", marketplace_id: DE }] },
      },
      { messageId: 5, sku: "DEMO-TSHIRT-S", operationType: "PATCH", productType: "SHIRT", patches: [{ op: "replace", path: "/attributes/purchasable_offer", value: offer(0) }] },
      { messageId: 6, sku: "DEMO-TSHIRT-M", operationType: "PATCH", productType: "SHIRT", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: stock(-1) }] },
      {
        messageId: 7,
        sku: "MUG-BY-EAN",
        operationType: "UPDATE",
        productType: "KITCHEN",
        attributes: {
          externally_assigned_product_identifier: [{ type: "ean", value: "4012345678901", marketplace_id: DE }],
          condition_type: [{ value: "new_new", marketplace_id: DE }],
          purchasable_offer: offer(11.5),
          fulfillment_availability: stock(3),
        },
      },
      { messageId: 8, sku: "AMZ-CANDLE-FIG", operationType: "DELETE" },
      {
        messageId: 9,
        sku: "NEW-SHIRT-FULL",
        operationType: "UPDATE",
        productType: "SHIRT",
        requirements: "LISTING",
        attributes: {
          item_name: text("Linen Shirt, Blue, L"),
          brand: text("Sandbox Apparel"),
          color: text("Blue"),
          size: text("L"),
          department: text("herren"),
          externally_assigned_product_identifier: [{ type: "ean", value: newEan, marketplace_id: DE }],
          condition_type: [{ value: "new_new", marketplace_id: DE }],
          purchasable_offer: offer(29),
          fulfillment_availability: stock(9),
        },
      },
      { messageId: 10, sku: "NO-SUCH-SKU", operationType: "PATCH", productType: "PRODUCT", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: stock(1) }] },
    ],
  }
}

describe("sandbox: Feeds API and JSON_LISTINGS_FEED processing", () => {
  let t: TestSandbox
  let headers: Record<string, string>
  beforeAll(async () => {
    t = await openSandbox({ randomSeed: 3 })
  })
  afterAll(() => t.sandbox.close())
  beforeEach(async () => {
    t.sandbox.control.reset()
    headers = await t.auth()
  })
  afterEach(() => expect(responseViolations(t.sandbox)).toEqual([]))

  async function submit(doc: unknown, feedType = "JSON_LISTINGS_FEED", contentType = JSON_TYPE): Promise<{ feedId: string; status: number; feedDocumentId: string }> {
    const created = await t.http.post("/feeds/2021-06-30/documents", { contentType }, { headers })
    expect(created.status).toBe(201)
    // A Buffer, because axios JSON-encodes a string body that is not valid JSON when the type is JSON.
    const body = Buffer.from(typeof doc === "string" ? doc : JSON.stringify(doc))
    const put = await axios.put(created.data.url, body, { headers: { "Content-Type": contentType }, validateStatus: () => true })
    expect(put.status).toBe(200)
    const feed = await t.http.post("/feeds/2021-06-30/feeds", { feedType, marketplaceIds: [DE], inputFeedDocumentId: created.data.feedDocumentId }, { headers })
    return { feedId: feed.data?.feedId, status: feed.status, feedDocumentId: created.data.feedDocumentId }
  }

  it("moves a feed IN_QUEUE → IN_PROGRESS → DONE over time and delivers a gzip processing report that follows Amazon's schema", async () => {
    const { feedId, status, feedDocumentId } = await submit(feedDocument())
    expect(status).toBe(202)
    const get = () => t.http.get(`/feeds/2021-06-30/feeds/${feedId}`, { headers })
    const queued = await get()
    expect(queued.data).toMatchObject({ feedId, feedType: "JSON_LISTINGS_FEED", marketplaceIds: [DE], processingStatus: "IN_QUEUE" })
    t.sandbox.control.advanceClock(31_000)
    expect((await get()).data.processingStatus).toBe("IN_PROGRESS")
    // Nothing is applied before processing ends.
    expect(t.sandbox.control.getListing(DEMO.euSeller, DE, "DEMO-MUG")?.quantity).toBe(40)
    t.sandbox.control.advanceClock(60_000)
    const done = await get()
    expect(done.data).toMatchObject({ processingStatus: "DONE", resultFeedDocumentId: expect.any(String) })
    expect(Date.parse(done.data.processingEndTime)).toBeGreaterThan(Date.parse(done.data.processingStartTime))

    const docInfo = await t.http.get(`/feeds/2021-06-30/documents/${done.data.resultFeedDocumentId}`, { headers })
    expect(docInfo.status).toBe(200)
    expect(docInfo.data.compressionAlgorithm).toBe("GZIP")
    const report = JSON.parse(await download(docInfo.data.url))
    expect(t.sandbox.control.validateProcessingReport(report)).toEqual([])
    expect(report.header).toMatchObject({ sellerId: DEMO.euSeller, version: "2.0", feedId })
    expect(report.summary).toMatchObject({ messagesProcessed: 10, messagesAccepted: 5, messagesInvalid: 5 })
    const codes = (id: number) => report.issues.filter((i: { messageId: number; severity: string }) => i.messageId === id && i.severity === "ERROR").map((i: { code: string }) => i.code)
    expect(codes(3)).toEqual(["18046"]) // unknown ASIN in merchant_suggested_asin
    expect(codes(4)).toEqual(expect.arrayContaining(["90220"])) // brand, color, size, department missing
    expect(report.issues.filter((i: { messageId: number }) => i.messageId === 4).map((i: { attributeName: string }) => i.attributeName)).toEqual(expect.arrayContaining(["brand", "color", "size", "department"]))
    expect(codes(5)).toEqual(["99022"]) // price 0
    expect(codes(6)).toEqual(["99022"]) // quantity -1
    expect(codes(10)).toEqual(["4000009"]) // SKU does not exist
    expect(report.issues.some((i: { messageId: number; severity: string }) => i.messageId === 9 && i.severity === "WARNING")).toBe(true)
    expect(report.summary.errors).toBe(report.issues.filter((i: { severity: string }) => i.severity === "ERROR").length)
    expect(report.items.map((i: { sku: string }) => i.sku).sort()).toEqual(["DEMO-MUG", "MUG-BY-EAN", "NEW-OFFER-SKILLET", "NEW-SHIRT-FULL"])

    // Accepted messages changed the listings; rejected ones did not.
    const listing = (sku: string) => t.sandbox.control.getListing(DEMO.euSeller, DE, sku)
    expect(listing("DEMO-MUG")?.quantity).toBe(7)
    expect(listing("NEW-OFFER-SKILLET")).toMatchObject({ asin: "B0SANDBX09", price: 39.9, quantity: 5, status: "Active" })
    expect(listing("MUG-BY-EAN")?.asin).toBe("B0SANDBX03")
    expect(listing("AMZ-CANDLE-FIG")).toBeUndefined()
    expect(listing("DEMO-TSHIRT-S")?.price).toBe(19.99)
    expect(listing("BAD-ASIN")).toBeUndefined()
    // A new product with a new barcode gets a new ASIN that the catalog now finds.
    const created = listing("NEW-SHIRT-FULL")
    expect(created?.asin).toMatch(/^B0[0-9A-Z]{8}$/)
    const search = await t.http.get("/catalog/2022-04-01/items", { headers, params: { identifiers: newEan, identifiersType: "EAN", marketplaceIds: DE } })
    expect(search.data.items.map((i: { asin: string }) => i.asin)).toEqual([created?.asin])
    const viaApi = await t.http.get(`/listings/2021-08-01/items/${DEMO.euSeller}/NEW-OFFER-SKILLET`, { headers, params: { marketplaceIds: DE, includedData: "summaries,offers,fulfillmentAvailability" } })
    expect(viaApi.data.offers[0].price).toEqual({ currencyCode: "EUR", amount: "39.90" })

    // The uploaded document is available as received, and it passed Amazon's feed schema.
    const raw = await t.http.get(`/_sandbox/feed-documents/${feedDocumentId}`, { responseType: "text", transformResponse: (x) => x })
    expect(JSON.parse(raw.data as string)).toEqual(feedDocument())
    expect(t.sandbox.control.validationErrors()).toEqual([])
    const upload = t.sandbox.control.requests({ operation: "uploadDocument" })[0]
    expect(upload.body).toMatchObject({ docId: feedDocumentId, contentType: JSON_TYPE, size: JSON.stringify(feedDocument()).length })
  })

  it("ends FATAL for a document that is not JSON, and records the schema failure of a bad document", async () => {
    const { feedId } = await submit("{ not json")
    t.sandbox.control.advanceFeed(feedId)
    const feed = await t.http.get(`/feeds/2021-06-30/feeds/${feedId}`, { headers })
    expect(feed.data.processingStatus).toBe("FATAL")
    const docInfo = await t.http.get(`/feeds/2021-06-30/documents/${feed.data.resultFeedDocumentId}`, { headers })
    const report = JSON.parse(await download(docInfo.data.url))
    expect(report.issues[0]).toMatchObject({ severity: "ERROR", message: expect.stringMatching(/not valid JSON/) })
    expect(t.sandbox.control.validationErrors().map((v) => v.kind)).toEqual(["feed-document"])

    t.sandbox.control.clearValidationErrors()
    await submit({ header: { sellerId: DEMO.euSeller, version: "2.0" }, messages: [{ messageId: 1, sku: "X", operationType: "UPDATE" }] })
    const [failure] = t.sandbox.control.validationErrors()
    expect(failure.kind).toBe("feed-document")
    expect(failure.errors.map((e) => e.message).join(" ")).toMatch(/productType/)
  })

  it("enforces the presigned upload: content type and expiry", async () => {
    const created = await t.http.post("/feeds/2021-06-30/documents", { contentType: JSON_TYPE }, { headers })
    expect(created.data.url).toMatch(/\/_s3\/upload\/.+X-Amz-Expires=300/)
    const wrongType = await axios.put(created.data.url, "{}", { headers: { "Content-Type": "text/plain" }, validateStatus: () => true })
    expect(wrongType.status).toBe(403)
    expect(wrongType.data).toContain("<Code>SignatureDoesNotMatch</Code>")
    t.sandbox.control.advanceClock(301_000)
    const late = await axios.put(created.data.url, "{}", { headers: { "Content-Type": JSON_TYPE }, validateStatus: () => true })
    expect(late.status).toBe(403)
    expect(late.data).toContain("Request has expired")
  })

  it("allows 5 JSON_LISTINGS_FEED submissions per 5 minutes (scaled), then answers 429", async () => {
    const doc = { header: { sellerId: DEMO.euSeller, version: "2.0" }, messages: [{ messageId: 1, sku: "DEMO-MUG", operationType: "DELETE" }] }
    for (let i = 0; i < 5; i++) expect((await submit(doc)).status).toBe(202)
    const sixth = await submit(doc)
    expect(sixth.status).toBe(429)
    expect(t.sandbox.control.stats().operations.createFeed.throttled).toBe(1)
    t.sandbox.control.advanceClock(300_001)
    expect((await submit(doc)).status).toBe(202)
  })

  it("cancels only queued feeds and lists feeds with getFeeds", async () => {
    const doc = { header: { sellerId: DEMO.euSeller, version: "2.0" }, messages: [{ messageId: 1, sku: "DEMO-MUG", operationType: "DELETE" }] }
    const a = await submit(doc)
    const b = await submit(doc)
    expect((await t.http.delete(`/feeds/2021-06-30/feeds/${a.feedId}`, { headers })).status).toBe(200)
    t.sandbox.control.advanceClock(45_000)
    const late = await t.http.delete(`/feeds/2021-06-30/feeds/${b.feedId}`, { headers })
    expect(late.status).toBe(400)
    const list = await t.http.get("/feeds/2021-06-30/feeds", { headers, params: { feedTypes: "JSON_LISTINGS_FEED", pageSize: 1 } })
    expect(list.status).toBe(200)
    expect(list.data.feeds).toHaveLength(1)
    expect(list.data.feeds[0].feedId).toBe(b.feedId)
    const next = await t.http.get("/feeds/2021-06-30/feeds", { headers, params: { nextToken: list.data.nextToken } })
    expect(next.data.feeds[0]).toMatchObject({ feedId: a.feedId, processingStatus: "CANCELLED" })
    // The cancelled feed never touched the listing; the other one deletes it once done.
    t.sandbox.control.advanceFeed(b.feedId)
    expect(t.sandbox.control.getListing(DEMO.euSeller, DE, "DEMO-MUG")).toBeUndefined()
  })

  it("ends removed legacy feed types FATAL and rejects an unknown input document", async () => {
    const { feedId } = await submit("<AmazonEnvelope/>", "POST_PRODUCT_DATA", "text/xml; charset=UTF-8")
    expect(t.sandbox.control.advanceFeed(feedId).processingStatus).toBe("FATAL")
    const bad = await t.http.post("/feeds/2021-06-30/feeds", { feedType: "JSON_LISTINGS_FEED", marketplaceIds: [DE], inputFeedDocumentId: "nope" }, { headers })
    expect(bad.status).toBe(400)
    expect(bad.data.errors[0].code).toBe("InvalidInput")
  })

  it("serves a truncated gzip download on demand", async () => {
    const { feedId } = await submit(feedDocument())
    const feed = t.sandbox.control.advanceFeed(feedId)
    const docInfo = await t.http.get(`/feeds/2021-06-30/documents/${String(feed.resultFeedDocumentId)}`, { headers })
    t.sandbox.control.addFault({ kind: "truncated-gzip", count: 1 })
    await expect(download(docInfo.data.url)).rejects.toThrow(/unexpected end of file/)
    await expect(download(docInfo.data.url)).resolves.toContain('"feedId"')
  })
})
