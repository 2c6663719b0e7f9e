import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { createAdminHeaders } from "../helpers/admin"
import { waitFor } from "../helpers/catalog"
import { useSandbox } from "../helpers/sandbox"
import { importOrders, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(180_000)

// feeds gather 1.5 s (production: 10 s)
process.env.AMAZON_FEED_GATHER_MS = "1500"

const sandbox = useSandbox({ timeScale: 600 })

type Run = { id: string; status: string; joined_run_id?: string | null; joined?: boolean; trigger: string; errors?: unknown }

/** "Sync now" never reads as a failure when another run of the same kind already has the store. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const syncNow = async (type: string) => (await api.post(`/admin/amazon/stores/${storeId}/sync`, { type }, { headers })).data.amazon_sync_run as Run
    const runOf = async (id: string) => (await api.get(`/admin/amazon/sync-runs/${id}`, { headers })).data.amazon_sync_run as Run
    const finished = (id: string) =>
      waitFor(async () => {
        const run = await runOf(id)
        return run.status !== "queued" && run.status !== "running" ? run : null
      }, { timeoutMs: 60_000, what: `run ${id} to finish` })

    beforeEach(async () => {
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
    })

    it("Send to Amazon followed by Sync listings: the sync joins the send under way, nothing fails, the offer goes out", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { sku: "DEMO-MUG" } })
      const product = { id: (variants[0] as { product_id: string }).product_id }
      // a change-triggered send holds the store a while (it lets a burst of edits settle first)
      process.env.AMAZON_LISTINGS_SETTLE_MS = "3000"
      await api.post(`/admin/amazon/stores/${storeId}/listings`, { product_ids: [product.id] }, { headers })
      await waitFor(async () => (await amazon().listAmazonSyncRuns({ store_id: storeId, type: "listings", status: "running" }))[0], {
        what: "the send to start",
      })

      // answered with the send under way: nothing new is queued, nothing waits for the lock
      const asked = await syncNow("listings")
      expect(asked).toMatchObject({ joined: true, status: "running", trigger: "event" })
      expect(await syncNow("listings")).toMatchObject({ id: asked.id, joined: true })

      expect(await finished(asked.id)).toMatchObject({ status: "succeeded" })
      await waitFor(async () => !(await amazon().listAmazonSyncRuns({ store_id: storeId, type: "listings", status: ["queued", "running"] as never })).length, {
        timeoutMs: 60_000,
        what: "every send to finish",
      })
      const runs = await amazon().listAmazonSyncRuns({ store_id: storeId, type: "listings" })
      expect(runs.filter((r) => r.status === "failed")).toEqual([])
      expect(runs.filter((r) => r.trigger === "manual")).toEqual([])
      const [listing] = await amazon().listAmazonListings({ store_id: storeId, sku: "DEMO-MUG" })
      expect(["submitted", "active"]).toContain(listing.status)
    })

    it("a queued sync that finds the store's lock taken is recorded skipped, naming the run that holds it — never failed, never a 60 s wait", async () => {
      const locking = getContainer().resolve(Modules.LOCKING)
      // another worker holds the listings lock and has not written its run yet (it is about to)
      await locking.acquire(`amazon:listings:${storeId}`, { ownerId: "other-worker", expire: 60 })
      const asked = await syncNow("listings")
      expect(asked).toMatchObject({ status: "queued", joined: false })
      const holder = await amazon().createAmazonSyncRuns({ store_id: storeId, type: "listings", trigger: "event", status: "running", started_at: new Date() })

      const run = await finished(asked.id)
      expect(run).toMatchObject({ status: "skipped", joined_run_id: holder.id })
      expect(run.errors ?? []).toEqual([])
      await locking.release(`amazon:listings:${storeId}`, { ownerId: "other-worker" })

      // the runs list reads it as such, and a status filter finds it
      const { data } = await api.get(`/admin/amazon/stores/${storeId}/sync-runs?type=listings&status=skipped`, { headers })
      expect(data.amazon_sync_runs).toEqual([expect.objectContaining({ id: asked.id, status: "skipped", joined_run_id: holder.id })])
    })

    it("does not join a run whose process died (it still reads running, but its lock has lapsed): a new run is queued and runs", async () => {
      const dead = await amazon().createAmazonSyncRuns({ store_id: storeId, type: "shipments", trigger: "schedule", status: "running", started_at: new Date() })
      const asked = await syncNow("shipments")
      expect(asked).toMatchObject({ joined: false })
      expect(asked.id).not.toBe(dead.id)
      expect(await finished(asked.id)).toMatchObject({ status: "succeeded" })
    })

    it("two order imports at once: one imports, the other is skipped naming it", async () => {
      const [a, b] = await Promise.all([importOrders(getContainer(), storeId), importOrders(getContainer(), storeId)])
      const runs = [a.result, b.result] as Run[]
      const skipped = runs.filter((r) => r.status === "skipped")
      const ran = runs.filter((r) => r.status === "succeeded")
      expect(skipped).toHaveLength(1)
      expect(ran).toHaveLength(1)
      expect(skipped[0].joined_run_id).toBe(ran[0].id)
    })
  },
})
