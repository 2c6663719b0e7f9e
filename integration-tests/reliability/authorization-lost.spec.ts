import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { importAllAmazonListingsWorkflow } from "../../src/workflows/listings-import"
import { pollListingFeedsWorkflow, sendQueuedListingChangesWorkflow } from "../../src/workflows/listings"
import { importDueAmazonOrdersWorkflow } from "../../src/workflows/orders/import-due-amazon-orders"
import { confirmDueAmazonShipmentsWorkflow } from "../../src/workflows/shipments"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, setStock, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { DEMO_SKUS, GERMANY, importOrders, ledger, medusaOrdersByAmazonId, setUpAmazonStore } from "../http/orders-setup"

/**
 * The seller revokes the app (or its authorization lapses) in the middle of a run: the run ends with
 * "Authorization lost…", the store is paused, what was committed stays and nothing is half-written, no
 * scheduled run calls Amazon for the store while it is paused, and after re-authorization the next run
 * carries on from where the lost one stopped — every order and every listing change exactly once.
 */

jest.setTimeout(240_000)

process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
process.env.AMAZON_FEED_GATHER_MS = "1500"

const sandbox = useSandbox({ timeScale: 600 })

const HOUR_MS = 60 * 60 * 1000
const AUTHORIZATION_LOST = /^Authorization lost: Amazon no longer accepts this store's authorization \(invalid_grant: .+\)\. Sync is paused: re-authorize the store to resume\.$/

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)

    beforeEach(async () => {
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
    })

    afterEach(() => {
      expect(sandbox().control.validationErrors()).toEqual([])
      expect(sandbox().control.stats().totals.throttled).toBe(0)
    })

    /** Revokes the seller as the `n`-th request of `operation` arrives: that very request is refused. */
    const revokeAt = (operation: string, n: number) => {
      let seen = 0
      const stop = sandbox().control.onRequest((request) => {
        if (request.operationId === operation && ++seen === n) {
          sandbox().control.revokeSeller(SANDBOX_EU.sellerId)
          stop()
        }
      })
      return stop
    }

    /** Every scheduled job that could talk to Amazon for the store, as the scheduler would run them (orders due by the clock). */
    const scheduledRuns = async () => {
      await importDueAmazonOrdersWorkflow(getContainer()).run({ input: { now: new Date(Date.now() + HOUR_MS) } })
      await sendQueuedListingChangesWorkflow(getContainer()).run({ input: { trigger: "schedule" } })
      await importAllAmazonListingsWorkflow(getContainer()).run()
      await confirmDueAmazonShipmentsWorkflow(getContainer()).run({ input: {} })
    }

    /** The seller authorizes the app again; the store owner pastes the new token (as in connect.spec). */
    const reauthorize = async (storeId: string) => {
      const { refreshToken } = sandbox().control.restoreSeller(SANDBOX_EU.sellerId)
      const { data } = await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: refreshToken }, { headers })
      expect(data.amazon_store).toMatchObject({ status: "connected", status_message: null })
    }

    const expectPaused = async (storeId: string) => {
      const store = await amazon().retrieveAmazonStore(storeId)
      expect(store.status).toBe("revoked")
      expect(store.status_message).toMatch(/Sync is paused: re-authorize the store to resume/)
    }

    it("orders: stops after the committed page, pauses the store, calls Amazon no more, and after re-authorization imports every remaining order exactly once", async () => {
      const { storeId } = await setUpAmazonStore(getContainer(), api, headers)
      // 201 + the demo's 5: three pages (100, 100, 6)
      await sandbox().control.addOrders({ generate: { count: 201, sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, skus: DEMO_SKUS } })
      const cursor = async () => (await amazon().listAmazonMarketplaces({ store_id: storeId, marketplace_id: GERMANY }))[0].orders_cursor

      revokeAt("searchOrders", 2)
      const { result } = await importOrders(getContainer(), storeId)
      expect(result.status).toBe("failed")
      const errors = result.errors as unknown as Array<{ code: string; message: string; fatal?: boolean }>
      expect(errors.filter((e) => e.fatal)).toEqual([expect.objectContaining({ code: "authorization_lost", message: expect.stringMatching(AUTHORIZATION_LOST) })])
      expect(result.counts).toMatchObject({ pages: 1, orders_read: 100 })
      await expectPaused(storeId)

      // the first page, whole, with its Medusa orders; the cursor at its latest order; nothing of page 2
      const committed = await ledger(getContainer(), storeId)
      expect(committed).toHaveLength(100)
      const latest = Math.max(...committed.map((r) => new Date(r.amazon_updated_at!).getTime()))
      expect(new Date((await cursor())!).getTime()).toBe(latest)
      const firstOrders = await medusaOrdersByAmazonId(getContainer())
      expect(firstOrders.size).toBe(committed.filter((r) => r.order_id).length)
      expect(firstOrders.size).toBeGreaterThanOrEqual(95)
      expect([...firstOrders.values()].every((ids) => ids.length === 1)).toBe(true)

      // paused: no scheduled run asks Amazon (or LWA) anything for the store, and "sync now" says why
      sandbox().control.clearRequests()
      await scheduledRuns()
      const refused = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "orders" }, { headers }).catch((e: any) => e)
      expect(refused.response.status).toBe(400)
      expect(refused.response.data.message).toMatch(/The store is revoked/)
      expect(sandbox().control.requests()).toEqual([])
      expect(await ledger(getContainer(), storeId)).toHaveLength(100)

      // re-authorized: the next scheduled run resumes at the committed cursor (minus the overlap)
      await reauthorize(storeId)
      sandbox().control.clearRequests()
      const { result: due } = await importDueAmazonOrdersWorkflow(getContainer()).run({ input: { now: new Date(Date.now() + HOUR_MS) } })
      expect(due).toEqual([expect.objectContaining({ store_id: storeId, status: "succeeded" })])
      const [firstSearch] = sandbox().control.requests({ operation: "searchOrders" })
      expect(new Date(String(firstSearch.query.lastUpdatedAfter)).getTime()).toBe(latest - 10 * 60 * 1000)

      // every order exactly once: in the ledger, and as a Medusa order
      const rows = await ledger(getContainer(), storeId)
      expect(rows).toHaveLength(206)
      expect(new Set(rows.map((r) => r.amazon_order_id)).size).toBe(206)
      const byAmazonId = await medusaOrdersByAmazonId(getContainer())
      expect([...byAmazonId.values()].every((ids) => ids.length === 1)).toBe(true)
      expect(byAmazonId.size).toBe(rows.filter((r) => r.order_id).length)
      expect(byAmazonId.size).toBeGreaterThanOrEqual(201)
      for (const row of rows.filter((r) => r.order_id)) expect(byAmazonId.get(row.amazon_order_id)).toEqual([row.order_id])
    })

    it("listings: a send cut short leaves its changes queued, untried; they wait while the store is paused, and go out once after re-authorization", async () => {
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      const storeId = data.amazon_store.id as string
      await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
      const locationId = await createWarehouse(getContainer(), data.amazon_store.sales_channel_id)
      const listing = async (sku: string) => (await amazon().listAmazonListings({ store_id: storeId, sku }))[0]
      const changes = async () => (await amazon().listAmazonListingChanges({ store_id: storeId }, { order: { created_at: "ASC" } })).map((c) => ({ sku: c.sku, status: c.status, attempts: c.attempts, claimed_by: c.claimed_by }))
      const sendsSettled = () =>
        waitFor(async () => !(await amazon().listAmazonSyncRuns({ store_id: storeId, status: ["queued", "running"] as never })).length, { what: "the send to finish" })

      // Amazon's side is revoked as the send uploads its feed: after the ASIN lookups, before createFeed
      revokeAt("createFeedDocument", 1)
      await createProductWithStock(getContainer(), {
        salesChannelId: data.amazon_store.sales_channel_id,
        locationId,
        title: "Two offers",
        variants: [
          // catalog ASINs the demo seller does not sell in DE: new offers (on one it sells, its own is adopted)
          { sku: "AL-SHIRT", barcode: "4260987650094", stock: 5 },
          { sku: "AL-MUG", barcode: "4260987650100", stock: 8 },
        ],
      })
      const [run] = await waitFor(
        async () => {
          const runs = await amazon().listAmazonSyncRuns({ store_id: storeId, type: "listings", status: "failed" })
          return runs.length ? runs : null
        },
        { what: "the send to stop" }
      )
      await sendsSettled()
      expect((run.errors as unknown as Array<{ code: string; message: string; fatal?: boolean }>).filter((e) => e.fatal)).toEqual([
        expect.objectContaining({ code: "authorization_lost", message: expect.stringMatching(AUTHORIZATION_LOST) }),
      ])
      await expectPaused(storeId)
      // nothing reached Amazon's listings; the changes are back in the queue, untried (a lost authorization is no refusal)
      expect(sandbox().control.requests({ operation: "createFeed" })).toEqual([])
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "AL-SHIRT")).toBeUndefined()
      expect(await changes()).toEqual([
        { sku: expect.any(String), status: "pending", attempts: 0, claimed_by: null },
        { sku: expect.any(String), status: "pending", attempts: 0, claimed_by: null },
      ])
      // what the lookups found stays
      expect(await listing("AL-SHIRT")).toMatchObject({ asin: "B0SANDBX09" })
      expect((await listing("AL-SHIRT")).status).not.toBe("error")

      // while paused: the changes wait, and no scheduled run calls Amazon
      sandbox().control.clearRequests()
      await scheduledRuns()
      expect(sandbox().control.requests()).toEqual([])
      expect((await changes()).map((c) => c.status)).toEqual(["pending", "pending"])
      // the catalog moves on while paused: the outbox follows it, so re-authorizing sends today's stock
      await setStock(getContainer(), "AL-MUG", locationId, 3)
      await waitFor(async () => (await changes()).filter((c) => c.status === "pending").length === 2 && (await changes()).some((c) => c.status === "superseded"), {
        what: "the paused store's outbox to follow the stock change",
      })
      expect(sandbox().control.requests()).toEqual([])

      // re-authorized: the next send takes the queue at once (no backoff run up by the refused calls)
      await reauthorize(storeId)
      await sendQueuedListingChangesWorkflow(getContainer()).run({ input: { trigger: "schedule" } })
      await sendsSettled()
      await waitFor(
        async () => {
          await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })
          return !(await amazon().listAmazonFeeds({ store_id: storeId, completed_at: null, amazon_feed_id: { $ne: null } })).length
        },
        { what: "the feed to be read", everyMs: 500 }
      )
      expect(await listing("AL-SHIRT")).toMatchObject({ status: "active", quantity: 5 })
      expect(await listing("AL-MUG")).toMatchObject({ status: "active", quantity: 3 })
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "AL-MUG")).toMatchObject({ quantity: 3 })
      expect((await changes()).map((c) => [c.sku, c.status]).sort()).toEqual([
        ["AL-MUG", "accepted"],
        ["AL-MUG", "superseded"],
        ["AL-SHIRT", "accepted"],
      ])
      expect(sandbox().control.requests({ operation: "createFeed" })).toHaveLength(1)
    })
  },
})
