import { markOrderFulfillmentAsDeliveredWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { confirmAmazonShipmentsWorkflow } from "../../src/workflows/shipments"
import { createAdminHeaders } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { eventually, importOrders, ledger, medusaOrder, renameShippingOption, setUpAmazonStore, shipItems } from "./orders-setup"

jest.setTimeout(180_000)

const sandbox = useSandbox({ timeScale: 600 })

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
      const row = (await ledger(getContainer(), storeId)).find((r) => r.amazon_status === "UNSHIPPED" && r.order_id)!
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

    it("shows what is missing when a shipment has no tracking number, and sends nothing", async () => {
      const { order, tshirt } = await importedOrder()
      const fulfillmentId = await shipItems(getContainer(), order.id, [{ id: tshirt.id, quantity: 1 }], null)
      expect(await shipmentOf(fulfillmentId)).toMatchObject({ status: "failed", error: expect.objectContaining({ message: expect.stringMatching(/tracking number/) }) })
      await confirm()
      expect(confirmations()).toEqual([])
    })
  },
})
