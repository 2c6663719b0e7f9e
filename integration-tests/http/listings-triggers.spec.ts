import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import amazonSendListingsJob from "../../src/jobs/amazon-send-listings"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { RefreshBuffer } from "../../src/utils/listings/refresh-buffer"
import { listingTriggerStore, pollListingFeedsWorkflow } from "../../src/workflows/listings"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, setStock, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(180_000)

// event-triggered sends wait this long to merge bursts (production: 2 s), feeds gather 1.5 s (production: 10 s)
process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
process.env.AMAZON_FEED_GATHER_MS = "1500"

const GERMANY = "A1PA6795UKMFR9"
const sandbox = useSandbox()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let storeId: string
    let salesChannelId: string
    let locationId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)

    beforeEach(async () => {
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      const { headers } = await createAdminHeaders(getContainer())
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

    const listing = async (sku: string) => (await amazon().listAmazonListings({ store_id: storeId, sku }))[0]
    const triggers = () => amazon().listAmazonListingTriggers({})
    const queuedQuantities = async (sku: string) =>
      (await amazon().listAmazonListingChanges({ store_id: storeId, sku }, { order: { created_at: "ASC" } })).map(
        (c) => (c.payload as { quantity?: number }).quantity
      )
    /** Offers the SKUs (one product, one feed) and waits until Amazon has them. */
    const offer = async (variants: Array<{ sku: string; barcode: string; stock: number }>) => {
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: variants[0].sku, variants })
      await waitFor(async () => (await amazon().listAmazonListings({ store_id: storeId, status: "submitted" })).length === variants.length, {
        what: "listings submitted",
      })
      await waitFor(
        async () => {
          await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })
          return (await amazon().listAmazonListings({ store_id: storeId, status: "active" })).length === variants.length
        },
        { what: "listings active", everyMs: 500 }
      )
      await waitFor(async () => (await triggers()).length === 0, { what: "the inbox to empty" })
    }
    /** Stock changed where no event saw it (the event's worker was killed after saving its ids). */
    const setStockSilently = async (sku: string, stocked: number) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "inventory_level", fields: ["id", "inventory_item.sku"], filters: { location_id: locationId } })
      const level = (data as Array<{ id: string; inventory_item: { sku: string } }>).find((l) => l.inventory_item.sku === sku)!
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("inventory_level")
        .where({ id: level.id })
        .update({ stocked_quantity: stocked, raw_stocked_quantity: { value: String(stocked), precision: 20 } })
      return level.id
    }

    it("refreshes what a killed worker saved but never refreshed, from the minute job, and takes over its expired claim", async () => {
      await offer([
        // catalog ASINs the demo seller does not sell in DE: offers are created (on one it sells, its own is adopted)
        { sku: "TRG-SAVED", barcode: "4260987650070", stock: 10 },
        { sku: "TRG-CLAIMED", barcode: "4260987650094", stock: 10 },
        { sku: "TRG-ALIVE", barcode: "4260987650100", stock: 10 },
      ])
      const saved = await setStockSilently("TRG-SAVED", 4)
      const claimed = await setStockSilently("TRG-CLAIMED", 3)
      const alive = await setStockSilently("TRG-ALIVE", 2)
      const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000)
      await amazon().createAmazonListingTriggers([
        // saved by the subscriber, the worker killed before its drain
        { kind: "inventory_level_ids", entity_id: saved },
        // claimed by a drain whose worker was killed mid-refresh
        { kind: "inventory_level_ids", entity_id: claimed, claimed_by: "dead-worker:1", claimed_at: minutesAgo(5) },
        // claimed a moment ago by a live drain elsewhere: not ours to take
        { kind: "inventory_level_ids", entity_id: alive, claimed_by: "live-worker:1", claimed_at: minutesAgo(0.2) },
      ])
      await new Promise((r) => setTimeout(r, 1000))
      expect(await triggers()).toHaveLength(3) // no event: nothing in this process drains them

      await amazonSendListingsJob(getContainer())

      expect(await queuedQuantities("TRG-SAVED")).toContain(4)
      expect(await queuedQuantities("TRG-CLAIMED")).toContain(3)
      expect(await queuedQuantities("TRG-ALIVE")).not.toContain(2)
      expect(await triggers()).toEqual([expect.objectContaining({ entity_id: alive, claimed_by: "live-worker:1" })])
      // the same job run sent them (fast path)
      await waitFor(async () => (await listing("TRG-SAVED")).quantity === 4 && (await listing("TRG-CLAIMED")).quantity === 3, {
        what: "the new quantities at Amazon",
      })
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "TRG-SAVED")).toMatchObject({ quantity: 4 })
    })

    it("sends a normal stock change through the inbox, and empties it", async () => {
      await offer([{ sku: "TRG-MUG", barcode: "4260987650100", stock: 10 }])
      await setStock(getContainer(), "TRG-MUG", locationId, 7)
      await waitFor(async () => (await queuedQuantities("TRG-MUG")).includes(7), { what: "the change in the outbox" })
      await waitFor(async () => (await listing("TRG-MUG")).quantity === 7, { what: "fast path to deliver 7" })
      await waitFor(async () => (await triggers()).length === 0, { what: "the inbox to empty" })
    })

    it("gives each saved id to one drain only, however many drain at once", async () => {
      const ids = Array.from({ length: 300 }, (_, i) => `variant_fake_${i}`)
      await amazon().createAmazonListingTriggers(ids.map((entity_id) => ({ kind: "variant_ids" as const, entity_id })))
      const refreshed: string[] = []
      const drains = Array.from(
        { length: 4 },
        () =>
          new RefreshBuffer({
            store: listingTriggerStore,
            refresh: async (_c, input) => {
              await new Promise((r) => setTimeout(r, 10))
              refreshed.push(...(input.variant_ids ?? []))
            },
            maxIds: 25,
          })
      )
      await Promise.all(drains.map((d) => d.flush(getContainer())))
      // a drain that lost every claim attempt gives way; what it left, the next drain takes
      await drains[0].flush(getContainer())
      expect([...refreshed].sort()).toEqual([...ids].sort())
      expect(await triggers()).toEqual([])
    })
  },
})
