import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { eventually, GERMANY, importOrders, ledger, ledgerRow, medusaOrder, reservationsOf, reservedQuantity, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

const sandbox = useSandbox({ timeScale: 600 })

/** A seller on nine EU marketplaces: Germany, France, Italy, Spain, UK, Netherlands, Poland, Sweden, Belgium. */
const EU9 = ["A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1F83G8C2ARO7P", "A1805IZSGTT6HS", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9", "AMEN7PMS3EDWL"]
const EURO = ["A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1805IZSGTT6HS", "AMEN7PMS3EDWL"]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const addOrder = async (order: Record<string, unknown>) => {
      const { orderIds } = await sandbox().control.addOrders({ orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, ...order } as never] })
      return orderIds[0]
    }
    const stocked = async (sku: string) => {
      const { data } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "inventory_item",
        fields: ["sku", "location_levels.stocked_quantity"],
        filters: { sku },
      })
      return ((data[0] as { location_levels?: Array<{ stocked_quantity: number }> })?.location_levels ?? []).reduce((n, l) => n + Number(l.stocked_quantity), 0)
    }

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
    })

    afterEach(() => {
      expect(sandbox().control.validationErrors()).toEqual([])
      expect(sandbox().control.stats().totals.throttled).toBe(0)
    })

    it("reads all nine EU marketplaces of a seller in one searchOrders call, within one interval, and moves their cursors together", async () => {
      const seller = sandbox().control.createSeller({ marketplaceIds: EU9, refreshToken: "Atzr|sandbox-refresh-token-eu9" })
      const [webshop] = await getContainer().resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Webshop" })
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "EU9", email: "eu9@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode", sales_channel_id: webshop.id },
        { headers }
      )
      const eu9 = data.amazon_store.id as string
      await api.post(`/admin/amazon/stores/${eu9}/credentials`, { selling_partner_id: seller.seller.sellerId, refresh_token: seller.refreshToken }, { headers })
      const marketplaces = await amazon().listAmazonMarketplaces({ store_id: eu9 })
      expect(marketplaces.map((m) => m.marketplace_id).sort()).toEqual([...EU9].sort())
      await amazon().updateAmazonMarketplaces(marketplaces.map((m) => ({ id: m.id, enabled: true, orders_import: true })))
      const ids = sandbox().control.addOrders({
        orders: EU9.map((marketplaceId) => ({ sellerId: seller.seller.sellerId, marketplaceId, items: [{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }] })),
      }).orderIds
      sandbox().control.clearRequests()

      const { result } = await importOrders(getContainer(), eu9)

      const calls = sandbox().control.requests({ operation: "searchOrders" })
      expect(calls).toHaveLength(1)
      const asked = calls[0].query.marketplaceIds
      expect((Array.isArray(asked) ? asked : String(asked).split(",")).sort()).toEqual([...EU9].sort())
      expect(result.counts).toMatchObject({ pages: 1, orders_read: 9 })
      const rows = await ledger(getContainer(), eu9)
      expect(rows.map((r) => r.amazon_order_id).sort()).toEqual([...ids].sort())
      expect(new Set(rows.map((r) => r.marketplace_id)).size).toBe(9)
      // the euro marketplaces have the demo's Europe region: their orders are Medusa orders now
      for (const row of rows.filter((r) => EURO.includes(r.marketplace_id))) expect(row).toMatchObject({ import_status: "imported", order_id: expect.any(String) })
      const cursors = (await amazon().listAmazonMarketplaces({ store_id: eu9 })).map((m) => m.orders_cursor && new Date(m.orders_cursor).getTime())
      expect(cursors[0]).toBeTruthy()
      expect(new Set(cursors).size).toBe(1)
    })

    it("follows a partial cancellation: the line gets Amazon's quantity, the canceled units' reservation is released, the total is Amazon's", async () => {
      await importOrders(getContainer(), storeId) // the demo's own orders first
      const before = await reservedQuantity(getContainer(), "DEMO-MUG")
      const amazonOrderId = await addOrder({ items: [{ sku: "DEMO-MUG", quantity: 3, unitPrice: 12.5 }, { sku: "DEMO-TSHIRT-S", quantity: 1, unitPrice: 19.99 }] })
      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, amazonOrderId)
      expect(row.import_status).toBe("imported")
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 3)

      const mug = sandbox().control.getOrder(amazonOrderId)!.items.find((i) => i.sku === "DEMO-MUG")!
      sandbox().control.updateOrder(amazonOrderId, { items: [{ orderItemId: mug.orderItemId, quantityOrdered: 1 }] })
      const { result } = await importOrders(getContainer(), storeId)
      expect(result.counts).toMatchObject({ followed_amazon_changes: 1 })

      const after = await ledgerRow(getContainer(), storeId, amazonOrderId)
      expect(after).toMatchObject({ import_status: "imported", order_id: row.order_id, amazon_status: "UNSHIPPED" })
      const order = await medusaOrder(getContainer(), row.order_id!, ["status", "total", "items.id", "items.quantity", "items.variant_sku"])
      const lines = Object.fromEntries((order.items as Array<{ variant_sku: string; quantity: number }>).map((i) => [i.variant_sku, Number(i.quantity)]))
      expect(lines).toEqual({ "DEMO-MUG": 1, "DEMO-TSHIRT-S": 1 })
      expect(Number(order.total)).toBeCloseTo(Number(after.total), 2)
      expect(Number(after.total)).toBeCloseTo(12.5 + 19.99, 2)
      // what Amazon refunded the buyer for the two canceled mugs is recorded on the payment: nothing is due
      const paid = await medusaOrder(getContainer(), row.order_id!, ["summary.*", "payment_collections.payments.refunds.amount"])
      const refunds = (paid.payment_collections as Array<{ payments: Array<{ refunds: Array<{ amount: number }> }> }>).flatMap((c) => c.payments.flatMap((p) => p.refunds))
      expect(refunds.map((r) => Number(r.amount))).toEqual([25])
      expect(Number(paid.summary.pending_difference)).toBeCloseTo(0, 2)
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 1)
      const mugLine = (order.items as Array<{ id: string; variant_sku: string }>).find((i) => i.variant_sku === "DEMO-MUG")!
      expect((await reservationsOf(getContainer(), [mugLine.id])).map((r) => Number(r.quantity))).toEqual([1])

      // running again changes nothing more
      const again = await importOrders(getContainer(), storeId)
      expect(again.result.counts?.followed_amazon_changes).toBeUndefined()
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(before + 1)
    })

    it("shows a buyer's cancellation request on the order (admin API) before the merchant ships", async () => {
      const amazonOrderId = await addOrder({ items: [{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }] })
      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, amazonOrderId)
      expect(row.buyer_cancel_request).toBeNull()

      sandbox().control.updateOrder(amazonOrderId, { buyerCancelRequest: { reason: "Ordered by mistake" } })
      await importOrders(getContainer(), storeId)
      const { data } = await api.get(`/admin/amazon/orders?order_id=${row.order_id}`, { headers })
      expect(data.amazon_orders).toEqual([
        expect.objectContaining({ amazon_order_id: amazonOrderId, buyer_cancel_request: { reason: "Ordered by mistake", order_item_ids: [expect.any(String)] } }),
      ])
      const list = await api.get(`/admin/amazon/stores/${storeId}/orders?q=${amazonOrderId}`, { headers })
      expect(list.data.amazon_orders[0].buyer_cancel_request).toMatchObject({ reason: "Ordered by mistake" })

      // Amazon cancels it on the merchant's word: the request is closed and the order canceled
      sandbox().control.updateOrder(amazonOrderId, { status: "Canceled" })
      await importOrders(getContainer(), storeId)
      expect(await ledgerRow(getContainer(), storeId, amazonOrderId)).toMatchObject({ import_status: "canceled", buyer_cancel_request: null })
    })

    it("marks an order shipped in Seller Central fulfilled in Medusa, consumes its reservation, and sends no confirmShipment", async () => {
      await importOrders(getContainer(), storeId) // the demo's own orders first
      const reservedBefore = await reservedQuantity(getContainer(), "DEMO-MUG")
      const stockBefore = await stocked("DEMO-MUG")
      const amazonOrderId = await addOrder({ items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }] })
      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, amazonOrderId)
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(reservedBefore + 2)

      sandbox().control.updateOrder(amazonOrderId, { shipInSellerCentral: { trackingNumber: "00340434161094042557" } })
      sandbox().control.clearRequests()
      await importOrders(getContainer(), storeId)

      expect(await ledgerRow(getContainer(), storeId, amazonOrderId)).toMatchObject({ amazon_status: "SHIPPED", import_status: "imported" })
      const order = await medusaOrder(getContainer(), row.order_id!, ["items.id", "items.detail.fulfilled_quantity", "items.detail.shipped_quantity"])
      expect(order.items.map((i: { detail: { fulfilled_quantity: number; shipped_quantity: number } }) => [Number(i.detail.fulfilled_quantity), Number(i.detail.shipped_quantity)])).toEqual([[2, 2]])
      expect(await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))).toEqual([])
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(reservedBefore)
      expect(await stocked("DEMO-MUG")).toBe(stockBefore - 2)
      // nothing queued for Amazon, which has the package already
      await new Promise((r) => setTimeout(r, 1000))
      expect(await amazon().listAmazonShipments({ store_id: storeId, amazon_order_id: amazonOrderId })).toEqual([])
      expect(sandbox().control.requests({ operation: "confirmShipment" })).toEqual([])
      expect(sandbox().control.getOrder(amazonOrderId)!.packages).toHaveLength(1)
    })

    it("shows an order shipped in Seller Central before it was imported as shipped: one shipped fulfillment at the merchant location, no stock moved, nothing confirmed to Amazon", async () => {
      await importOrders(getContainer(), storeId) // the demo's own orders first
      const reservedBefore = await reservedQuantity(getContainer(), "DEMO-MUG")
      const stockBefore = await stocked("DEMO-MUG")
      const amazonOrderId = await addOrder({ status: "Shipped", items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }] })
      sandbox().control.clearRequests()
      await importOrders(getContainer(), storeId)

      const row = await ledgerRow(getContainer(), storeId, amazonOrderId)
      expect(row).toMatchObject({ import_status: "imported", fulfillment_channel: "MFN" })
      const order = await medusaOrder(getContainer(), row.order_id!, [
        "items.id", "items.detail.fulfilled_quantity", "items.detail.shipped_quantity",
        "fulfillments.id", "fulfillments.location_id", "fulfillments.shipped_at", "fulfillments.data", "fulfillments.items.quantity", "fulfillments.items.line_item_id",
      ])
      expect(order.items.map((i: { detail: { fulfilled_quantity: number; shipped_quantity: number } }) => [Number(i.detail.fulfilled_quantity), Number(i.detail.shipped_quantity)])).toEqual([[2, 2]])
      expect(order.fulfillments).toHaveLength(1)
      const [fulfillment] = order.fulfillments
      expect(fulfillment).toMatchObject({ data: { shipped_outside_medusa: true }, shipped_at: expect.anything() })
      expect(fulfillment.items.map((i: { line_item_id: string; quantity: number }) => [i.line_item_id, Number(i.quantity)])).toEqual([[order.items[0].id, 2]])
      // at the merchant's location (where the store's stock is), not an FBA one
      const { data: locations } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "stock_location", fields: ["id", "name", "metadata"], filters: { id: fulfillment.location_id } })
      expect(locations).toHaveLength(1)
      expect((locations[0] as { metadata?: Record<string, unknown> | null }).metadata?.amazon_fba_pool).toBeUndefined()
      // what the admin shows: Medusa derives the order's fulfillment status from its fulfillments
      const { data: adminOrder } = await api.get(`/admin/orders/${row.order_id}?fields=id,fulfillment_status`, { headers })
      expect(adminOrder.order.fulfillment_status).toBe("shipped")
      // no stock moved (it left before Medusa knew the order), nothing reserved
      expect(await stocked("DEMO-MUG")).toBe(stockBefore)
      expect(await reservedQuantity(getContainer(), "DEMO-MUG")).toBe(reservedBefore)
      expect(await reservationsOf(getContainer(), order.items.map((i: { id: string }) => i.id))).toEqual([])

      // marked delivered in the admin: the delivery is noted (the buyer data purge counts from it), and still
      // nothing goes to Amazon, which has the package already
      await api.post(`/admin/orders/${row.order_id}/fulfillments/${fulfillment.id}/mark-as-delivered`, {}, { headers })
      await eventually(async () => (await ledgerRow(getContainer(), storeId, amazonOrderId)).delivered_at, "the delivery to be noted on the ledger row")
      expect(await amazon().listAmazonShipments({ store_id: storeId, amazon_order_id: amazonOrderId })).toEqual([])
      expect(sandbox().control.requests({ operation: "confirmShipment" })).toEqual([])
    })

    it("does not import a multi-channel (NON_AMAZON) order as an Amazon order", async () => {
      const amazonOrderId = await addOrder({ salesChannel: "NON_AMAZON", items: [{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }] })
      const { result } = await importOrders(getContainer(), storeId)
      expect(result.counts).toMatchObject({ orders_non_amazon: 1 })
      expect(await ledgerRow(getContainer(), storeId, amazonOrderId)).toMatchObject({ channel_name: "NON_AMAZON", import_status: "skipped", order_id: null })
    })

    it("backs off rows that cannot be imported, and a new order is imported without waiting for them", async () => {
      const held = await Promise.all([1, 2, 3].map((n) => addOrder({ items: [{ sku: `AMZ-UNKNOWN-${n}`, quantity: 1, unitPrice: 5 }] })))
      await importOrders(getContainer(), storeId)
      const first = await Promise.all(held.map((id) => ledgerRow(getContainer(), storeId, id)))
      for (const row of first) {
        expect(row).toMatchObject({ import_status: "needs_attention", attempts: 1 })
        expect(new Date(row.next_attempt_at!).getTime()).toBeGreaterThan(Date.now())
      }

      const fresh = await addOrder({ items: [{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }] })
      const { result } = await importOrders(getContainer(), storeId, { concurrency: 1 })
      expect(await ledgerRow(getContainer(), storeId, fresh)).toMatchObject({ import_status: "imported", order_id: expect.any(String) })
      // not due yet: not tried again, not counted
      expect(result.counts?.needs_attention).toBeUndefined()
      for (const id of held) expect(await ledgerRow(getContainer(), storeId, id)).toMatchObject({ attempts: 1 })

      // once due, they are tried again and back off further
      await amazon().updateAmazonOrders(first.map((row) => ({ id: row.id, next_attempt_at: new Date(Date.now() - 1000) })))
      const later = await importOrders(getContainer(), storeId)
      expect(later.result.counts).toMatchObject({ needs_attention: 3 })
      for (const id of held) {
        const row = await ledgerRow(getContainer(), storeId, id)
        expect(row.attempts).toBe(2)
        expect(new Date(row.next_attempt_at!).getTime() - Date.now()).toBeGreaterThan(5 * 60 * 1000)
      }
    })
  },
})
