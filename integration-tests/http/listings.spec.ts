import Ajv from "ajv"
import addFormats from "ajv-formats"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { pollListingFeedsWorkflow, refreshListingsWorkflow, sendListingChangesWorkflow } from "../../src/workflows/listings"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, setStock, setStocks, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(180_000)

// event-triggered sends wait this long to merge bursts (production: 2 s), feeds gather 1.5 s (production: 10 s)
process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
process.env.AMAZON_FEED_GATHER_MS = "1500"

const GERMANY = "A1PA6795UKMFR9"
const sandbox = useSandbox()

const MODELS = process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../../shared/amazon-sp-api")
const FEED_SCHEMA = path.join(MODELS, "schemas/feeds/listings-feed-schema-v2.json")

function feedSchemaValidator() {
  if (!existsSync(FEED_SCHEMA)) return null
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(JSON.parse(readFileSync(path.join(MODELS, "schemas/feeds/listings-feed-message-schema-v2.json"), "utf8")))
  return ajv.compile(JSON.parse(readFileSync(FEED_SCHEMA, "utf8")))
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    let locationId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)

    beforeEach(async () => {
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      storeId = data.amazon_store.id
      salesChannelId = data.amazon_store.sales_channel_id
      await api.post(
        `/admin/amazon/stores/${storeId}/credentials`,
        { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken },
        { headers }
      )
      locationId = await createWarehouse(getContainer(), salesChannelId)
    })

    afterEach(() => {
      // every request the sandbox received matched Amazon's models (feeds included)
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    const listing = async (sku: string) => (await amazon().listAmazonListings({ store_id: storeId, sku }))[0]
    const requestsFor = (operation: string, sku: string) =>
      sandbox()
        .control.requests({ operation })
        .filter((r: { path: string }) => decodeURIComponent(r.path).endsWith(`/${sku}`))
    /** Reads the submitted feeds back (the minute job does this in production). */
    const readFeeds = () =>
      waitFor(
        async () => {
          await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })
          const open = await amazon().listAmazonFeeds({ store_id: storeId, completed_at: null, amazon_feed_id: { $ne: null } })
          return open.length === 0
        },
        { what: "feeds to be processed", everyMs: 500 }
      )
    const offer = async (sku: string, barcode: string, stock = 5) => {
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: sku, variants: [{ sku, barcode, stock }] })
      await waitFor(async () => (await listing(sku))?.status === "submitted", { what: `${sku} submitted` })
      await readFeeds()
      return listing(sku)
    }

    // The offers these tests create go on catalog ASINs the demo seller does not sell (B0SANDBX07, 09, 10 …):
    // on one it sells, the seller's own offer is adopted instead (last test), never a second SKU created.
    it("offers a product with a valid EAN on its existing ASIN, through a feed that validates, and it becomes active", async () => {
      const offered = await offer("LST-SKILLET", "4260987650094", 5)
      expect(offered).toMatchObject({ status: "active", asin: "B0SANDBX09", quantity: 5, sent_hash: expect.any(String) })
      expect(Number(offered.price)).toBe(19.99)

      const [feed] = await amazon().listAmazonFeeds({ store_id: storeId })
      expect(feed).toMatchObject({ status: "done", feed_type: "JSON_LISTINGS_FEED", message_count: 1 })
      const document = JSON.parse(sandbox().control.feedDocument(feed.input_document_id!)!.content.toString("utf8"))
      expect(document.messages[0]).toMatchObject({
        sku: "LST-SKILLET",
        operationType: "UPDATE",
        requirements: "LISTING_OFFER_ONLY",
        attributes: { merchant_suggested_asin: [{ value: "B0SANDBX09", marketplace_id: GERMANY }] },
      })
      const validate = feedSchemaValidator()
      if (validate) expect(validate(document) ? [] : validate.errors).toEqual([])

      // the catalog lookup went by barcode, 20 a call at most
      const lookups = sandbox().control.requests({ operation: "searchCatalogItems" })
      expect(lookups.length).toBeGreaterThan(0)
      expect(String(lookups[0].query.identifiers)).toContain("4260987650094")
    })

    it("a feed Amazon took but whose createFeed answer was lost (500 after processing) is found at Amazon, not sent twice", async () => {
      sandbox().control.addFault({ operation: "createFeed", kind: "500", processed: true, count: 1 })
      const offered = await offer("LST-LOST-ANSWER", "4260987650094", 4)
      expect(offered).toMatchObject({ status: "active", asin: "B0SANDBX09", quantity: 4 })
      // one createFeed reached Amazon and made a feed; it was recognised (same marketplaces, made since the upload,
      // known to no amazon_feed row) instead of sending the changes in a second feed
      expect(sandbox().control.requests({ operation: "createFeed" })).toHaveLength(1)
      const feeds = await amazon().listAmazonFeeds({ store_id: storeId })
      expect(feeds.map((f) => [f.status, f.amazon_feed_id !== null])).toEqual([["done", true]])
    })

    it("names what is wrong with an invalid EAN, a missing barcode and zero stock, and sends nothing for them", async () => {
      const product = await createProductWithStock(getContainer(), {
        salesChannelId,
        locationId,
        title: "Broken",
        variants: [
          { sku: "BAD-EAN", barcode: "4006381333932", stock: 3 },
          { sku: "NO-BARCODE", barcode: null, stock: 3 },
          { sku: "NO-STOCK", barcode: "5901234123457", stock: 0 },
        ],
      })
      await refreshListingsWorkflow(getContainer()).run({ input: { product_ids: [product.id] } })
      await sendListingChangesWorkflow(getContainer()).run({ input: { store_id: storeId }, throwOnError: false })

      expect(await listing("BAD-EAN")).toMatchObject({ status: "error", issues: [expect.objectContaining({ code: "invalid_product_id", field: "barcode" })] })
      expect(((await listing("BAD-EAN")).issues as unknown as Array<{ message: string }>)[0].message).toMatch(/EAN 4006381333932 has a wrong check digit; correct Barcode/)
      expect(await listing("NO-BARCODE")).toMatchObject({ status: "error", issues: [expect.objectContaining({ code: "no_product_id" })] })
      expect(await listing("NO-STOCK")).toMatchObject({ status: "draft", issues: [expect.objectContaining({ code: "zero_stock" })] })
      expect(await amazon().listAmazonListingChanges({ store_id: storeId })).toEqual([])
      for (const sku of ["BAD-EAN", "NO-BARCODE", "NO-STOCK"]) {
        expect(requestsFor("patchListingsItem", sku)).toEqual([])
      }
      expect(sandbox().control.requests({ operation: "createFeed" })).toEqual([])

      const { data } = await api.get(`/admin/amazon/stores/${storeId}/issues`, { headers })
      expect(data.counts).toMatchObject({ invalid_product_id: 1, no_product_id: 1, zero_stock: 1 })
      expect(data.issues[0]).toMatchObject({ severity: "error" })
    })

    it("sends a stock change by the fast path, and three quick changes to one SKU as one", async () => {
      await offer("LST-MUG", "4260987650100", 10)
      sandbox().control.clearRequests()

      await setStock(getContainer(), "LST-MUG", locationId, 7)
      await waitFor(async () => (await listing("LST-MUG")).quantity === 7, { what: "fast path to deliver 7" })
      const first = requestsFor("patchListingsItem", "LST-MUG")
      expect(first).toHaveLength(1)
      expect(JSON.stringify(first[0].body)).toContain('"quantity":7')
      expect(sandbox().control.requests({ operation: "createFeed" })).toEqual([])
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "LST-MUG")).toMatchObject({ quantity: 7 })

      sandbox().control.clearRequests()
      await setStock(getContainer(), "LST-MUG", locationId, 6)
      await setStock(getContainer(), "LST-MUG", locationId, 5)
      await setStock(getContainer(), "LST-MUG", locationId, 4)
      await waitFor(async () => (await listing("LST-MUG")).quantity === 4, { what: "the last of three changes" })
      await new Promise((r) => setTimeout(r, 1500)) // anything else would have been sent by now
      const sent = requestsFor("patchListingsItem", "LST-MUG")
      expect(sent).toHaveLength(1)
      expect(JSON.stringify(sent[0].body)).toContain('"quantity":4')
    })

    it("puts Amazon's processing-report errors on the listings they belong to", async () => {
      const { result: categories } = await createProductCategoriesWorkflow(getContainer()).run({
        input: { product_categories: [{ name: "Suitcases", is_active: true }] },
      })
      await api.post(`/admin/amazon/stores/${storeId}/category-mappings`, { category_id: categories[0].id, product_type: "LUGGAGE" }, { headers })
      // a valid EAN the catalog does not know: needs a full LUGGAGE listing, and has none of its required attributes
      await createProductWithStock(getContainer(), {
        salesChannelId,
        locationId,
        title: "Unknown suitcase",
        categoryIds: [categories[0].id],
        variants: [{ sku: "NEW-SUITCASE", barcode: "4006381333948", stock: 2 }],
      })
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Known", variants: [{ sku: "KNOWN-TSHIRT", barcode: "4260987650131", stock: 2 }] })
      await waitFor(async () => (await listing("NEW-SUITCASE"))?.status === "submitted" && (await listing("KNOWN-TSHIRT"))?.status === "submitted", {
        what: "both submitted",
      })
      await readFeeds()

      const rejected = await listing("NEW-SUITCASE")
      expect(rejected.status).toBe("error")
      expect(rejected.issues).toEqual(expect.arrayContaining([expect.objectContaining({ source: "amazon", severity: "error", message: expect.stringMatching(/required but not supplied/) })]))
      expect(await listing("KNOWN-TSHIRT")).toMatchObject({ status: "active", asin: "B0SANDBX13" })
      const changes = await amazon().listAmazonListingChanges({ store_id: storeId })
      expect(changes.map((c) => c.status).sort()).toEqual(["accepted", "rejected"])
    })

    it("holds a change set that would zero most of the store's stock, until a human confirms", async () => {
      // ASINs the demo seller does not sell in DE (on one it sells, its own offer would be adopted instead)
      const eans = ["0012345678905", "4260987650124", "4260987650155", "4260987650162", "4260987650209"]
      const catalog = ["4260987650070", "4260987650094", "4260987650100", "4260987650117", "4260987650131", "4260987650148"]
      const variants = [...eans, ...catalog].map((barcode, i) => ({ sku: `HOLD-${i}`, barcode, stock: 4 }))
      const skus = variants.map((v) => v.sku)
      // one product edit: its events arrive together and go out as one feed (Amazon allows 5 feeds per 5 minutes)
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Hold", variants })
      await waitFor(async () => (await amazon().listAmazonListings({ store_id: storeId, status: "submitted" })).length === skus.length, {
        what: "11 listings submitted",
      })
      await readFeeds()
      expect(await amazon().listAmazonListings({ store_id: storeId, status: "active" })).toHaveLength(11)

      sandbox().control.clearRequests()
      process.env.AMAZON_LISTINGS_SETTLE_MS = "2000" // production's pause: the whole import's events land in one send
      await setStocks(getContainer(), skus, locationId, 0) // e.g. a stock import gone wrong
      await waitFor(async () => (await amazon().listAmazonListingChanges({ store_id: storeId, status: "held" })).length === 11, {
        what: "the zeroing changes to be held",
      })
      expect(sandbox().control.requests({ operation: "patchListingsItem" })).toEqual([])
      // the run that held them says why (its errors are written as it ends; a later run may have started since)
      await waitFor(
        async () => {
          const recent = await amazon().listAmazonSyncRuns({ store_id: storeId, type: "listings" }, { order: { created_at: "DESC" }, take: 5 })
          return recent.some((r) => /would drop to zero stock at once/.test(JSON.stringify(r.errors)))
        },
        { what: "the listings run to record the safety hold" }
      )

      const { data: preview } = await api.get(`/admin/amazon/stores/${storeId}/listings/dry-run`, { headers })
      expect(preview.counts).toMatchObject({ total: 11, held: 11 })

      const { data } = await api.post(`/admin/amazon/stores/${storeId}/listings/held`, { action: "release" }, { headers })
      expect(data.released).toBe(11)
      await waitFor(async () => (await amazon().listAmazonListings({ store_id: storeId, quantity: 0 })).length === 11, {
        what: "the confirmed zeros to reach Amazon",
      })
    })

    it("shows what the next send would change in a dry run, and sends nothing for it", async () => {
      await offer("DRY-MUG", "4260987650100", 10)
      process.env.AMAZON_LISTINGS_SETTLE_MS = "4000"
      sandbox().control.clearRequests()
      await setStock(getContainer(), "DRY-MUG", locationId, 3)
      const preview = await waitFor(
        async () => {
          const { data } = await api.get(`/admin/amazon/stores/${storeId}/listings/dry-run`, { headers })
          return data.changes.length ? data : null
        },
        { what: "a pending change" }
      )
      expect(preview.changes).toEqual([
        expect.objectContaining({ sku: "DRY-MUG", operation: "patch", path: "fast_path", fields: [{ field: "quantity", old: 10, new: 3 }] }),
      ])
      expect(preview.would_hold).toBe(false)
      expect(sandbox().control.requests({ operation: "patchListingsItem" })).toEqual([])
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "DRY-MUG")).toMatchObject({ quantity: 10 })
    })

    it("lists the store's listings with filters, and Send to Amazon queues a product again", async () => {
      await offer("LIST-SHIRT", "4260987650148", 2)
      const product = await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "x", variants: [{ sku: "LIST-BAD", barcode: "123", stock: 1 }] })
      await refreshListingsWorkflow(getContainer()).run({ input: { product_ids: [product.id] } })

      const { data: active } = await api.get(`/admin/amazon/stores/${storeId}/listings?status=active`, { headers })
      expect(active.amazon_listings.map((l: { sku: string }) => l.sku)).toEqual(["LIST-SHIRT"])
      const { data: errors } = await api.get(`/admin/amazon/stores/${storeId}/listings?status=error&q=bad`, { headers })
      expect(errors).toMatchObject({ count: 1, amazon_listings: [expect.objectContaining({ sku: "LIST-BAD", marketplace: expect.objectContaining({ country_code: "DE" }) })] })

      const shirt = await listing("LIST-SHIRT")
      process.env.AMAZON_LISTINGS_SETTLE_MS = "4000"
      const { data: sent } = await api.post(`/admin/amazon/stores/${storeId}/listings`, { product_ids: [shirt.product_id] }, { headers })
      expect(sent).toEqual({ queued: 1, blocked: 0 })
      const invalid = await api.post(`/admin/amazon/stores/${storeId}/listings`, {}, { headers }).catch((e: any) => e)
      expect(invalid.response.status).toBe(400)

      const { data: widget } = await api.get(`/admin/amazon/products/${shirt.product_id}/listings`, { headers })
      expect(widget.amazon_listings[0]).toMatchObject({ sku: "LIST-SHIRT", store: { id: storeId } })
    })

    it("a variant on an ASIN the seller already sells takes over the seller's SKU: its stock is patched there, no second SKU", async () => {
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Shirt", variants: [{ sku: "LST-SHIRT-S", barcode: "4006381333931", stock: 5 }] })
      await waitFor(async () => (await listing("DEMO-TSHIRT-S"))?.status === "submitted", { what: "the seller's DEMO-TSHIRT-S patched" })
      await readFeeds()

      // asked Amazon which offers the seller has on the ASIN before creating one
      const asked = sandbox().control.requests({ operation: "searchListingsItems" }).filter((r: { query: Record<string, unknown> }) => r.query.identifiersType === "ASIN")
      expect(String(asked[0].query.identifiers)).toContain("B0SANDBX01")
      expect(await listing("DEMO-TSHIRT-S")).toMatchObject({ status: "active", asin: "B0SANDBX01", quantity: 5, fulfillment_channel: "DEFAULT", product_type: "SHIRT" })
      expect(await listing("LST-SHIRT-S")).toBeUndefined()
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "LST-SHIRT-S")).toBeUndefined()
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "DEMO-TSHIRT-S")).toMatchObject({ quantity: 5, productType: "SHIRT" })
      expect(sandbox().control.duplicateOffers(SANDBOX_EU.sellerId, GERMANY)).toEqual([])
      const [feed] = await amazon().listAmazonFeeds({ store_id: storeId })
      const document = JSON.parse(sandbox().control.feedDocument(feed.input_document_id!)!.content.toString("utf8"))
      // the price Amazon has is Medusa's (19.99): only the stock goes, under the listing's own product type
      expect(document.messages).toEqual([expect.objectContaining({ sku: "DEMO-TSHIRT-S", operationType: "PATCH", productType: "SHIRT" })])
      expect(document.messages[0].patches.map((p: { path: string }) => p.path)).toEqual(["/attributes/fulfillment_availability"])
    })
  },
})
