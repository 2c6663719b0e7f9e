import ExcelJS from "exceljs"
import { parse } from "csv-parse/sync"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { importAmazonOrderWorkflow } from "../../src/workflows/orders"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import {
  DEMO_SKUS,
  GERMANY,
  importOrders,
  ledger,
  ledgerRow,
  medusaOrder,
  medusaOrdersByAmazonId,
  reservationsOf,
  reservedQuantity,
  setUpAmazonStore,
} from "./orders-setup"

jest.setTimeout(240_000)

// searchOrders' 0.0056 rps runs 600× faster: after the burst of 20, a page every 0.3 s
const sandbox = useSandbox({ timeScale: 600 })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    // the demo's unshipped two-line order (T-shirt + 2 mugs); the pending demo order may be completed by the
    // first read, by timing, and be UNSHIPPED too
    const isDemoTwoLineOrder = (r: { amazon_status: string; items: unknown }) => r.amazon_status === "UNSHIPPED" && (r.items as unknown[]).length === 2
    const seeded = async (predicate: (row: { amazon_status: string; fulfillment_channel: string; items: unknown }) => boolean) => {
      const rows = await ledger(getContainer(), storeId)
      const row = rows.find((r) => predicate(r as never))
      if (!row) throw new Error("no such demo order")
      return row
    }

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
    })

    afterEach(() => {
      // every request we sent matched Amazon's models, and none was throttled
      expect(sandbox().control.validationErrors()).toEqual([])
      expect(sandbox().control.stats().totals.throttled).toBe(0)
    })

    describe("exactly once", () => {
      it("imports 255 orders over 3 pages once — and running again, twice in parallel, changes nothing", async () => {
        await sandbox().control.addOrders({ generate: { count: 250, sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, skus: DEMO_SKUS } })

        // "sync now", as the admin does it
        const { status, data } = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "orders" }, { headers })
        expect(status).toBe(202)
        let run = data.amazon_sync_run
        for (let i = 0; i < 600 && !["succeeded", "failed"].includes(run.status); i++) {
          await new Promise((r) => setTimeout(r, 250))
          run = (await api.get(`/admin/amazon/sync-runs/${run.id}`, { headers })).data.amazon_sync_run
        }
        expect(run).toMatchObject({ status: "succeeded", progress: { done: 255, total: 255 }, eta_seconds: 0 })
        expect(run.counts).toMatchObject({ pages: 3, orders_read: 255 })
        expect(run.counts.imported).toBeGreaterThanOrEqual(253)
        expect(sandbox().control.requests({ operation: "searchOrders" })).toHaveLength(3)

        const expectOnce = async () => {
          const rows = await ledger(getContainer(), storeId)
          expect(rows).toHaveLength(255)
          const byAmazonId = await medusaOrdersByAmazonId(getContainer())
          // 250 generated + the demo's unshipped, shipped and FBA orders (+ its pending one, once Amazon completes it:
          // 30 simulated minutes are 3 s here); the canceled one never becomes an order
          expect(byAmazonId.size).toBe(rows.filter((r) => r.order_id).length)
          expect(byAmazonId.size).toBeGreaterThanOrEqual(253)
          expect([...byAmazonId.values()].every((ids) => ids.length === 1)).toBe(true)
          for (const row of rows.filter((r) => r.order_id)) expect(byAmazonId.get(row.amazon_order_id)).toEqual([row.order_id])
        }
        await expectOnce()

        // the same window again (overlap), twice at once: one run holds the store's lock, the other has nothing to do
        const [a, b] = await Promise.all([importOrders(getContainer(), storeId), importOrders(getContainer(), storeId)])
        expect([a.result.counts?.skipped_locked, b.result.counts?.skipped_locked].filter(Boolean)).toEqual([1])
        await expectOnce()
      })

      it("never creates an order twice when one order is imported from several places at once", async () => {
        const {
          orderIds: [amazonOrderId],
        } = await sandbox().control.addOrders({
          orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items: [{ sku: "AMZ-RACE-01", quantity: 1, unitPrice: 10 }] }],
        })
        await importOrders(getContainer(), storeId)
        const held = await ledgerRow(getContainer(), storeId, amazonOrderId)
        expect(held.import_status).toBe("needs_attention")
        await createProductsWorkflow(getContainer()).run({
          input: { products: [{ title: "Race", options: [{ title: "D", values: ["D"] }], variants: [{ title: "D", sku: "AMZ-RACE-01", options: { D: "D" }, prices: [] }] }] },
        })
        // the retry button, a scheduled run and a "sync now" at the same moment
        const results = await Promise.all([
          ...[1, 2, 3].map(() => importAmazonOrderWorkflow(getContainer()).run({ input: { id: held.id } })),
          importOrders(getContainer(), storeId),
        ])
        expect(results.slice(0, 3).map((r) => (r.result as { action: string }).action).filter((a) => a === "create").length).toBeLessThanOrEqual(1)
        const byAmazonId = await medusaOrdersByAmazonId(getContainer())
        expect(byAmazonId.get(amazonOrderId)).toHaveLength(1)
        expect((await ledgerRow(getContainer(), storeId, amazonOrderId)).order_id).toBe(byAmazonId.get(amazonOrderId)![0])
      })
    })

    it("turns a multi-line order into a normal Medusa order: Amazon's prices, the store's channel, a captured payment, stock reserved", async () => {
      await importOrders(getContainer(), storeId)
      const row = await seeded(isDemoTwoLineOrder)
      expect(row).toMatchObject({ import_status: "imported", currency_code: "EUR", fulfillment_channel: "MFN" })
      expect(Number(row.total)).toBe(44.99)
      const order = await medusaOrder(getContainer(), row.order_id!, [
        "id", "status", "email", "currency_code", "region.name", "sales_channel.name", "total", "metadata",
        "items.id", "items.variant_sku", "items.quantity", "items.unit_price", "items.metadata",
        "shipping_address.first_name", "shipping_address.city", "shipping_address.country_code",
        "shipping_methods.name", "shipping_methods.amount", "shipping_methods.shipping_option_id",
        "payment_collections.status", "payment_collections.amount", "payment_collections.payments.captured_at",
      ])
      expect(order).toMatchObject({
        status: "pending",
        email: expect.stringMatching(/@marketplace\.amazon\.de$/),
        currency_code: "eur",
        region: { name: "Europe" },
        sales_channel: { name: "Webshop" },
        metadata: { amazon_order_id: row.amazon_order_id, amazon_marketplace_id: GERMANY, amazon_fulfillment_channel: "MFN" },
        shipping_address: { first_name: expect.any(String), city: expect.any(String), country_code: "de" },
        shipping_methods: [{ name: "Standard Shipping", shipping_option_id: expect.stringMatching(/^so_/) }],
        payment_collections: [{ status: "completed", payments: [{ captured_at: expect.anything() }] }],
      })
      expect(Number(order.total)).toBe(44.99)
      expect(Number(order.shipping_methods[0].amount)).toBe(0)
      expect(Number(order.payment_collections[0].amount)).toBe(44.99)
      const lines = (order.items as Array<Record<string, any>>).map((i) => [i.variant_sku, Number(i.quantity), Number(i.unit_price)]).sort()
      expect(lines).toEqual([["DEMO-MUG", 2, 12.5], ["DEMO-TSHIRT-S", 1, 19.99]])
      const reservations = await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))
      expect(reservations.map((r) => Number(r.quantity)).sort()).toEqual([1, 2])
    })

    it("leaves no half-imported order when a step fails: order, reservations and link are undone, the reason kept, and a retry imports it once", async () => {
      const before = await reservedQuantity(getContainer(), "DEMO-MUG")
      const amazonStore = await amazon().retrieveAmazonStore(storeId)
      // a payment provider that does not exist: recording the payment (after the order and its reservations) fails
      await amazon().updateAmazonStores({ id: storeId, settings: { ...(amazonStore.settings ?? {}), payment_provider_id: "pp_missing_provider" } })
      await importOrders(getContainer(), storeId)
      const row = await seeded(isDemoTwoLineOrder)
      expect(row).toMatchObject({ import_status: "failed", order_id: null, issues: [expect.objectContaining({ code: "import_failed" })] })
      expect((await medusaOrdersByAmazonId(getContainer())).get(row.amazon_order_id)).toBeUndefined()
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before)

      await amazon().updateAmazonStores({ id: storeId, settings: { ...(amazonStore.settings ?? {}), payment_provider_id: "pp_system_default" } })
      const { data } = await api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers })
      expect(data.amazon_order).toMatchObject({ import_status: "imported", issues: null })
      expect((await medusaOrdersByAmazonId(getContainer())).get(row.amazon_order_id)).toHaveLength(1)
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 2)
    })

    it("undoes an import a killed process cut short (row left 'importing') and imports the order once again", async () => {
      const before = await reservedQuantity(getContainer(), "DEMO-MUG")
      await importOrders(getContainer(), storeId)
      const row = await seeded(isDemoTwoLineOrder)
      expect(row.import_status).toBe("imported")
      const partial = row.order_id!
      const partialCollections = ((await medusaOrder(getContainer(), partial, ["payment_collections.id"])).payment_collections as Array<{ id: string }>).map((c) => c.id)
      expect(partialCollections).toHaveLength(1)
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 2)
      // what a SIGKILL between "order made" and "import finished" leaves behind; and one killed before the order existed
      await amazon().updateAmazonOrders({ id: row.id, import_status: "importing" })
      const other = await seeded((r) => r.amazon_status === "SHIPPED" && r.fulfillment_channel === "MFN")
      await getContainer().resolve(Modules.ORDER).deleteOrders([other.order_id!])
      await amazon().updateAmazonOrders({ id: other.id, import_status: "importing" })

      await importOrders(getContainer(), storeId)

      const again = await ledgerRow(getContainer(), storeId, row.amazon_order_id)
      expect(again).toMatchObject({ import_status: "imported", issues: null })
      expect(again.order_id).not.toBe(partial)
      expect((await medusaOrdersByAmazonId(getContainer())).get(row.amazon_order_id)).toEqual([again.order_id])
      // the partial order's reservations and payment went with it
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 2)
      expect(await getContainer().resolve(Modules.PAYMENT).listPaymentCollections({ id: partialCollections })).toEqual([])
      const otherAgain = await ledgerRow(getContainer(), storeId, other.amazon_order_id)
      expect(otherAgain.import_status).toBe("imported")
      expect((await medusaOrdersByAmazonId(getContainer())).get(other.amazon_order_id)).toEqual([otherAgain.order_id])
    })

    it("holds an order with an unknown SKU, naming it, and imports it once the SKU is mapped (retry)", async () => {
      const {
        orderIds: [amazonOrderId],
      } = await sandbox().control.addOrders({
        orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items: [{ sku: "AMZ-LAMP-01", quantity: 1, unitPrice: 39.9 }, { sku: "DEMO-MUG", quantity: 1 }] }],
      })
      await importOrders(getContainer(), storeId)
      const held = await ledgerRow(getContainer(), storeId, amazonOrderId)
      expect(held).toMatchObject({ import_status: "needs_attention", order_id: null })
      expect(held.issues).toEqual([expect.objectContaining({ code: "unknown_sku", sku: "AMZ-LAMP-01", message: expect.stringContaining("AMZ-LAMP-01") })])

      // what the admin's list shows
      const { data } = await api.get(`/admin/amazon/stores/${storeId}/orders?import_status=needs_attention`, { headers })
      expect(data).toMatchObject({ count: 1, amazon_orders: [{ amazon_order_id: amazonOrderId, issues: [{ sku: "AMZ-LAMP-01" }] }] })
      expect(JSON.stringify(data)).not.toMatch(/buyer_data_ciphertext|marketplace\.amazon\.de/)

      // still held on the next run
      await importOrders(getContainer(), storeId)
      expect((await ledgerRow(getContainer(), storeId, amazonOrderId)).import_status).toBe("needs_attention")

      // the merchant creates the variant, then presses retry
      await createProductsWorkflow(getContainer()).run({
        input: { products: [{ title: "Lamp", options: [{ title: "Default", values: ["Default"] }], variants: [{ title: "Default", sku: "AMZ-LAMP-01", options: { Default: "Default" }, prices: [{ currency_code: "eur", amount: 39.9 }] }] }] },
      })
      const retried = await api.post(`/admin/amazon/orders/${held.id}/retry`, {}, { headers })
      expect(retried.data.amazon_order).toMatchObject({ import_status: "imported", issues: null, order: { display_id: expect.any(Number) } })
      const order = await medusaOrder(getContainer(), retried.data.amazon_order.order_id, ["items.variant_sku", "items.unit_price"])
      expect(order.items.map((i: { variant_sku: string }) => i.variant_sku).sort()).toEqual(["AMZ-LAMP-01", "DEMO-MUG"])
    })

    it("waits for a pending order (no price, no address yet) and imports it once Amazon completes it", async () => {
      const { orderIds } = await sandbox().control.addOrders({
        orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items: [{ sku: "DEMO-MUG", quantity: 1 }], status: "PENDING" }],
      })
      await importOrders(getContainer(), storeId)
      const pending = await ledgerRow(getContainer(), storeId, orderIds[0])
      expect(pending).toMatchObject({ amazon_status: "PENDING", import_status: "pending", order_id: null })

      await sandbox().control.updateOrder(pending.amazon_order_id, { status: "Unshipped" })
      await importOrders(getContainer(), storeId)
      const completed = await ledgerRow(getContainer(), storeId, pending.amazon_order_id)
      expect(completed).toMatchObject({ amazon_status: "UNSHIPPED", import_status: "imported", order_id: expect.stringMatching(/^order_/) })
    })

    it("imports an FBA order as already fulfilled, without reserving stock — or skips it when the store says so", async () => {
      const before = await reservedQuantity(getContainer(), "DEMO-BOOK")
      await importOrders(getContainer(), storeId)
      const fba = await seeded((r) => r.fulfillment_channel === "AFN")
      expect(fba).toMatchObject({ import_status: "imported", amazon_status: "SHIPPED" })
      const order = await medusaOrder(getContainer(), fba.order_id!, ["id", "items.id", "items.detail.fulfilled_quantity", "items.detail.shipped_quantity", "items.quantity", "shipping_methods.name"])
      expect(order.items.map((i: any) => [Number(i.detail.fulfilled_quantity), Number(i.detail.shipped_quantity)])).toEqual([[1, 1]])
      expect(order.shipping_methods[0].name).toBe("Fulfilled by Amazon")
      expect(await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))).toEqual([])
      expect(await reservedQuantity(getContainer(), "DEMO-BOOK")).toBe(before)

      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { afn_orders: "skip" } }, { headers })
      const { orderIds } = await sandbox().control.addOrders({ generate: { count: 1, sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, skus: ["DEMO-BOOK"], fulfillmentChannel: "AFN" } })
      await importOrders(getContainer(), storeId)
      expect(await ledgerRow(getContainer(), storeId, orderIds[0])).toMatchObject({ import_status: "skipped", order_id: null })
    })

    it("cancels the Medusa order and releases its reserved stock when Amazon cancels after import", async () => {
      const before = await reservedQuantity(getContainer(), "DEMO-MUG")
      await importOrders(getContainer(), storeId)
      const row = await seeded(isDemoTwoLineOrder)
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 2)

      await sandbox().control.updateOrder(row.amazon_order_id, { status: "Canceled", cancelReason: "NoInventory" })
      const { result } = await importOrders(getContainer(), storeId)
      expect(result.counts).toMatchObject({ canceled_in_medusa: 1 })
      expect(await ledgerRow(getContainer(), storeId, row.amazon_order_id)).toMatchObject({ amazon_status: "CANCELLED", import_status: "canceled" })
      const order = await medusaOrder(getContainer(), row.order_id!, ["status", "items.id"])
      expect(order.status).toBe("canceled")
      expect(await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))).toEqual([])
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before)
    })

    it("copies the catalog's package weight into variants without one, when the store asks for it", async () => {
      const query = getContainer().resolve("query")
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "weight"], filters: { sku: ["DEMO-TSHIRT-S", "DEMO-MUG"] } })
      const bySku = Object.fromEntries((data as Array<{ id: string; sku: string; weight: number | null }>).map((v) => [v.sku, v]))
      const products = getContainer().resolve(Modules.PRODUCT)
      await products.updateProductVariants(bySku["DEMO-TSHIRT-S"].id, { weight: null })
      await products.updateProductVariants(bySku["DEMO-MUG"].id, { weight: 999 })
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { import_package_weight: true } }, { headers })

      await importOrders(getContainer(), storeId)
      const [tshirt] = await products.listProductVariants({ id: bySku["DEMO-TSHIRT-S"].id })
      const [mug] = await products.listProductVariants({ id: bySku["DEMO-MUG"].id })
      expect(tshirt.weight).toBe(200) // the catalog's package: 0.2 kg
      expect(mug.weight).toBe(999) // a weight the merchant set is kept
      expect(sandbox().control.requests({ operation: "getCatalogItem" }).length).toBeGreaterThan(0)
    })

    it("stops cleanly when Amazon revokes the authorization mid-way, and keeps what it committed", async () => {
      await importOrders(getContainer(), storeId)
      await sandbox().control.revokeSeller(SANDBOX_EU.sellerId)
      getContainer().resolve<AmazonModuleService>(AMAZON_MODULE).getLwaClient().invalidate(SANDBOX_EU.refreshToken)
      const { result } = await importOrders(getContainer(), storeId)
      expect(result.status).toBe("failed")
      expect(result.errors).toEqual([expect.objectContaining({ code: "authorization_lost", fatal: true })])
      const store = await amazon().retrieveAmazonStore(storeId)
      expect(["revoked", "expired"]).toContain(store.status)
      expect(await ledger(getContainer(), storeId)).toHaveLength(5)
    })

    it("exports the store's orders as CSV and as a real XLSX workbook", async () => {
      await sandbox().control.addOrders({
        orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items: [{ sku: "AMZ-UNKNOWN", quantity: 3, unitPrice: 5 }] }],
      })
      await importOrders(getContainer(), storeId)
      const rows = await ledger(getContainer(), storeId)

      const csv = await api.get(`/admin/amazon/stores/${storeId}/orders/export?format=csv`, { headers })
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="amazon-orders-DE-.*\.csv"/)
      const [header, ...lines] = parse(String(csv.data).replace(/^\ufeff/, "")) as string[][]
      expect(header.slice(0, 5)).toEqual(["Amazon order", "Marketplace", "Purchased", "Amazon status", "Import status"])
      expect(lines).toHaveLength(6)
      expect(lines.map((l) => l[0]).sort()).toEqual(rows.map((r) => r.amazon_order_id).sort())
      const held = lines.find((l) => l[9] === "AMZ-UNKNOWN × 3")!
      expect(held.slice(3, 6)).toEqual(["UNSHIPPED", "needs_attention", "MFN"])
      expect(held[12]).toContain('"AMZ-UNKNOWN"')
      // the demo's two-line order (the pending one may have been completed and imported too, by timing)
      const twoLines = rows.find((r) => (r.items as unknown as unknown[]).length === 2)!
      const imported = lines.find((l) => l[0] === twoLines.amazon_order_id)!
      expect(imported.slice(3, 5)).toEqual(["UNSHIPPED", "imported"])
      expect(imported[6]).toMatch(/^#\d+$/)
      expect(imported[8]).toBe("44.99")

      const xlsx = await api.get(`/admin/amazon/stores/${storeId}/orders/export?format=xlsx`, { headers, responseType: "arraybuffer" })
      expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(xlsx.data) as never)
      const sheet = workbook.getWorksheet("Amazon orders")!
      expect(sheet.rowCount).toBe(7)
      const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1)
      expect(values(1)[0]).toBe("Amazon order")
      const cells = [2, 3, 4, 5, 6, 7].map(values)
      const total = cells.find((c) => c[0] === twoLines.amazon_order_id)!
      expect(total[8]).toBe(44.99)
      expect(total[2]).toBeInstanceOf(Date)
      expect(cells.map((c) => c[0]).sort()).toEqual(rows.map((r) => r.amazon_order_id).sort())
      // no buyer data leaves through an export
      const text = JSON.stringify(cells) + String(csv.data)
      expect(text).not.toMatch(/marketplace\.amazon\.de|\+49/)
    })
  },
})
