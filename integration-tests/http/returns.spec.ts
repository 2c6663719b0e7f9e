import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { syncStoreReturns } from "../../src/utils/returns/sync-returns"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { GERMANY, importOrders, ledgerRow, medusaOrder, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

const sandbox = useSandbox({ timeScale: 600 })

/**
 * Amazon returns → Medusa returns against the sandbox: the buyer returns an item of a shipped order, the returns report
 * (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE) shows it, the sync makes one Medusa return (requested, no refund), Amazon's
 * "received" makes it received, and reruns change nothing.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const sync = () => syncStoreReturns(getContainer(), { storeId })

    /** A sandbox order imported into Medusa, then shipped in Seller Central (so Medusa has it fulfilled and shipped). */
    async function shippedOrder(items: Array<Record<string, unknown>>) {
      const { orderIds } = sandbox().control.addOrders({ orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items } as never] })
      await importOrders(getContainer(), storeId)
      sandbox().control.updateOrder(orderIds[0], { shipInSellerCentral: { trackingNumber: "00340434161094042557" } })
      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, orderIds[0])
      expect(row).toMatchObject({ import_status: "imported", amazon_status: "SHIPPED", order_id: expect.any(String) })
      return row
    }

    /** a quantity as query.graph gives it (BigNumber-like objects for return items) */
    const qty = (v: any) => Number(v && typeof v === "object" ? (v.numeric ?? v.value) : v)
    const returnsOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "return", fields: ["id", "status", "metadata", "items.item_id", "items.quantity", "items.received_quantity"], filters: { order_id: orderId } })
      return data as Array<{ id: string; status: string; metadata: Record<string, unknown>; items: Array<{ item_id: string; quantity: unknown; received_quantity: unknown }> }>
    }
    const refundsOf = async (orderId: string) => {
      const order = await medusaOrder(getContainer(), orderId, ["payment_collections.payments.refunds.id"])
      return (order.payment_collections as Array<{ payments: Array<{ refunds: unknown[] }> }>).flatMap((c) => c.payments.flatMap((p) => p.refunds))
    }
    const stocked = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "inventory_item", fields: ["location_levels.stocked_quantity"], filters: { sku } })
      return ((data[0] as { location_levels: Array<{ stocked_quantity: number }> }).location_levels ?? []).reduce((n, l) => n + Number(l.stocked_quantity), 0)
    }

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
      await importOrders(getContainer(), storeId) // the demo's own orders first
      sandbox().control.clearRequests()
    })

    afterEach(() => {
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    it("return received: one Medusa return, requested then received, no refund, reruns change nothing", async () => {
      const row = await shippedOrder([
        { sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 },
        { sku: "DEMO-TSHIRT-M", quantity: 1, unitPrice: 19.99 },
      ])
      const mugItem = (row.items as unknown as Array<{ order_item_id: string; sku: string }>).find((i) => i.sku === "DEMO-MUG")!.order_item_id
      // Amazon's clock runs 10 minutes ahead of ours: a return requested "now" there is still in the report
      sandbox().control.advanceClock(10 * 60_000)
      const { rmaId } = sandbox().control.buyerReturn({ orderId: row.amazon_order_id, items: [{ orderItemId: mugItem, quantity: 1 }], reason: "AMZ-PG-BAD-DESC" })

      const first = await sync()
      // one report per marketplace the store imports orders from (the sandbox seller sells in 8 EU marketplaces)
      expect(first).toMatchObject({ reports: 8, lines: 1, created: 1, requested: 1, received: 0, held: 0, errors: [] })
      const [ret] = await amazon().listAmazonReturns({ store_id: storeId })
      expect(ret).toMatchObject({ amazon_rma_id: rmaId, amazon_order_id: row.amazon_order_id, medusa_order_id: row.order_id, status: "authorized", medusa_status: "requested", error: null })
      expect(ret.lines).toEqual([expect.objectContaining({ sku: "DEMO-MUG", quantity: 1, reason: "AMZ-PG-BAD-DESC", amazon_order_item_id: mugItem, medusa_item_id: expect.any(String) })])
      const reports = sandbox().control.requests({ operation: "createReport" }).map((r) => r.body as Record<string, unknown>)
      expect(reports).toHaveLength(8)
      expect(reports).toContainEqual(expect.objectContaining({ reportType: "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", marketplaceIds: [GERMANY], dataStartTime: expect.any(String) }))
      // the end is Amazon's "now", not ours
      for (const report of reports) expect(report).not.toHaveProperty("dataEndTime")

      let returns = await returnsOf(row.order_id!)
      expect(returns).toHaveLength(1)
      expect(returns[0]).toMatchObject({ id: ret.medusa_return_id, status: "requested", metadata: expect.objectContaining({ amazon_return_id: ret.id, amazon_rma_id: rmaId }) })
      expect(returns[0].items.map((i) => [i.item_id, qty(i.quantity)])).toEqual([[(ret.lines as any)[0].medusa_item_id, 1]])
      expect(await refundsOf(row.order_id!)).toEqual([])

      // the same report again: nothing new
      expect(await sync()).toMatchObject({ created: 0, updated: 0, requested: 0, received: 0, errors: [] })
      expect(await returnsOf(row.order_id!)).toHaveLength(1)

      // a run cut short right after Medusa opened the return (its id never written to the row): found again by metadata
      await amazon().updateAmazonReturns({ id: ret.id, medusa_return_id: null, medusa_status: null })
      expect(await sync()).toMatchObject({ requested: 0, errors: [] })
      expect(await amazon().listAmazonReturns({ store_id: storeId })).toEqual([expect.objectContaining({ medusa_return_id: ret.medusa_return_id, medusa_status: "requested" })])
      expect(await returnsOf(row.order_id!)).toHaveLength(1)

      // the seller receives the parcel: Amazon's report shows a delivery date
      const stockBefore = await stocked("DEMO-MUG")
      sandbox().control.buyerReturn({ orderId: row.amazon_order_id, rmaId, status: "Received" })
      expect(await sync()).toMatchObject({ created: 0, updated: 1, requested: 0, received: 1, errors: [] })
      const [received] = await amazon().listAmazonReturns({ store_id: storeId })
      expect(received).toMatchObject({ status: "received", medusa_status: "received", received_at: expect.any(Date), medusa_return_id: ret.medusa_return_id })
      returns = await returnsOf(row.order_id!)
      expect(returns).toHaveLength(1)
      expect(returns[0].status).toBe("received")
      expect(returns[0].items.map((i) => qty(i.received_quantity))).toEqual([1])
      expect(await stocked("DEMO-MUG")).toBe(stockBefore + 1)

      // reruns: still one return, received once, and no refund anywhere
      expect(await sync()).toMatchObject({ created: 0, updated: 0, requested: 0, received: 0, errors: [] })
      expect(await returnsOf(row.order_id!)).toHaveLength(1)
      expect(await stocked("DEMO-MUG")).toBe(stockBefore + 1)
      expect(await refundsOf(row.order_id!)).toEqual([])
      expect(await amazon().listAmazonRefunds({ store_id: storeId })).toEqual([])
      // no refund sent to Amazon either (the stock that came back may update the listing's quantity: that feed is fine)
      const feedTypes = sandbox().control.requests({ operation: "createFeed" }).map((r) => (r.body as { feedType?: string }).feedType)
      expect(feedTypes.filter((t) => t !== "JSON_LISTINGS_FEED")).toEqual([])

      // the order page shows it
      const { data } = await api.get(`/admin/amazon/orders/${row.id}/returns`, { headers })
      expect(data.returns).toEqual([expect.objectContaining({ amazon_rma_id: rmaId, status: "received", medusa_status: "received", medusa_return_id: ret.medusa_return_id })])
    })

    it("a return of an order not in Medusa is kept with the reason, and goes to Medusa once the order is imported", async () => {
      const row = await shippedOrder([{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }])
      const { orderIds } = sandbox().control.addOrders({ orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, status: "Shipped", items: [{ sku: "DEMO-TSHIRT-S", quantity: 1, unitPrice: 19.99 }] } as never] })
      sandbox().control.buyerReturn({ orderId: orderIds[0], items: [{ sku: "DEMO-TSHIRT-S" }] })
      sandbox().control.buyerReturn({ orderId: row.amazon_order_id, items: [{ sku: "DEMO-MUG" }] })

      const first = await sync()
      expect(first).toMatchObject({ created: 2, requested: 1, held: 1 })
      expect(first.errors).toEqual([expect.objectContaining({ code: "order_not_imported", message: expect.stringContaining(`Amazon order ${orderIds[0]}`) })])
      const [held] = await amazon().listAmazonReturns({ store_id: storeId, amazon_order_id: orderIds[0] })
      expect(held).toMatchObject({ status: "authorized", medusa_return_id: null, error: expect.stringMatching(/is not in Medusa .*the return waits for it/) })

      await importOrders(getContainer(), storeId)
      const imported = await ledgerRow(getContainer(), storeId, orderIds[0])
      expect(imported).toMatchObject({ import_status: "imported" })
      expect(await sync()).toMatchObject({ requested: 1, held: 0, errors: [] })
      expect(await amazon().listAmazonReturns({ store_id: storeId, amazon_order_id: orderIds[0] })).toEqual([expect.objectContaining({ medusa_status: "requested", error: null })])
      expect(await returnsOf(imported.order_id!)).toEqual([expect.objectContaining({ status: "requested" })])
    })
  },
})
