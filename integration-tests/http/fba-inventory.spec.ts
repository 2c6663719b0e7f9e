import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { ensureFbaLocation, fbaLocationIds } from "../../src/utils/fba"
import { syncFbaPool } from "../../src/utils/fba/sync"
import { loadVariantFacts } from "../../src/workflows/listings/lib/load-variant-facts"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { GERMANY, importOrders, ledger, medusaOrder, reservationsOf, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

const SELLER = SANDBOX_EU.sellerId
const sandbox = useSandbox({ timeScale: 600 })

/**
 * Issue 15: Amazon's FBA stock appears at one Medusa stock location per store × pool, never as merchant
 * stock — not in the quantity sent to Amazon for merchant (MFN) offers, not in MFN orders' reservations —
 * and FBA (AFN) orders never reserve merchant stock.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const control = () => sandbox().control

    const variantOf = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "inventory_items.inventory_item_id"], filters: { sku } })
      const v = data[0] as { id: string; inventory_items: Array<{ inventory_item_id: string }> }
      return { variantId: v.id, itemId: v.inventory_items[0].inventory_item_id }
    }
    const levelAt = async (sku: string, locationId: string) => {
      const { itemId } = await variantOf(sku)
      const [level] = await getContainer().resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId, location_id: locationId })
      return level
    }
    const syncNow = async () => (await api.post(`/admin/amazon/stores/${storeId}/fba/sync`, {}, { headers })).data.results
    const pools = async () => (await api.get(`/admin/amazon/stores/${storeId}/fba`, { headers })).data.amazon_fba_pools

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await control().reset()
      control().clearValidationErrors()
      ;({ storeId, salesChannelId } = await setUpAmazonStore(getContainer(), api, headers))
    })

    afterEach(() => {
      expect(control().validationErrors()).toEqual([])
    })

    it("shows Amazon's FBA stock at the store's 'Amazon FBA (EU …)' location: fulfillable stocked, inbound incoming, the rest and unknown SKUs kept", async () => {
      const results = await syncNow()
      const eu = results.find((r: { pool: string }) => r.pool === "EU")
      expect(eu).toMatchObject({ mode: "full", skus: 2, matched: 1, unknown: 1 })
      // the UK pool holds nothing for this seller: no empty location made for it
      expect(results.find((r: { pool: string }) => r.pool === "UK")).toMatchObject({ skus: 0, stock_location_id: "" })

      const locationId = eu.stock_location_id
      const [location] = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationId })
      expect(location).toMatchObject({ name: "Amazon FBA (EU (pan-European))", metadata: { amazon_store_id: storeId, amazon_fba_pool: "EU" } })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: links } = await query.graph({ entity: "sales_channel_locations", fields: ["stock_location_id"], filters: { sales_channel_id: salesChannelId } })
      expect(links.map((l: any) => l.stock_location_id)).toContain(locationId)
      expect(await fbaLocationIds(getContainer(), storeId)).toEqual([locationId])
      // the same location again, by id, even after a rename
      await getContainer().resolve(Modules.STOCK_LOCATION).updateStockLocations(locationId, { name: "Renamed by the merchant" })
      expect(await ensureFbaLocation(getContainer(), { storeId, pool: "EU" })).toBe(locationId)

      expect(await levelAt("DEMO-BOOK", locationId)).toMatchObject({ stocked_quantity: 14, incoming_quantity: 6, reserved_quantity: 0 })
      const [book] = await amazon().listAmazonFbaStocks({ store_id: storeId, pool: "EU", sku: "DEMO-BOOK" })
      expect(book).toMatchObject({ fulfillable: 14, inbound_shipped: 6, reserved: 2, unfulfillable: 1 })

      const [pool] = await pools()
      expect(pool).toMatchObject({
        pool: "EU",
        stock_location_id: locationId,
        stock_location_name: "Renamed by the merchant",
        counts: { skus: 2, matched: 1, unknown: 1, fulfillable: 17, reserved: 2, unfulfillable: 1 },
        unknown_skus: [{ sku: "FBA-ORPHAN-SCARF", fulfillable: 3 }],
        error: null,
      })
      expect(pool.last_full_sync_at).toBeTruthy()

      // a change at Amazon: the next pass (within the hour) asks only for changes and sets the new number
      control().setFbaInventory({ sellerId: SELLER, marketplaceId: GERMANY, items: [{ sellerSku: "DEMO-BOOK", fulfillable: 9 }] })
      const changes = await syncFbaPool(getContainer(), { storeId, pool: "EU" })
      expect(changes).toMatchObject({ mode: "changes", skus: 1, levels_changed: 1 })
      expect(control().requests({ operation: "getInventorySummaries" }).at(-1)!.query).toHaveProperty("startDateTime")
      expect(await levelAt("DEMO-BOOK", locationId)).toMatchObject({ stocked_quantity: 9 })

      // Amazon no longer lists the SKU: a full pass sets it to 0 there
      control().setFbaInventory({ sellerId: SELLER, marketplaceId: GERMANY, items: [{ sellerSku: "DEMO-BOOK", fulfillable: 0, inboundShipped: 0 }] })
      await syncNow()
      expect(await levelAt("DEMO-BOOK", locationId)).toMatchObject({ stocked_quantity: 0, incoming_quantity: 0 })
    })

    it("never counts FBA stock as merchant quantity for Amazon, even for a SKU sold both ways", async () => {
      const warehouse = (await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({}))[0].id
      control().setFbaInventory({ sellerId: SELLER, marketplaceId: GERMANY, items: [{ sellerSku: "DEMO-TSHIRT-S", asin: "B0SANDBX01", fulfillable: 30 }] })
      const { variantId } = await variantOf("DEMO-TSHIRT-S")
      const before = (await loadVariantFacts(getContainer(), [variantId], salesChannelId)).get(variantId)!.available
      const results = await syncNow()
      const locationId = results.find((r: { pool: string }) => r.pool === "EU").stock_location_id
      expect(locationId).not.toBe(warehouse)
      expect(await levelAt("DEMO-TSHIRT-S", locationId)).toMatchObject({ stocked_quantity: 30 })
      // linked to the channel, yet left out by id: the MFN quantity is what the merchant holds, unchanged
      const after = (await loadVariantFacts(getContainer(), [variantId], salesChannelId)).get(variantId)!.available
      expect(after).toBe(before)
      expect(after).toBe(25)
    })

    it("reserves merchant orders away from the FBA location; FBA orders reserve nothing and are fulfilled, shipped, from the FBA location", async () => {
      control().setFbaInventory({ sellerId: SELLER, marketplaceId: GERMANY, items: [{ sellerSku: "DEMO-TSHIRT-S", fulfillable: 30 }, { sellerSku: "DEMO-MUG", fulfillable: 30 }] })
      const results = await syncNow()
      const fbaLocation = results.find((r: { pool: string }) => r.pool === "EU").stock_location_id
      const warehouse = (await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({})).find((l) => l.id !== fbaLocation)!.id
      const bookBefore = { fba: Number((await levelAt("DEMO-BOOK", fbaLocation))?.stocked_quantity ?? 0), merchant: Number((await levelAt("DEMO-BOOK", warehouse))?.stocked_quantity ?? 0) }
      await control().addOrders({ generate: { count: 1, sellerId: SELLER, marketplaceId: GERMANY, skus: ["DEMO-BOOK"], fulfillmentChannel: "AFN" } })
      await importOrders(getContainer(), storeId)
      const rows = await ledger(getContainer(), storeId)

      const mfn = rows.filter((r) => r.fulfillment_channel === "MFN" && r.order_id && r.amazon_status === "UNSHIPPED")
      expect(mfn.length).toBeGreaterThan(0)
      for (const row of mfn) {
        const order = await medusaOrder(getContainer(), row.order_id!, ["items.id"])
        const reservations = await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))
        expect(reservations.length).toBeGreaterThan(0)
        for (const r of reservations) expect(r.location_id).not.toBe(fbaLocation)
      }
      const afn = rows.filter((r) => r.fulfillment_channel === "AFN" && r.order_id)
      expect(afn.length).toBeGreaterThan(0)
      for (const row of afn) {
        const order = await medusaOrder(getContainer(), row.order_id!, ["items.id"])
        expect(await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))).toEqual([])
      }
      // FBA orders are fulfilled from the FBA location: one Medusa fulfillment there, shipped, no stock moved
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      for (const row of afn) {
        const { data } = await query.graph({
          entity: "order",
          fields: ["id", "fulfillments.id", "fulfillments.location_id", "fulfillments.shipped_at", "fulfillments.data", "fulfillments.items.line_item_id", "fulfillments.items.quantity"],
          filters: { id: row.order_id },
        })
        const order = data[0] as any
        expect(order.fulfillments).toHaveLength(1)
        expect(order.fulfillments[0]).toMatchObject({ location_id: fbaLocation, data: { amazon_fulfilled: true, fba_pool: "EU" } })
        expect(order.fulfillments[0].shipped_at).toBeTruthy()
        const { data: admin } = await api.get(`/admin/orders/${row.order_id}?fields=fulfillment_status`, { headers })
        expect(admin.order.fulfillment_status).toBe("shipped")
        const { data: full } = await api.get(`/admin/orders/${row.order_id}`, { headers })
        expect(order.fulfillments[0].items.map((i: any) => [i.line_item_id, Number(i.quantity)]).sort()).toEqual(
          full.order.items.map((i: any) => [i.id, Number(i.detail?.quantity ?? i.quantity)]).sort()
        )
      }
      // neither merchant stock nor the FBA level moved: the FBA level is Amazon's absolute number, which the next pass sets
      expect(Number((await levelAt("DEMO-BOOK", warehouse))?.stocked_quantity ?? 0)).toBe(bookBefore.merchant)
      expect(Number((await levelAt("DEMO-BOOK", fbaLocation))?.stocked_quantity ?? 0)).toBe(bookBefore.fba)
      await syncNow()
      const [book] = await amazon().listAmazonFbaStocks({ store_id: storeId, pool: "EU", sku: "DEMO-BOOK" })
      expect(Number((await levelAt("DEMO-BOOK", fbaLocation)).stocked_quantity)).toBe(Number((book as any).fulfillable))
      for (const sku of ["DEMO-TSHIRT-S", "DEMO-MUG", "DEMO-BOOK"]) {
        expect(Number((await levelAt(sku, fbaLocation)).reserved_quantity)).toBe(0)
      }
    })
  },
})
