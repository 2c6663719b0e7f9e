import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { pollListingFeedsWorkflow } from "../../src/workflows/listings"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { DEMO_SKUS, GERMANY, importOrders, ledger, ledgerRow, medusaOrdersByAmazonId, setUpAmazonStore } from "../http/orders-setup"

/**
 * Amazon answering nonsense — bodies that are not JSON, wrong types in valid JSON, cut-off documents,
 * broken report rows, processing reports with fields and words we do not know — must end a run with an
 * error that says what was wrong, or skip the one thing that was wrong, and leave nothing half-written:
 * the database is compared before and after, and a clean run afterwards completes normally.
 */

jest.setTimeout(240_000)

// event-triggered sends wait this long to merge bursts (production: 2 s), feeds gather 1.5 s (production: 10 s)
process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
process.env.AMAZON_FEED_GATHER_MS = "1500"

// Amazon's time runs 600× faster: searchOrders refills a token every 0.3 s, feeds and reports finish in 0.15 s
const sandbox = useSandbox({ timeScale: 600 })

const DAY_MS = 24 * 60 * 60 * 1000
const ALL_DATA_COLUMNS = 29
const tsvRow = (cells: Record<number, string>) => Array.from({ length: ALL_DATA_COLUMNS }, (_, i) => cells[i] ?? "").join("\t")

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    beforeEach(async () => {
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
    })

    afterEach(() => {
      // we corrupt Amazon's answers, never our requests: every request still matched Amazon's models
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    describe("orders in", () => {
      let storeId: string
      beforeEach(async () => {
        ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
      })
      afterEach(() => expect(sandbox().control.stats().totals.throttled).toBe(0))

      const cursor = async () => (await amazon().listAmazonMarketplaces({ store_id: storeId, marketplace_id: GERMANY }))[0].orders_cursor
      /** What an order import writes: ledger rows (status, Medusa order), the cursor, Medusa orders. */
      const written = async () => ({
        ledger: (await ledger(getContainer(), storeId)).map((r) => `${r.amazon_order_id} ${r.import_status} ${r.order_id ?? "-"}`).sort(),
        cursor: (await cursor())?.toString() ?? null,
        medusa_orders: [...(await medusaOrdersByAmazonId(getContainer())).values()].flat().sort(),
      })
      const nothingWritten = { ledger: [], cursor: null, medusa_orders: [] }

      it("quarantines a malformed order with what is wrong, commits the rest of its page and moves on; a run or retry imports it once Amazon sends it readable", async () => {
        // three orders older than the demo's, so they come first on the page
        const sixDaysAgo = Date.now() - 6 * DAY_MS
        const {
          orderIds: [badTotal, noProduct],
        } = await sandbox().control.addOrders({
          orders: [0, 1, 2].map((i) => ({ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items: [{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }], createdAt: sixDaysAgo + i * 60_000 })),
        })
        sandbox().control.addFault({
          operation: "searchOrders",
          kind: "mutate",
          count: 1,
          patch: [
            { op: "replace", path: "/orders/0/proceeds/grandTotal/amount", value: { value: "12.50" } },
            { op: "remove", path: "/orders/1/orderItems/0/product" },
            { op: "remove", path: "/orders/2/orderId" },
          ],
        })

        const { result } = await importOrders(getContainer(), storeId)
        // one order's shape is no reason to fail the run: the others are in, each bad one is named
        expect(result.status).toBe("succeeded")
        expect(result.counts).toMatchObject({ pages: 1, orders_read: 5, orders_quarantined: 2, orders_skipped_malformed: 1 })
        expect(result.errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ code: "malformed_order", amazon_order_id: badTotal, message: expect.stringContaining("proceeds.grandTotal.amount is an object, not a decimal amount") }),
            expect.objectContaining({ code: "malformed_order", amazon_order_id: noProduct, message: expect.stringContaining("orderItems[0].product is missing") }),
            expect.objectContaining({ code: "malformed_order", message: "Amazon sent an order without a readable order id (orderId is missing); it was skipped." }),
          ])
        )
        expect((result.errors as unknown as Array<{ fatal?: boolean }>).filter((e) => e.fatal)).toEqual([])

        const rows = await ledger(getContainer(), storeId)
        expect(rows).toHaveLength(7) // the demo's 5 + the 2 quarantined; the one without an id cannot be stored
        // the demo's pending order would complete on its own 30 simulated minutes after the reset: complete it
        // now, so that what the runs below import does not depend on how fast this machine is
        const pending = rows.find((r) => r.amazon_status === "PENDING")
        if (pending) sandbox().control.updateOrder(pending.amazon_order_id, { status: "Unshipped" })
        for (const id of [badTotal, noProduct]) {
          const row = await ledgerRow(getContainer(), storeId, id)
          expect(row).toMatchObject({ import_status: "failed", order_id: null, amazon_status: "UNSHIPPED", issues: [expect.objectContaining({ code: "malformed_order" })] })
          expect((row.issues as unknown as Array<{ message: string }>)[0].message).toMatch(new RegExp(`^Amazon sent order ${id} in a shape that cannot be read \\(.+\\)\\. It was not imported; retry fetches it from Amazon again\\.$`))
        }
        // the cursor moved past the page: the bad orders did not stop the marketplace's import
        const afterFirst = await cursor()
        expect(afterFirst).not.toBeNull()
        expect(new Date(afterFirst!).getTime()).toBeGreaterThan(Date.now() - 60_000)
        const imported = rows.filter((r) => r.order_id)
        expect(imported.length).toBeGreaterThanOrEqual(3)
        const byAmazonId = await medusaOrdersByAmazonId(getContainer())
        expect(byAmazonId.size).toBe(imported.length)
        expect(byAmazonId.has(badTotal) || byAmazonId.has(noProduct)).toBe(false)

        // retry while Amazon still sends it malformed: it stays quarantined, saying what is wrong now
        const quarantined = await ledgerRow(getContainer(), storeId, badTotal)
        sandbox().control.addFault({ operation: "getOrder", kind: "mutate", count: 1, patch: [{ op: "replace", path: "/order/proceeds/grandTotal/amount", value: 12.5 }] })
        const stillBad = await api.post(`/admin/amazon/orders/${quarantined.id}/retry`, {}, { headers })
        expect(stillBad.data.amazon_order).toMatchObject({ import_status: "failed", order_id: null, issues: [expect.objectContaining({ code: "malformed_order", message: expect.stringContaining("proceeds.grandTotal.amount is a number with decimals, not a decimal amount") })] })
        expect(sandbox().control.requests({ operation: "getOrder" })).toHaveLength(1)

        // retry once Amazon sends it readable: fetched again and imported, once
        const retried = await api.post(`/admin/amazon/orders/${quarantined.id}/retry`, {}, { headers })
        expect(retried.data.amazon_order).toMatchObject({ import_status: "imported", issues: null, order_id: expect.stringMatching(/^order_/) })
        expect(Number(retried.data.amazon_order.total)).toBe(12.5)

        // the next scheduled run fetches the other one again and imports it; the anonymous one stays skipped
        const { result: second } = await importOrders(getContainer(), storeId, { trigger: "schedule" })
        expect(second.status).toBe("succeeded")
        expect(second.counts).toMatchObject({ refetched: 1 })
        expect(await ledgerRow(getContainer(), storeId, noProduct)).toMatchObject({ import_status: "imported", issues: null, order_id: expect.stringMatching(/^order_/) })
        const getOrders = sandbox().control.requests({ operation: "getOrder" }).length
        expect(getOrders).toBe(3)
        expect(new Date((await cursor())!).getTime()).toBeGreaterThanOrEqual(new Date(afterFirst!).getTime())

        // exactly once, and a third run changes nothing (and asks Amazon for no order again)
        const before = await written()
        await importOrders(getContainer(), storeId)
        const after = await written()
        expect(after.ledger).toEqual(before.ledger)
        expect(after.medusa_orders).toEqual(before.medusa_orders)
        const all = await medusaOrdersByAmazonId(getContainer())
        expect([...all.values()].every((ids) => ids.length === 1)).toBe(true)
        expect(all.has(badTotal) && all.has(noProduct)).toBe(true)
        expect(sandbox().control.requests({ operation: "getOrder" })).toHaveLength(getOrders)
      })

      it("fails a run whose page is not a list of orders, naming the field, and stores nothing of it", async () => {
        sandbox().control.addFault({ operation: "searchOrders", kind: "mutate", count: 1, patch: [{ op: "replace", path: "/orders", value: "none" }] })
        const { result } = await importOrders(getContainer(), storeId)
        expect(result.status).toBe("failed")
        expect(result.errors).toEqual([
          expect.objectContaining({
            code: "malformed_page",
            fatal: true,
            message: `Amazon's searchOrders answer for marketplace ${GERMANY} cannot be read (orders is a text, not a list). Nothing of this page was stored and the cursor did not move; the next run asks again.`,
          }),
        ])
        expect(await written()).toEqual(nothingWritten)

        const { result: clean } = await importOrders(getContainer(), storeId)
        expect(clean.status).toBe("succeeded")
        expect(await ledger(getContainer(), storeId)).toHaveLength(5)
      })

      it("fails a run when a page is not JSON, keeping the pages before it and no half page; the next run resumes at the cursor", async () => {
        await sandbox().control.addOrders({ generate: { count: 120, sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, skus: DEMO_SKUS } })
        let searches = 0
        // every answer from the second page on is cut in half (all 6 tries of it)
        const stop = sandbox().control.onRequest((request) => {
          if (request.operationId === "searchOrders" && ++searches === 2) sandbox().control.addFault({ operation: "searchOrders", kind: "malformed" })
        })
        // ledger only: this is about pages and the cursor (Medusa orders are counted in authorization-lost.spec)
        const { result } = await importOrders(getContainer(), storeId, { create_orders: false })
        stop()
        expect(result.status).toBe("failed")
        expect(result.errors).toEqual([
          expect.objectContaining({ code: "MalformedResponse", fatal: true, message: expect.stringMatching(/^Could not read orders from Amazon: Amazon's answer was not valid JSON \(6 times\) \[request id [\w-]+\]\. Nothing was changed; the next run asks again\.$/) }),
        ])
        expect(result.counts).toMatchObject({ pages: 1, orders_read: 100 })

        // exactly the first page, and the cursor at its latest order (pages come sorted by update time)
        const firstPage = await ledger(getContainer(), storeId)
        expect(firstPage).toHaveLength(100)
        const latest = Math.max(...firstPage.map((r) => new Date(r.amazon_updated_at!).getTime()))
        expect(new Date((await cursor())!).getTime()).toBe(latest)

        sandbox().control.clearFaults()
        const { result: resumed } = await importOrders(getContainer(), storeId, { create_orders: false })
        expect(resumed.status).toBe("succeeded")
        const rows = await ledger(getContainer(), storeId)
        expect(rows).toHaveLength(125)
        expect(new Set(rows.map((r) => r.amazon_order_id)).size).toBe(125)
        // it started at the cursor (minus the overlap), not at the beginning
        const [, again] = sandbox().control.requests({ operation: "searchOrders" }).filter((r) => !r.fault && !r.query.paginationToken)
        expect(new Date(String(again.query.lastUpdatedAfter)).getTime()).toBe(latest - 10 * 60 * 1000)
      })
    })

    describe("listings out", () => {
      let storeId: string
      let salesChannelId: string
      let locationId: string
      beforeEach(async () => {
        const { data } = await api.post(
          "/admin/amazon/stores",
          { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
          { headers }
        )
        storeId = data.amazon_store.id
        salesChannelId = data.amazon_store.sales_channel_id
        await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
        locationId = await createWarehouse(getContainer(), salesChannelId)
      })

      const listing = async (sku: string) => (await amazon().listAmazonListings({ store_id: storeId, sku }))[0]
      const changesOf = async () => (await amazon().listAmazonListingChanges({ store_id: storeId })).map((c) => ({ sku: c.sku, status: c.status, claimed_by: c.claimed_by, message: c.feed_message_id }))
      /** The event-triggered send (and its own read-back) has finished: the listings lock is free again. */
      const sendsSettled = () =>
        waitFor(async () => !(await amazon().listAmazonSyncRuns({ store_id: storeId, status: ["queued", "running"] as never })).length, { what: "the send to finish" })
      const poll = async () => (await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })).result

      it("leaves a feed's results unread when getFeed, getFeedDocument or the report download answer garbage, and reads them on the next poll", async () => {
        // from the start: the send's own read-back meets them too
        sandbox().control.addFault({ operation: "getFeed", kind: "malformed" })
        await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Shirt", variants: [{ sku: "FZ-SHIRT", barcode: "4260987650094", stock: 5 }] })
        await waitFor(async () => (await listing("FZ-SHIRT"))?.status === "submitted", { what: "FZ-SHIRT submitted" })
        await sendsSettled()
        const [feed] = await amazon().listAmazonFeeds({ store_id: storeId })
        const unread = { listing: "submitted", changes: [{ sku: "FZ-SHIRT", status: "claimed", claimed_by: feed.id, message: 1 }] }
        const state = async () => ({ listing: (await listing("FZ-SHIRT")).status, changes: await changesOf() })
        expect(await state()).toEqual(unread)

        for (const [operation, kind, said] of [
          ["getFeed", "malformed", /Could not read the result of feed \S+: Amazon's answer was not valid JSON/],
          ["getFeedDocument", "malformed", /Could not read the result of feed \S+: Amazon's answer was not valid JSON/],
          ["downloadDocument", "truncated-gzip", /Could not read the result of feed \S+: the document Amazon sent could not be read completely/],
        ] as const) {
          sandbox().control.clearFaults()
          sandbox().control.addFault({ operation, kind })
          const result = await poll()
          expect(result).toMatchObject({ feeds: 1, finished: 0, accepted: 0, rejected: 0 })
          expect(result.errors).toEqual([expect.stringMatching(new RegExp(`^Feed ${feed.amazon_feed_id}: ${said.source}`))])
          expect(await state()).toEqual(unread)
          expect((await amazon().retrieveAmazonFeed(feed.id)).completed_at).toBeNull()
        }

        sandbox().control.clearFaults()
        expect(await poll()).toMatchObject({ finished: 1, accepted: 1, errors: [] })
        expect(await listing("FZ-SHIRT")).toMatchObject({ status: "active", asin: "B0SANDBX09", quantity: 5 })
        expect((await changesOf())[0].status).toBe("accepted")
      })

      it("reads a processing report with fields, severities and message ids it does not know, and says what it did not recognize", async () => {
        sandbox().control.addFault({
          operation: "downloadDocument",
          kind: "mutate",
          count: 1,
          patch: [
            { op: "add", path: "/header/processingNode", value: { region: "eu-west-1", build: 42 } },
            { op: "add", path: "/issues/-", value: { messageId: 1, code: "NEW-1", severity: "CRITICAL", message: "A severity Amazon never used before", attributeName: "purchasable_offer" } },
            { op: "add", path: "/issues/-", value: { messageId: "2", code: "8675309", severity: "WARNING", message: "A code we do not know, for a message id sent as text", categories: ["NEW"] } },
            { op: "add", path: "/issues/-", value: { messageId: 77, code: "90000", severity: "ERROR", message: "About a message the feed did not have" } },
            { op: "add", path: "/summary/brandNewCounter", value: 3 },
            { op: "add", path: "/items", value: [{ sku: "FZ-A", status: ["SOMETHING_NEW"], unknown: { deep: true } }] },
          ],
        })
        // one product edit: both offers go out in one feed, messages 1 and 2
        await createProductWithStock(getContainer(), {
          salesChannelId,
          locationId,
          title: "Pair",
          variants: [
            // catalog ASINs the demo seller does not sell in DE: offers are created (on one it sells, its own is adopted)
            { sku: "FZ-A", barcode: "4260987650070", stock: 3 },
            { sku: "FZ-B", barcode: "4260987650100", stock: 4 },
          ],
        })
        await waitFor(async () => (await listing("FZ-A"))?.status === "submitted" && (await listing("FZ-B"))?.status === "submitted", { what: "both submitted" })
        await sendsSettled()
        await waitFor(async () => (await poll()).feeds === 0, { what: "the feed to be read" })

        const changes = await amazon().listAmazonListingChanges({ store_id: storeId })
        const bySku = Object.fromEntries(changes.map((c) => [c.sku, c]))
        const first = changes.find((c) => c.feed_message_id === 1)!
        const second = changes.find((c) => c.feed_message_id === 2)!
        // the unknown severity is not taken as acceptance: that message is rejected with Amazon's words
        expect(first.status).toBe("rejected")
        expect(await listing(first.sku)).toMatchObject({
          status: "error",
          issues: expect.arrayContaining([
            expect.objectContaining({ source: "amazon", code: "NEW-1", severity: "error", field: "amazon:purchasable_offer", message: expect.stringContaining('Amazon\'s severity "CRITICAL" is not one we know') }),
          ]),
        })
        // the message id sent as text still finds its message; an unknown code is just data
        expect(second.status).toBe("accepted")
        expect(await listing(second.sku)).toMatchObject({ status: "active", issues: expect.arrayContaining([expect.objectContaining({ code: "8675309", severity: "warning" })]) })
        expect(Object.keys(bySku).sort()).toEqual(["FZ-A", "FZ-B"])

        const [feed] = await amazon().listAmazonFeeds({ store_id: storeId })
        expect(feed.status).toBe("done")
        expect(feed.summary).toMatchObject({
          brandNewCounter: 3,
          unrecognized: [
            'an issue of unknown severity "CRITICAL" (code NEW-1) was counted as an error',
            "an issue names message 77, which this feed did not have (About a message the feed did not have)",
          ],
        })
      })
    })

    describe("listings in", () => {
      let storeId: string
      let salesChannelId: string
      beforeEach(async () => {
        const { data } = await api.post(
          "/admin/amazon/stores",
          { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
          { headers }
        )
        storeId = data.amazon_store.id
        salesChannelId = data.amazon_store.sales_channel_id
        await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
        // listings out stays off here, so only the import writes listings
        await api.post(`/admin/amazon/stores/${storeId}/marketplaces/${GERMANY}`, { listings_import: true, include_inactive: false, listings_export: false }, { headers })
        await createWarehouse(getContainer(), salesChannelId)
      })

      /** "Import listings now" as the admin does it: queue, then poll the run until it ends. */
      const importNow = async () => {
        const { data } = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "listings_import" }, { headers })
        return waitFor(
          async () => {
            const { data: current } = await api.get(`/admin/amazon/sync-runs/${data.amazon_sync_run.id}`, { headers })
            return ["succeeded", "failed"].includes(current.amazon_sync_run.status) ? current.amazon_sync_run : null
          },
          { what: "the listings import to finish", timeoutMs: 60_000, everyMs: 250 }
        )
      }
      const written = async () => ({
        listings: (await amazon().listAmazonListings({ store_id: storeId })).map((l) => l.sku).sort(),
        products: ((await query().graph({ entity: "product", fields: ["id"] })).data as Array<{ id: string }>).map((p) => p.id).sort(),
        imported_at: (await amazon().listAmazonMarketplaces({ store_id: storeId, marketplace_id: GERMANY }))[0].listings_imported_at,
      })

      it("fails the run with what Amazon sent when createReport or getReport answer garbage, imports nothing, and a clean run imports", async () => {
        const before = await written()
        expect(before).toMatchObject({ listings: [], imported_at: null })
        for (const [operation, action] of [
          ["createReport", "request"],
          ["getReport", "check"],
        ] as const) {
          sandbox().control.clearFaults()
          sandbox().control.addFault({ operation, kind: "malformed" })
          const run = await importNow()
          expect(run.status).toBe("failed")
          expect(run.errors).toEqual([
            expect.objectContaining({
              code: "amazon_error",
              marketplace_id: GERMANY,
              message: expect.stringMatching(new RegExp(`^Could not ${action} the DE all-listings report: Amazon's answer was not valid JSON \\(6 times\\)`)),
            }),
          ])
          expect(await written()).toEqual(before)
        }

        sandbox().control.clearFaults()
        const clean = await importNow()
        expect(clean.status).toBe("succeeded")
        expect((await written()).listings).toEqual(["AMZ-SUITCASE-55", "DEMO-BOOK", "DEMO-MUG", "DEMO-TSHIRT-M", "DEMO-TSHIRT-S"])
      })

      it("fails the run on a report cut off while it is being imported, keeping nothing of it; the next run reads it again", async () => {
        const before = await written()
        let downloads = 0
        // the first download (counting lines) is whole; the second (importing them) is cut in half
        const stop = sandbox().control.onRequest((request) => {
          if (request.operationId === "downloadDocument" && ++downloads === 2) sandbox().control.addFault({ operation: "downloadDocument", kind: "truncated-gzip", count: 1 })
        })
        const run = await importNow()
        stop()
        expect(downloads).toBe(2)
        expect(run.status).toBe("failed")
        expect(run.errors).toEqual([
          expect.objectContaining({
            code: "amazon_error",
            message: "Could not download the DE all-listings report: the document Amazon sent could not be read completely (a cut-off transfer or corrupt gzip). Nothing of it was used; the next run reads it again.",
          }),
        ])
        expect(await written()).toEqual(before)

        expect((await importNow()).status).toBe("succeeded")
        expect((await written()).listings).toHaveLength(5)
      })

      it("skips broken rows — wrong field count, bad quantities, bytes that are not UTF-8 — each counted and named by line, and imports the good ones", async () => {
        // a UTF-8 title early in the report, so the report is read as UTF-8 (as Amazon's are)
        sandbox().control.addListings({
          listings: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, sku: "AMZ-LAMP-01", asin: "B0SANDBX09", itemName: "Stehlampe Größe M", price: 89.5, quantity: 7 }],
        })
        const good = (sku: string, quantity: string) => tsvRow({ 0: `Item ${sku}`, 3: sku, 4: "5.00", 5: quantity, 26: "DEFAULT", 28: "Active" })
        sandbox().control.addReportRows({
          sellerId: SANDBOX_EU.sellerId,
          marketplaceId: GERMANY,
          rows: [
            "only\ttwo fields",
            good("FZ-NEG", "-3"),
            good("FZ-HALF", "1.5"),
            good("FZ-WORDS", "viele"),
            // written in Windows-1252 inside a UTF-8 report: "Café" with a lone 0xE9
            Buffer.from(good("FZ-CAFE", "2").replace("Item FZ-CAFE", "Caf\u00e9"), "latin1"),
            tsvRow({ 0: "Tee", 3: "FZ-GOOD", 4: "4.50", 5: "9", 26: "DEFAULT", 28: "Active" }),
          ],
        })
        const run = await importNow()
        expect(run.status).toBe("succeeded")
        // header, 6 seeded listings, the lamp: the added rows are lines 9–14
        expect(run.counts).toMatchObject({ rows: 13, skipped_malformed: 5, skipped_inactive: 1, created: 7 })
        const malformed = run.errors.filter((e: { code: string }) => e.code === "malformed_row")
        expect(malformed.map((e: { line: number; message: string }) => [e.line, e.message])).toEqual([
          [9, "The DE all-listings report, line 9: has 2 fields where the header has 29; skipped."],
          [10, 'The DE all-listings report, line 10 (SKU FZ-NEG) has a quantity "-3" that is not a whole number ≥ 0; skipped.'],
          [11, 'The DE all-listings report, line 11 (SKU FZ-HALF) has a quantity "1.5" that is not a whole number ≥ 0; skipped.'],
          [12, 'The DE all-listings report, line 12 (SKU FZ-WORDS) has a quantity "viele" that is not a whole number ≥ 0; skipped.'],
          [13, 'The DE all-listings report, line 13: has bytes that are not valid UTF-8 in item-name ("Caf?"); skipped.'],
        ])
        const listings = await amazon().listAmazonListings({ store_id: storeId })
        expect(listings.map((l) => l.sku).sort()).toEqual(["AMZ-LAMP-01", "AMZ-SUITCASE-55", "DEMO-BOOK", "DEMO-MUG", "DEMO-TSHIRT-M", "DEMO-TSHIRT-S", "FZ-GOOD"])
        const lamp = listings.find((l) => l.sku === "AMZ-LAMP-01")!
        const { data } = await query().graph({ entity: "product", fields: ["title"], filters: { id: lamp.product_id! } })
        expect(data[0].title).toBe("Stehlampe Größe M")
      })
    })
  },
})
