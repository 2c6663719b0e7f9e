import { createInterface } from "node:readline"
import { withCheckDigit } from "../../../../sandbox/gtin"
import { decodeDocument } from "../documents"
import { SpApiError } from "../errors"
import { feedDocumentId, feedId, reportId, sku } from "../types"
import { euClient, SANDBOX, useSandbox } from "./sandbox-fixture"

describe("operations (against the sandbox)", () => {
  const sandbox = useSandbox()
  const control = () => sandbox.current.control

  it("getMarketplaceParticipations lists the seller's marketplaces", async () => {
    const { payload } = await euClient(sandbox.current).sellers.getMarketplaceParticipations()
    expect(payload?.map((p) => p.marketplace.id)).toContain(SANDBOX.DE)
    expect(payload?.every((p) => typeof p.participation.isParticipating === "boolean")).toBe(true)
  })

  it("searchOrdersPages follows nextToken until the last page", async () => {
    const createdAfter = new Date(Date.now() - 60_000).toISOString()
    control().addOrders({ generate: { count: 250, sellerId: SANDBOX.euSeller, marketplaceId: SANDBOX.DE, spreadSeconds: 30 } })
    const client = euClient(sandbox.current)
    const pages: number[] = []
    const ids = new Set<string>()
    for await (const page of client.orders.searchOrdersPages({ createdAfter, marketplaceIds: [SANDBOX.DE], maxResultsPerPage: 100 })) {
      pages.push(page.orders.length)
      page.orders.forEach((o) => ids.add(o.orderId))
    }
    expect(pages).toEqual([100, 100, 50])
    expect(ids.size).toBe(250)
    const requests = control().requests({ operation: "searchOrders" })
    expect(requests).toHaveLength(3)
    expect(requests[0].query.paginationToken).toBeUndefined()
    expect(requests[1].query.paginationToken).toEqual(expect.any(String))
    // the filters travel with the token, as in Amazon's examples
    expect(requests[2].query).toMatchObject({ createdAfter, marketplaceIds: SANDBOX.DE })
  })

  it("getOrder returns one order with its items", async () => {
    const { orderIds } = control().addOrders({ generate: { count: 1, sellerId: SANDBOX.euSeller, marketplaceId: SANDBOX.DE } })
    const { order } = await euClient(sandbox.current).orders.getOrder(orderIds[0] as never, ["BUYER"])
    expect(order.orderId).toBe(orderIds[0])
    expect(order.orderItems.length).toBeGreaterThan(0)
  })

  it("searchCatalogItemsByIdentifiers sends 20 identifiers a call and merges the results", async () => {
    const eans = Array.from({ length: 45 }, (_, i) => withCheckDigit(`40000000${String(i).padStart(4, "0")}`))
    control().addCatalogItems(
      eans.map((ean, i) => ({
        asin: `B0CHUNK${String(i).padStart(3, "0")}`,
        title: `Chunk item ${i}`,
        brand: "Generic",
        productType: "PRODUCT",
        identifiers: { EAN: [ean] },
      }))
    )
    const result = await euClient(sandbox.current).catalogItems.searchCatalogItemsByIdentifiers({
      identifiers: [...eans, eans[0], withCheckDigit("400000009999")], // a duplicate and an unknown barcode
      identifiersType: "EAN",
      marketplaceId: SANDBOX.DE,
      includedData: ["identifiers", "summaries"],
    })
    expect(result.numberOfResults).toBe(45)
    expect(new Set(result.items.map((i) => i.asin)).size).toBe(45)
    const calls = control().requests({ operation: "searchCatalogItems" })
    expect(calls).toHaveLength(3)
    expect(calls.map((c) => String(c.query.identifiers).split(",").length).sort()).toEqual([20, 20, 6])
  })

  it("listings items: put, get, patch, search, delete", async () => {
    const client = euClient(sandbox.current)
    const mySku = sku("CLIENT-TEST-1")
    const put = await client.listingsItems.putListingsItem({
      sku: mySku,
      marketplaceIds: [SANDBOX.DE],
      body: {
        productType: "PRODUCT",
        requirements: "LISTING_OFFER_ONLY",
        attributes: {
          condition_type: [{ value: "new_new", marketplace_id: SANDBOX.DE }],
          merchant_suggested_asin: [{ value: "B0SANDBX03", marketplace_id: SANDBOX.DE }],
          purchasable_offer: [{ currency: "EUR", our_price: [{ schedule: [{ value_with_tax: 9.99 }] }], marketplace_id: SANDBOX.DE }],
          fulfillment_availability: [{ fulfillment_channel_code: "DEFAULT", quantity: 5 }],
        },
      },
    })
    expect(put.sku).toBe(mySku)
    const got = await client.listingsItems.getListingsItem({ sku: mySku, marketplaceIds: [SANDBOX.DE], includedData: ["summaries"] })
    expect(got.sku).toBe(mySku)
    const patched = await client.listingsItems.patchListingsItem({
      sku: mySku,
      marketplaceIds: [SANDBOX.DE],
      body: { productType: "PRODUCT", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity: 7 }] }] },
    })
    expect(patched.sku).toBe(mySku)
    const pages = []
    for await (const page of client.listingsItems.searchListingsItemsPages({ marketplaceIds: [SANDBOX.DE], pageSize: 20 })) {
      pages.push(...page.items)
    }
    expect(pages.map((i) => i.sku)).toContain(mySku)
    await expect(client.listingsItems.deleteListingsItem({ sku: mySku, marketplaceIds: [SANDBOX.DE] })).resolves.toMatchObject({ sku: mySku })
    const calls = control().requests({ operation: "putListingsItem" })
    expect(calls[0].path).toBe(`/listings/2021-08-01/items/${SANDBOX.euSeller}/${mySku}`)
  })

  it("listings calls need a seller id from the call or the config", async () => {
    const client = euClient(sandbox.current, { sellingPartnerId: undefined })
    await expect(client.listingsItems.getListingsItem({ sku: sku("X"), marketplaceIds: [SANDBOX.DE] })).rejects.toMatchObject({
      code: "InvalidRequest",
    })
    await expect(
      client.listingsItems.getListingsItem({ sellerId: SANDBOX.euSeller, sku: sku("DEMO-MUG"), marketplaceIds: [SANDBOX.DE] })
    ).resolves.toMatchObject({ sku: "DEMO-MUG" })
  })

  it("product type definitions: search and get", async () => {
    const client = euClient(sandbox.current)
    const list = await client.productTypeDefinitions.searchDefinitionsProductTypes({ marketplaceIds: [SANDBOX.DE], keywords: ["shirt"] })
    expect(list.productTypes.map((p) => p.name)).toContain("SHIRT")
    const definition = await client.productTypeDefinitions.getDefinitionsProductType({
      productType: "SHIRT",
      marketplaceIds: [SANDBOX.DE],
      requirements: "LISTING",
    })
    expect(definition.productType).toBe("SHIRT")
    expect(definition.schema.link.resource).toMatch(/^http/)
  })

  describe("documents", () => {
    const contentType = "application/json; charset=UTF-8"

    async function finishedFeed() {
      const client = euClient(sandbox.current)
      const document = await client.feeds.createFeedDocument({ contentType })
      await client.feeds.uploadFeedDocument(
        document,
        JSON.stringify({
          header: { sellerId: SANDBOX.euSeller, version: "2.0", issueLocale: "en_US" },
          messages: [
            { messageId: 1, sku: "DEMO-MUG", operationType: "PATCH", productType: "KITCHEN", patches: [{ op: "replace", path: "/attributes/fulfillment_availability", value: [{ fulfillment_channel_code: "DEFAULT", quantity: 3 }] }] },
            { messageId: 2, sku: "NO-SUCH-SKU-IN-SANDBOX", operationType: "DELETE" },
          ],
        }),
        contentType
      )
      const created = await client.feeds.createFeed({
        feedType: "JSON_LISTINGS_FEED",
        marketplaceIds: [SANDBOX.DE],
        inputFeedDocumentId: feedDocumentId(document.feedDocumentId),
      })
      const id = feedId(created.feedId)
      // the upload arrived byte for byte, with our content type and no SP-API token
      const uploaded = control().requests({ operation: "uploadDocument" })
      expect(uploaded).toHaveLength(1)
      control().advanceFeed(id)
      return { client, feed: await client.feeds.getFeed(id) }
    }

    it("feed result: getFeedDocument → GZIP download → processing report", async () => {
      const { client, feed } = await finishedFeed()
      expect(feed.processingStatus).toBe("DONE")
      const document = await client.feeds.getFeedDocument(feedDocumentId(feed.resultFeedDocumentId!))
      expect(document.compressionAlgorithm).toBe("GZIP")
      const report = JSON.parse(await client.feeds.downloadFeedDocumentText(document))
      expect(report.header.feedId).toBe(feed.feedId)
      expect(report.summary.messagesProcessed).toBe(2)
      // by id too (getFeedDocument + download)
      const bytes = await client.feeds.downloadFeedDocument(feedDocumentId(feed.resultFeedDocumentId!))
      expect(JSON.parse(bytes.toString("utf8"))).toEqual(report)
    })

    it("a cut-off gzip download is downloaded again", async () => {
      const { client, feed } = await finishedFeed()
      control().addFault({ operation: "downloadDocument", kind: "truncated-gzip", count: 1 })
      const text = await client.feeds.downloadFeedDocumentText(feedDocumentId(feed.resultFeedDocumentId!))
      expect(JSON.parse(text).header.feedId).toBe(feed.feedId)
      expect(control().requests({ operation: "downloadDocument" })).toHaveLength(2)
    })

    async function finishedReport(rows: number) {
      control().addListings({ generate: { count: rows, sellerId: SANDBOX.euSeller, marketplaceId: SANDBOX.DE } })
      const client = euClient(sandbox.current)
      const { reportId: id } = await client.reports.createReport({
        reportType: "GET_MERCHANT_LISTINGS_ALL_DATA",
        marketplaceIds: [SANDBOX.DE],
      })
      control().advanceReport(id)
      const report = await client.reports.getReport(reportId(id))
      expect(report.processingStatus).toBe("DONE")
      return { client, report, document: await client.reports.getReportDocument(report.reportDocumentId as never) }
    }

    it("report: GZIP download as text, and the same rows streamed", async () => {
      const { client, document } = await finishedReport(1500)
      expect(document.compressionAlgorithm).toBe("GZIP")
      const text = await client.reports.downloadReportDocumentText(document)
      const lines = text.split("\n").filter((l) => l.length > 0)
      expect(lines[0].split("\t")).toContain("seller-sku")
      expect(lines.length).toBeGreaterThan(1500)

      const stream = await client.reports.streamReportDocument(document)
      let streamed = 0
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (line.length > 0) {
          streamed += 1
        }
      }
      expect(streamed).toBe(lines.length)
    })

    it("streams a 200,000-row listings report line by line", async () => {
      const { client, document } = await finishedReport(200_000)
      let lines = 0
      for await (const line of createInterface({ input: await client.reports.streamReportDocument(document), crlfDelay: Infinity })) {
        if (line.length > 0) {
          lines += 1
        }
      }
      expect(lines).toBeGreaterThan(200_000) // header + generated + seeded rows
    })

    it("a cut-off streamed report errors the stream with CorruptDocument", async () => {
      const { client, document } = await finishedReport(200)
      control().addFault({ operation: "downloadDocument", kind: "truncated-gzip", count: 1 })
      const stream = await client.reports.streamReportDocument(document)
      const failure = await (async () => {
        for await (const _chunk of stream) {
          // read to the end
        }
      })().catch((e: unknown) => e)
      expect(failure).toBeInstanceOf(SpApiError)
      expect(failure).toMatchObject({ code: "CorruptDocument", operation: "streamReportDocument" })
    })

    it("decodes a document's declared charset", () => {
      const latin1 = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]) // "Müller" in windows-1252
      expect(decodeDocument({ body: latin1, contentType: "text/plain;charset=Cp1252" })).toBe("Müller")
      expect(decodeDocument({ body: Buffer.from("Müller"), contentType: "text/plain; charset=UTF-8" })).toBe("Müller")
    })
  })
})
