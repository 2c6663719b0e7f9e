import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { importAllAmazonListingsWorkflow, importListingsBatchWorkflow } from "../../src/workflows/listings-import"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(120_000)

const GERMANY = "A1PA6795UKMFR9"
// Reports finish in 0.1 s instead of a minute; quotas scale alike.
const sandbox = useSandbox({ timeScale: 600 })

/** The SP-API operations this import calls: their requests must match Amazon's models. */
const OUR_OPERATIONS = new Set(["createReport", "getReport", "getReportDocument", "searchListingsItems"])

const ALL_DATA_COLUMNS = 29
const tsvRow = (cells: Record<number, string>) => Array.from({ length: ALL_DATA_COLUMNS }, (_, i) => cells[i] ?? "").join("\t")

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    let locationId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      sandbox().control.clearValidationErrors()
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      storeId = data.amazon_store.id
      salesChannelId = data.amazon_store.sales_channel_id
      await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
      // listings-out stays off here, so only the import writes listings
      await toggles({ listings_import: true, include_inactive: false, listings_export: false })
      locationId = await createWarehouse(getContainer(), salesChannelId)
    })

    afterEach(() => {
      const ours = sandbox().control.validationErrors().filter((e: { operationId?: string }) => OUR_OPERATIONS.has(String(e.operationId)))
      expect(ours).toEqual([])
    })

    const toggles = (body: Record<string, boolean>) => api.post(`/admin/amazon/stores/${storeId}/marketplaces/${GERMANY}`, body, { headers })

    /** "Import listings now" as the admin does it: queue, then poll the run until it ends. */
    const importNow = async () => {
      const { status, data } = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "listings_import" }, { headers })
      expect(status).toBe(202)
      return waitFor(
        async () => {
          const { data: current } = await api.get(`/admin/amazon/sync-runs/${data.amazon_sync_run.id}`, { headers })
          return ["succeeded", "failed"].includes(current.amazon_sync_run.status) ? current.amazon_sync_run : null
        },
        { what: "the listings import to finish", timeoutMs: 60_000, everyMs: 250 }
      )
    }

    const productCount = async () => (await query().graph({ entity: "product", fields: ["id"] })).data.length
    const listingsBySku = async () => new Map((await amazon().listAmazonListings({ store_id: storeId })).map((l) => [l.sku, l]))
    const variantBySku = async (sku: string) =>
      (await query().graph({ entity: "product_variant", fields: ["id", "sku", "barcode", "product_id"], filters: { sku } })).data[0] as
        | { id: string; sku: string; barcode: string | null; product_id: string }
        | undefined

    /** The demo store: three SKUs as on Amazon, the mug under its own SKU (known by EAN), the book by its ISBN-10. */
    const seedCatalog = async () => {
      await createProductWithStock(getContainer(), {
        salesChannelId,
        locationId,
        title: "Organic Cotton T-Shirt",
        variants: [
          { sku: "DEMO-TSHIRT-S", barcode: "4006381333931", stock: 25 },
          { sku: "DEMO-TSHIRT-M", barcode: "5901234123457", stock: 12 },
        ],
      })
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Enamel Mug", variants: [{ sku: "MUG-BLUE-350", barcode: "4012345678901", stock: 40 }] })
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Field Guide", variants: [{ sku: "BOOK-PB", barcode: "0306406152", stock: 8 }] })
    }

    /**
     * Amazon's side: the seeded DE listings (4 known, AMZ-SUITCASE-55 unknown and active, AMZ-CANDLE-FIG unknown
     * and inactive), two more unknown ones, and three malformed lines at the end of the next report.
     */
    const seedAmazon = () => {
      sandbox().control.addListings({
        listings: [
          { sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, sku: "AMZ-LAMP-01", asin: "B0SANDBX09", itemName: '"Nordic" Stehlampe Größe M', description: 'Leinen, 12" Schirm', price: 89.5, quantity: 7 },
          { sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, sku: "AMZ-FBA-KIT", asin: "B0SANDBX10", itemName: "Travel Kit", price: 15, fulfillmentChannel: "AMAZON_EU", status: "Active" },
        ],
      })
      sandbox().control.addReportRows({
        sellerId: SANDBOX_EU.sellerId,
        marketplaceId: GERMANY,
        rows: ["only\ttwo fields", tsvRow({ 0: "Bad price", 3: "AMZ-BAD-PRICE", 4: "abc", 5: "1", 28: "Active" }), tsvRow({ 0: "No SKU", 4: "1.00", 5: "1", 28: "Active" })],
      })
      // header + 6 seeded + 2 added listings: the extra rows are lines 10–12
      return { malformedLines: [10, 11, 12] }
    }

    it("links known SKUs, creates unknown ones once, reports malformed rows by line, and a rerun changes nothing", async () => {
      await seedCatalog()
      const { malformedLines } = seedAmazon()
      const productsBefore = await productCount()

      // ---- run 1: inactive listings off
      const first = await importNow()
      expect(first.status).toBe("succeeded")
      expect(first.progress).toEqual({ done: 11, total: 11 })
      expect(first.counts).toMatchObject({
        rows: 11,
        linked: 4,
        created: 3,
        skipped: 4,
        skipped_inactive: 1,
        skipped_malformed: 3,
      })
      const malformed = first.errors.filter((e: { code: string }) => e.code === "malformed_row")
      expect(malformed.map((e: { line: number }) => e.line)).toEqual(malformedLines)
      expect(malformed.map((e: { message: string }) => e.message)).toEqual([
        expect.stringMatching(/DE all-listings report, line 10: has 2 fields where the header has 29; skipped/),
        expect.stringMatching(/line 11 \(SKU AMZ-BAD-PRICE\) has a price "abc" that is not a number/),
        expect.stringMatching(/line 12 has no seller-sku/),
      ])
      expect(await productCount()).toBe(productsBefore + 3)

      const listings = await listingsBySku()
      expect([...listings.keys()].sort()).toEqual(["AMZ-FBA-KIT", "AMZ-LAMP-01", "AMZ-SUITCASE-55", "DEMO-BOOK", "DEMO-MUG", "DEMO-TSHIRT-M", "DEMO-TSHIRT-S"])
      // known by EAN under another SKU, and by ISBN-10 ↔ ISBN-13: linked with Amazon's view of them
      expect(listings.get("DEMO-MUG")).toMatchObject({ variant_id: (await variantBySku("MUG-BLUE-350"))!.id, asin: "B0SANDBX03", status: "active", quantity: 40, currency_code: "EUR" })
      expect(Number(listings.get("DEMO-MUG")!.price)).toBe(12.5)
      expect(listings.get("DEMO-BOOK")).toMatchObject({ variant_id: (await variantBySku("BOOK-PB"))!.id, asin: "0306406152", quantity: null })
      expect(listings.get("DEMO-TSHIRT-S")).toMatchObject({ variant_id: (await variantBySku("DEMO-TSHIRT-S"))!.id, desired_hash: null, sent_hash: null })

      // unknown → a draft product in the store's channel, price in EUR, ASIN in metadata, no barcode, Amazon's stock
      const { data: suitcases } = await query().graph({
        entity: "product",
        fields: ["id", "title", "status", "handle", "metadata", "sales_channels.id", "variants.sku", "variants.barcode", "variants.ean", "variants.prices.amount", "variants.prices.currency_code", "variants.inventory_items.inventory.location_levels.location_id", "variants.inventory_items.inventory.location_levels.stocked_quantity"],
        filters: { id: listings.get("AMZ-SUITCASE-55")!.product_id! },
      })
      const suitcase = suitcases[0] as any
      expect(suitcase).toMatchObject({
        title: "Hardside Carry-On Spinner Suitcase 55 cm",
        status: "draft",
        handle: "hardside-carry-on-spinner-suitcase-55-cm",
        metadata: { amazon_asin: "B0SANDBX06", amazon_sku: "AMZ-SUITCASE-55", amazon_marketplace_id: GERMANY },
        sales_channels: [{ id: salesChannelId }],
      })
      const variant = suitcase.variants[0]
      expect(variant).toMatchObject({ sku: "AMZ-SUITCASE-55", barcode: null, ean: null })
      expect(variant.prices.map((p: { amount: number; currency_code: string }) => [Number(p.amount), p.currency_code])).toEqual([[129, "eur"]])
      expect(variant.inventory_items[0].inventory.location_levels).toEqual([expect.objectContaining({ location_id: locationId, stocked_quantity: 3 })])
      expect(listings.get("AMZ-SUITCASE-55")).toMatchObject({ variant_id: expect.stringMatching(/^variant_/), asin: "B0SANDBX06", status: "active", quantity: 3 })

      // quotes are text in Amazon's TSV; FBA products get no stock (Amazon holds it)
      const lamp = (await query().graph({ entity: "product", fields: ["title", "description"], filters: { id: listings.get("AMZ-LAMP-01")!.product_id! } })).data[0]
      expect(lamp).toMatchObject({ title: '"Nordic" Stehlampe Größe M', description: 'Leinen, 12" Schirm' })
      const kit = (await query().graph({ entity: "product_variant", fields: ["inventory_items.inventory.location_levels.id"], filters: { sku: "AMZ-FBA-KIT" } })).data[0] as any
      expect(kit.inventory_items[0].inventory.location_levels).toEqual([])

      const [marketplace] = await amazon().listAmazonMarketplaces({ store_id: storeId, marketplace_id: GERMANY })
      expect(marketplace.listings_imported_at).toBeTruthy()
      // English headers were asked for, one marketplace per report
      const created = sandbox().control.requests({ operation: "createReport" })
      expect(created.map((r) => r.body)).toEqual([
        { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [GERMANY], reportOptions: { preferredReportDocumentLocale: "en_US" } },
      ])

      // ---- run 2: inactive on, publish imports: the candle is created (published), what run 1 created is now known
      await toggles({ include_inactive: true })
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { publish_imported_products: true } }, { headers })
      const second = await importNow()
      expect(second.status).toBe("succeeded")
      expect(second.counts).toMatchObject({ rows: 9, linked: 7, created: 1, skipped: 0, already_imported: 1 })
      expect(await productCount()).toBe(productsBefore + 4)
      const candle = (await listingsBySku()).get("AMZ-CANDLE-FIG")!
      expect(candle).toMatchObject({ status: "inactive", quantity: 0 })
      const candleProduct = (await query().graph({ entity: "product", fields: ["status"], filters: { id: candle.product_id! } })).data[0]
      expect(candleProduct.status).toBe("published")
      expect(sandbox().control.requests({ operation: "createReport" }).slice(1).map((r) => (r.body as { reportType: string }).reportType)).toEqual([
        "GET_MERCHANT_LISTINGS_ALL_DATA",
        "GET_MERCHANT_LISTINGS_INACTIVE_DATA",
      ])

      // ---- run 3: nothing new
      const before = await listingsBySku()
      const third = await importNow()
      expect(third.counts).toMatchObject({ linked: 8, created: 0, skipped: 0 })
      expect(await productCount()).toBe(productsBefore + 4)
      const after = await listingsBySku()
      expect(after.size).toBe(8)
      for (const [sku, listing] of before) expect(after.get(sku)).toMatchObject({ id: listing.id, variant_id: listing.variant_id, product_id: listing.product_id })
    })

    it("links a product a crashed run created but did not link, instead of creating it again", async () => {
      // what a crash between createProducts and the listing write leaves: a product with the Amazon SKU, no listing
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Suitcase (left over)", variants: [{ sku: "AMZ-SUITCASE-55", stock: 3 }], status: "draft" })
      const leftover = (await variantBySku("AMZ-SUITCASE-55"))!
      const productsBefore = await productCount()
      const run = await importNow()
      // the four DEMO-* SKUs are unknown to this store: created; the suitcase: linked
      expect(run.counts).toMatchObject({ linked: 1, created: 4 })
      expect(await productCount()).toBe(productsBefore + 4)
      expect((await listingsBySku()).get("AMZ-SUITCASE-55")).toMatchObject({ variant_id: leftover.id, product_id: leftover.product_id })
    })

    it("skips an Amazon SKU whose variant is already listed under another SKU, saying which", async () => {
      await seedCatalog()
      const mug = (await variantBySku("MUG-BLUE-350"))!
      // an offer Amazon took under the Medusa SKU (an unsent draft would be taken over by Amazon's SKU instead)
      await amazon().createAmazonListings({ store_id: storeId, marketplace_id: GERMANY, sku: "MUG-BLUE-350", variant_id: mug.id, product_id: mug.product_id, status: "active", sent_hash: "sent" })
      const run = await importNow()
      expect(run.counts).toMatchObject({ linked: 3, created: 1, skipped_conflict: 1 })
      expect(run.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: "conflict_listing", sku: "DEMO-MUG", message: expect.stringMatching(/matches variant MUG-BLUE-350 \(by EAN\), which is already listed here as SKU MUG-BLUE-350/) }),
        ])
      )
      expect((await listingsBySku()).has("DEMO-MUG")).toBe(false)
    })

    it("links by an ASIN kept in variant metadata when the store maps ASIN to a metadata key", async () => {
      await api.post(`/admin/amazon/stores/${storeId}`, { product_id_type: "ASIN", product_id_attribute: "metadata.asin" }, { headers })
      await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "Our suitcase",
              options: [{ title: "Size", values: ["55"] }],
              variants: [{ title: "55", sku: "LOCAL-SUITCASE", options: { Size: "55" }, metadata: { asin: "B0SANDBX06" }, prices: [{ currency_code: "eur", amount: 120 }] }],
            },
          ],
        },
      })
      const run = await importNow()
      expect(run.counts).toMatchObject({ linked: 1, created: 4 })
      expect((await listingsBySku()).get("AMZ-SUITCASE-55")).toMatchObject({ variant_id: (await variantBySku("LOCAL-SUITCASE"))!.id })
    })

    it("the daily job imports every connected store that has “Import listings” on", async () => {
      const { result } = await importAllAmazonListingsWorkflow(getContainer()).run()
      expect(result).toEqual([{ store_id: storeId, run_id: expect.any(String), status: "succeeded" }])
      const [run] = await amazon().listAmazonSyncRuns({ store_id: storeId, type: "listings_import" })
      expect(run).toMatchObject({ trigger: "schedule", status: "succeeded", counts: expect.objectContaining({ created: 5 }) })

      await toggles({ listings_import: false })
      expect((await importAllAmazonListingsWorkflow(getContainer()).run()).result).toEqual([])
    })

    it("a report cut off in transfer fails the run with Amazon's reason and stamps nothing", async () => {
      sandbox().control.addFault({ operation: "downloadDocument", kind: "truncated-gzip", count: 1 })
      const run = await importNow()
      expect(run.status).toBe("failed")
      expect(run.errors).toEqual([
        expect.objectContaining({ code: "amazon_error", marketplace_id: GERMANY, message: expect.stringMatching(/DE all-listings report.*could not be read completely/) }),
      ])
      const [marketplace] = await amazon().listAmazonMarketplaces({ store_id: storeId, marketplace_id: GERMANY })
      expect(marketplace.listings_imported_at).toBeNull()
      // the next run reads it again
      expect((await importNow()).status).toBe("succeeded")
    })

    it("stops cleanly and pauses the store when Amazon revokes the authorization", async () => {
      sandbox().control.revokeSeller(SANDBOX_EU.sellerId)
      const productsBefore = await productCount()
      const run = await importNow()
      expect(run.status).toBe("failed")
      expect(run.errors).toEqual([expect.objectContaining({ code: "authorization_lost", fatal: true })])
      expect(await productCount()).toBe(productsBefore)
      const store = await amazon().retrieveAmazonStore(storeId)
      expect(["revoked", "expired"]).toContain(store.status)
    })

    it("a batch whose listing write fails leaves no product behind (compensation)", async () => {
      const productsBefore = await productCount()
      const error = await importListingsBatchWorkflow(getContainer())
        .run({
          input: {
            store_id: storeId,
            marketplace_id: GERMANY,
            currency_code: "eur",
            synced_at: new Date().toISOString(),
            location_id: locationId,
            // an update of a listing that does not exist makes the last step fail
            links: [{ sku: "GHOST", asin: null, status: "active", price: 1, quantity: 1, fulfillment_channel: "DEFAULT", condition_type: "new_new", existing_id: "amzlst_missing", restore: false, variant_id: "variant_x", product_id: "prod_x" }],
            products: [
              {
                title: "Rolled back",
                handle: "rolled-back",
                status: "draft",
                options: [{ title: "Default option", values: ["Default option value"] }],
                variants: [{ title: "Rolled back", sku: "AMZ-ROLLBACK", manage_inventory: true, options: { "Default option": "Default option value" }, prices: [{ currency_code: "eur", amount: 5 }] }],
                sales_channels: [{ id: salesChannelId }],
                metadata: { amazon_sku: "AMZ-ROLLBACK" },
              },
            ],
            new_listings: [{ fields: { sku: "AMZ-ROLLBACK", asin: null, status: "active", price: 5, quantity: 2, fulfillment_channel: "DEFAULT", condition_type: "new_new" }, existing_id: null, restore: false, stock: 2 }],
          },
        })
        .catch((e: { message?: string }) => e)
      expect(error).toMatchObject({ message: expect.stringMatching(/amzlst_missing/) })
      expect(await productCount()).toBe(productsBefore)
      expect(await variantBySku("AMZ-ROLLBACK")).toBeUndefined()
      expect(await amazon().listAmazonListings({ store_id: storeId, sku: "AMZ-ROLLBACK" })).toEqual([])
      const inventory = getContainer().resolve(Modules.INVENTORY)
      expect(await inventory.listInventoryItems({ sku: "AMZ-ROLLBACK" })).toEqual([])
    })
  },
})
