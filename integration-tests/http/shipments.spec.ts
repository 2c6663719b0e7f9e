import { markOrderFulfillmentAsDeliveredWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { confirmAmazonShipmentsWorkflow, queueAmazonShipmentWorkflow } from "../../src/workflows/shipments"
import { createAdminHeaders } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { eventually, importOrders, ledger, medusaOrder, renameShippingOption, setUpAmazonStore, shipItems } from "./orders-setup"

jest.setTimeout(180_000)

const sandbox = useSandbox({ timeScale: 600 })

/** The fields of a shipment row that a new row needs. */
const pick = (s: Record<string, any>) => ({
  store_id: s.store_id, amazon_order_id: s.amazon_order_id, carrier_code: s.carrier_code, tracking_number: s.tracking_number, ship_date: s.ship_date, items: s.items,
})

type ConfirmBody = {
  marketplaceId: string
  packageDetail: { packageReferenceId: string; carrierCode: string; carrierName?: string; trackingNumber: string; shipDate: string; orderItems: Array<{ orderItemId: string; quantity: number }> }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)

    /** The demo's unshipped two-line order, imported: T-shirt ×1, mug ×2. */
    const importedOrder = async () => {
      await importOrders(getContainer(), storeId)
      // the demo's two-line order (its pending one may have become unshipped too: 30 simulated minutes are 3 s here)
      const row = (await ledger(getContainer(), storeId)).find(
        (r) => r.amazon_status === "UNSHIPPED" && r.order_id && sandbox().control.getOrder(r.amazon_order_id)?.items.some((i) => i.sku === "DEMO-MUG")
      )!
      const order = await medusaOrder(getContainer(), row.order_id!, ["id", "items.id", "items.variant_sku", "items.quantity", "items.metadata"])
      const item = (sku: string) => order.items.find((i: { variant_sku: string }) => i.variant_sku === sku)
      return { row, order, tshirt: item("DEMO-TSHIRT-S"), mug: item("DEMO-MUG") }
    }
    const confirmations = () => sandbox().control.requests({ operation: "confirmShipment" }) as Array<{ status: number; body: ConfirmBody; path: string }>
    const shipmentOf = (fulfillmentId: string) =>
      eventually(async () => (await amazon().listAmazonShipments({ fulfillment_id: fulfillmentId }))[0], "the shipment to be queued")
    const confirm = () => confirmAmazonShipmentsWorkflow(getContainer()).run({ input: { store_id: storeId, trigger: "manual" } })

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
    })

    afterEach(() => {
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    it("confirms each Medusa shipment to Amazon with the carrier code, tracking number and items — Other + name for carriers Amazon does not list", async () => {
      const { row, order, tshirt, mug } = await importedOrder()

      await renameShippingOption(getContainer(), "DHL Paket")
      const first = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }], "00340434161234567890")
      expect(await shipmentOf(first)).toMatchObject({ status: "pending", carrier_code: "DHL", package_reference_id: "1" })
      const { result: run } = await confirm()
      expect(run).toMatchObject({ status: "succeeded", counts: { confirmed: 1 } })

      await renameShippingOption(getContainer(), "Kurier Schmidt")
      const second = await shipItems(getContainer(), order.id, [{ id: mug.id, quantity: 2 }], "KS-4711")
      await shipmentOf(second)
      await confirm()

      const sent = confirmations()
      expect(sent.map((r) => r.status)).toEqual([204, 204])
      expect(sent[0].path).toContain(`/orders/v0/orders/${row.amazon_order_id}/shipmentConfirmation`)
      expect(sent[0].body).toMatchObject({
        marketplaceId: "A1PA6795UKMFR9",
        packageDetail: {
          packageReferenceId: "1",
          carrierCode: "DHL",
          trackingNumber: "00340434161234567890",
          orderItems: [{ orderItemId: tshirt.metadata.amazon_order_item_id, quantity: 1 }],
        },
      })
      expect(sent[0].body.packageDetail.carrierName).toBeUndefined()
      expect(new Date(sent[0].body.packageDetail.shipDate).getTime()).not.toBeNaN()
      expect(sent[1].body.packageDetail).toMatchObject({
        packageReferenceId: "2",
        carrierCode: "Other",
        carrierName: "Kurier Schmidt",
        trackingNumber: "KS-4711",
        orderItems: [{ orderItemId: mug.metadata.amazon_order_item_id, quantity: 2 }],
      })
      // Amazon has both packages and the order is shipped there
      expect(sandbox().control.getOrder(row.amazon_order_id)).toMatchObject({ status: "SHIPPED", packages: [{ trackingNumber: "00340434161234567890" }, { trackingNumber: "KS-4711" }] })

      // the order page's widget
      const { data } = await api.get(`/admin/amazon/orders?order_id=${order.id}`, { headers })
      expect(data.amazon_orders).toEqual([
        expect.objectContaining({
          amazon_order_id: row.amazon_order_id,
          marketplace: expect.objectContaining({ country_code: "DE" }),
          shipment_status: "confirmed",
          shipments: [expect.objectContaining({ status: "confirmed", carrier_code: "DHL" }), expect.objectContaining({ status: "confirmed", carrier_code: "Other" })],
        }),
      ])
      // nothing left: a run sends nothing twice
      await confirm()
      expect(confirmations()).toHaveLength(2)
    })

    it("keeps Amazon's message when a confirmation fails, shows it, and confirms on retry — without confirming twice", async () => {
      const { row, order, tshirt, mug } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }, { id: mug.id, quantity: 2 }], "1Z999AA10123456784")
      await shipmentOf(fulfillmentId)

      sandbox().control.addFault({ operation: "confirmShipment", kind: "500", count: 1 })
      const { result: run } = await confirm()
      expect(run.counts).toMatchObject({ failed: 1 })
      const failed = (await amazon().listAmazonShipments({ fulfillment_id: fulfillmentId }))[0]
      expect(failed).toMatchObject({ status: "failed", attempts: 1, error: expect.objectContaining({ code: "InternalFailure", uncertain: true }) })
      expect((failed.error as { message: string }).message).toMatch(/InternalFailure/)
      expect(new Date(failed.next_attempt_at!).getTime()).toBeGreaterThan(Date.now())

      // the widget shows Amazon's reason
      const { data } = await api.get(`/admin/amazon/orders?order_id=${order.id}`, { headers })
      expect(data.amazon_orders[0]).toMatchObject({ shipment_status: "failed", shipments: [{ status: "failed", error: { code: "InternalFailure" } }] })
      // and the scheduled run leaves it alone until its backoff is over
      await confirm()
      expect(confirmations()).toHaveLength(1)

      // retry: Amazon is asked first whether the package arrived after all (it did not), then it is sent
      const retried = await api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers })
      expect(retried.data.amazon_order).toMatchObject({ shipment_status: "confirmed", shipments: [{ status: "confirmed", attempts: 1 }] })
      expect(sandbox().control.requests({ operation: "getOrder" })).toHaveLength(1)
      expect(confirmations().map((r) => r.status)).toEqual([500, 204])
      expect(sandbox().control.getOrder(row.amazon_order_id)!.packages).toHaveLength(1)
    })

    it("waits for the delivery when the store confirms on delivery, and notes the delivery date", async () => {
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { confirm_shipment_on: "delivered" } }, { headers })
      const { row, order, tshirt, mug } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }, { id: mug.id, quantity: 2 }], "00340434169999999999")
      await new Promise((r) => setTimeout(r, 1000))
      expect(await amazon().listAmazonShipments({ fulfillment_id: fulfillmentId })).toEqual([])

      await markOrderFulfillmentAsDeliveredWorkflow(getContainer()).run({ input: { orderId: order.id, fulfillmentId } })
      expect(await shipmentOf(fulfillmentId)).toMatchObject({ status: "pending", tracking_number: "00340434169999999999" })
      const delivered = await eventually(async () => (await amazon().retrieveAmazonOrder(row.id)).delivered_at, "the delivery date")
      expect(new Date(delivered).getTime()).toBeLessThanOrEqual(Date.now())
      await confirm()
      expect(confirmations().map((r) => r.status)).toEqual([204])
    })

    it("shows what is missing when a shipment has no tracking number, sends nothing, and sends it once the number is added and retried", async () => {
      const { row, order, tshirt } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }], null)
      expect(await shipmentOf(fulfillmentId)).toMatchObject({ status: "failed", error: expect.objectContaining({ message: expect.stringMatching(/tracking number/) }) })
      await confirm()
      expect(confirmations()).toEqual([])

      // a retry before the number is there changes nothing and asks Amazon nothing
      const early = await api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers })
      expect(early.data.amazon_order.shipments).toEqual([expect.objectContaining({ status: "failed", error: expect.objectContaining({ code: "not_confirmable" }) })])
      expect(confirmations()).toEqual([])

      // the merchant adds the tracking number to the fulfillment's label, then retries: the package is read again and sent
      await getContainer()
        .resolve(Modules.FULFILLMENT)
        .updateFulfillment(fulfillmentId, { labels: [{ tracking_number: "00340434160000000001", tracking_url: "https://track.example/1", label_url: "https://label.example/1" }] })
      const retried = await api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers })
      expect(retried.data.amazon_order).toMatchObject({ shipment_status: "confirmed", shipments: [{ status: "confirmed", tracking_number: "00340434160000000001" }] })
      expect(confirmations().map((r) => [r.status, r.body.packageDetail.trackingNumber, r.body.packageDetail.packageReferenceId])).toEqual([[204, "00340434160000000001", "1"]])
      expect(sandbox().control.getOrder(row.amazon_order_id)!.packages.map((p) => p.trackingNumber)).toEqual(["00340434160000000001"])
    })

    it("numbers two packages of one order apart when their events arrive at once, and the database refuses a number twice", async () => {
      // confirm on delivery: shipping queues nothing, so both packages are queued by the two events below at once
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { confirm_shipment_on: "delivered" } }, { headers })
      const { row, order, tshirt, mug } = await importedOrder()
      const first = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }], "00340434161111111111")
      const second = await shipItems(getContainer(), order.id, [{ id: mug.id, quantity: 2 }], "00340434162222222222")
      await Promise.all(
        [first, second].map((fulfillment_id) => queueAmazonShipmentWorkflow(getContainer()).run({ input: { fulfillment_id, event: "delivered" } }))
      )
      const queued = await amazon().listAmazonShipments({ amazon_order_id: row.amazon_order_id })
      expect(queued.map((s) => s.package_reference_id).sort()).toEqual(["1", "2"])

      const [one] = queued
      await expect(
        amazon().createAmazonShipments({ ...pick(one), fulfillment_id: "ful_other", package_reference_id: one.package_reference_id })
      ).rejects.toThrow()

      await confirm()
      expect(confirmations().map((r) => r.status)).toEqual([204, 204])
      expect(sandbox().control.getOrder(row.amazon_order_id)!.packages).toHaveLength(2)
    })

    it("does not send twice what Amazon took while its answer was lost: the retry finds the package by its tracking number", async () => {
      const { row, order, tshirt, mug } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }, { id: mug.id, quantity: 2 }], "1Z999AA10123456799")
      await shipmentOf(fulfillmentId)
      // Amazon records the package, then its gateway answers 500
      sandbox().control.addFault({ operation: "confirmShipment", kind: "500", processed: true, count: 1 })
      await confirm()
      expect((await amazon().listAmazonShipments({ fulfillment_id: fulfillmentId }))[0]).toMatchObject({ status: "failed", error: expect.objectContaining({ uncertain: true }) })

      const retried = await api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers })
      expect(retried.data.amazon_order).toMatchObject({ shipment_status: "confirmed", shipments: [{ status: "confirmed" }] })
      expect(confirmations().map((r) => r.status)).toEqual([500])
      expect(sandbox().control.getOrder(row.amazon_order_id)!.packages).toHaveLength(1)
    })

    it("takes the next free package number when the merchant shipped another item in Seller Central under ours meanwhile", async () => {
      const { row, order, tshirt, mug } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }], "1Z999AA10123456700")
      expect(await shipmentOf(fulfillmentId)).toMatchObject({ package_reference_id: "1" })
      sandbox().control.addFault({ operation: "confirmShipment", kind: "500", count: 1 })
      await confirm()
      // the mug goes out through Seller Central: Amazon numbers that package 1
      sandbox().control.updateOrder(row.amazon_order_id, {
        shipInSellerCentral: { trackingNumber: "SC-MUG-1", items: [{ orderItemId: mug.metadata.amazon_order_item_id, quantity: 2 }] },
      })

      const retried = await api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers })
      expect(retried.data.amazon_order.shipments).toEqual([expect.objectContaining({ status: "confirmed", package_reference_id: "2" })])
      expect(confirmations().map((r) => [r.status, r.body.packageDetail.packageReferenceId])).toEqual([[500, "1"], [204, "2"]])
      expect(sandbox().control.getOrder(row.amazon_order_id)).toMatchObject({
        status: "SHIPPED",
        packages: [{ trackingNumber: "SC-MUG-1" }, { trackingNumber: "1Z999AA10123456700", packageReferenceId: "2" }],
      })
    })

    it("runs the admin's retry under the store's shipments lock: it waits for the run that holds it", async () => {
      const { row, order, tshirt } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }], "00340434163333333333")
      await shipmentOf(fulfillmentId)
      sandbox().control.addFault({ operation: "confirmShipment", kind: "500", count: 1 })
      await confirm()
      expect(confirmations().map((r) => r.status)).toEqual([500])

      // a shipments run holds the store (as the job does while it sends)
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(`amazon-shipments:${storeId}`, { ownerId: "a-running-job", expire: 60 })
      let answered = false
      const retry = api.post(`/admin/amazon/orders/${row.id}/retry`, {}, { headers }).finally(() => (answered = true))
      await new Promise((r) => setTimeout(r, 1500))
      expect(answered).toBe(false)
      expect(confirmations()).toHaveLength(1)
      await locking.release(`amazon-shipments:${storeId}`, { ownerId: "a-running-job" })
      const { data } = await retry
      expect(data.amazon_order).toMatchObject({ shipment_status: "confirmed" })
      expect(confirmations().map((r) => r.status)).toEqual([500, 204])
    })
  },
})
