import { markOrderFulfillmentAsDeliveredWorkflow, updateOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import { buyerDataBinding } from "../../src/modules/amazon/lib/secret-bindings"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { purgeAmazonBuyerDataWorkflow } from "../../src/workflows/buyer-data"
import { confirmAmazonShipmentsWorkflow } from "../../src/workflows/shipments"
import { createAdminHeaders } from "../helpers/admin"
import { captureOutput } from "../helpers/capture-output"
import { useSandbox } from "../helpers/sandbox"
import { eventually, importOrders, ledger, medusaOrder, setUpAmazonStore, shipItems } from "./orders-setup"

jest.setTimeout(180_000)

const sandbox = useSandbox({ timeScale: 600 })
const DAY = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const purge = (now: Date) => purgeAmazonBuyerDataWorkflow(getContainer()).run({ input: { now } })
    const orderFields = [
      "id", "email", "total", "customer.email", "items.variant_sku", "items.quantity", "items.unit_price",
      "shipping_address.first_name", "shipping_address.last_name", "shipping_address.address_1", "shipping_address.city",
      "shipping_address.postal_code", "shipping_address.phone", "shipping_address.country_code",
    ]

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
    })

    it("keeps buyer data encrypted at rest and out of logs, and puts the address where the merchant ships from", async () => {
      const output = captureOutput()
      try {
        await importOrders(getContainer(), storeId)
      } finally {
        output.stop()
      }
      const row = (await ledger(getContainer(), storeId)).find((r) => r.amazon_status === "UNSHIPPED" && r.order_id)!
      const buyer = sandbox().control.getOrder(row.amazon_order_id)!
      const name = buyer.shippingAddress.name
      expect(row.buyer_data_ciphertext).toMatch(/^v2\./)
      const { buyer_data_ciphertext, ...clear } = row
      expect(JSON.stringify(clear)).not.toContain(name)
      expect(JSON.parse(amazon().openSecret(buyer_data_ciphertext!, buyerDataBinding(storeId, row.amazon_order_id)))).toMatchObject({ name, email: buyer.buyer.email, address: { city: buyer.shippingAddress.city } })

      const order = await medusaOrder(getContainer(), row.order_id!, orderFields)
      expect(`${order.shipping_address.first_name} ${order.shipping_address.last_name}`).toBe(name)
      expect(order.shipping_address.address_1).toBe(buyer.shippingAddress.addressLine1)
      expect(order.email).toBe(buyer.buyer.email)

      const logged = output.text()
      for (const pii of [name, buyer.buyer.email, buyer.shippingAddress.addressLine1, buyer.shippingAddress.phone!]) expect(logged).not.toContain(pii)
      // the admin API never shows it either
      const { data } = await api.get(`/admin/amazon/stores/${storeId}/orders`, { headers })
      expect(JSON.stringify(data)).not.toContain(name)
      expect(JSON.stringify(data)).not.toContain("buyer_data_ciphertext")
    })

    it("purges buyer data 30 days after delivery (not a day before), from the ledger and the Medusa order, keeping order, amounts, SKUs and country", async () => {
      await importOrders(getContainer(), storeId)
      const row = (await ledger(getContainer(), storeId)).find((r) => r.amazon_status === "UNSHIPPED" && r.order_id)!
      const before = await medusaOrder(getContainer(), row.order_id!, [...orderFields, "items.id", "customer.id"])
      const fulfillmentId = await shipItems(getContainer(), row.order_id!, before.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity })), "00340434161234567890")
      await markOrderFulfillmentAsDeliveredWorkflow(getContainer()).run({ input: { orderId: row.order_id!, fulfillmentId } })
      const deliveredAt = new Date(await eventually(async () => (await amazon().retrieveAmazonOrder(row.id)).delivered_at, "the delivery to be noted"))

      // day 29: nothing goes
      const early = await purge(new Date(deliveredAt.getTime() + 29 * DAY))
      expect(early.result.purged).toBe(0)
      expect((await amazon().retrieveAmazonOrder(row.id)).buyer_data_ciphertext).toMatch(/^v2\./)

      // day 30 and a bit: this order's buyer is gone; orders without a delivery wait for Amazon's latest delivery date
      const due = await purge(new Date(deliveredAt.getTime() + 30 * DAY + 60_000))
      expect(due.result.order_ids).toEqual([row.order_id])
      const purged = await amazon().retrieveAmazonOrder(row.id)
      expect(purged).toMatchObject({ buyer_data_ciphertext: null, ship_country_code: "DE", amazon_order_id: row.amazon_order_id, currency_code: "EUR" })
      expect(purged.buyer_data_purged_at).toBeTruthy()
      expect(Number(purged.total)).toBe(Number(row.total))
      expect(purged.items).toEqual(row.items)

      const after = await medusaOrder(getContainer(), row.order_id!, orderFields)
      expect(after.shipping_address).toMatchObject({ first_name: null, last_name: null, address_1: null, city: null, postal_code: null, phone: null, country_code: "de" })
      expect(after.email).toBeNull()
      expect(after.customer?.email ?? null).toBeNull()
      expect(Number(after.total)).toBe(Number(before.total))
      expect(after.items.map((i: { variant_sku: string }) => i.variant_sku).sort()).toEqual(before.items.map((i: { variant_sku: string }) => i.variant_sku).sort())

      // a later change from Amazon does not bring the buyer back
      await sandbox().control.updateOrder(row.amazon_order_id, { status: "Shipped" })
      await importOrders(getContainer(), storeId)
      expect((await amazon().retrieveAmazonOrder(row.id)).buyer_data_ciphertext).toBeNull()

      // the others go 30 days after Amazon's latest delivery date
      const rest = (await ledger(getContainer(), storeId)).filter((r) => r.buyer_data_ciphertext)
      expect(rest.length).toBeGreaterThan(0)
      const latest = Math.max(...rest.map((r) => new Date(r.latest_delivery_at!).getTime()))
      await purge(new Date(latest + 29 * DAY))
      expect((await ledger(getContainer(), storeId)).filter((r) => r.buyer_data_ciphertext).length).toBeGreaterThan(0)
      await purge(new Date(latest + 30 * DAY + 60_000))
      expect((await ledger(getContainer(), storeId)).filter((r) => r.buyer_data_ciphertext)).toEqual([])
    })

    it("leaves no trace of a shipped and delivered buyer in any table after the purge (fulfillment addresses and the order's history included)", async () => {
      await importOrders(getContainer(), storeId)
      const row = (await ledger(getContainer(), storeId)).find(
        (r) => r.amazon_status === "UNSHIPPED" && r.order_id && sandbox().control.getOrder(r.amazon_order_id)?.items.some((i) => i.sku === "DEMO-MUG")
      )!
      const order = await medusaOrder(getContainer(), row.order_id!, ["id", "items.id", "items.variant_sku"])
      const ordered = (sku: string) => sandbox().control.getOrder(row.amazon_order_id)!.items.find((i) => i.sku === sku)!.quantityOrdered
      const items = order.items.map((i: { id: string; variant_sku: string }) => ({ id: i.id, quantity: ordered(i.variant_sku) }))
      // the merchant corrected the address and the e-mail in the admin: Medusa keeps the old and new ones in the order's history
      await updateOrderWorkflow(getContainer()).run({
        input: { id: row.order_id!, user_id: "user_merchant", shipping_address: { address_2: "Hinterhaus 7" }, email: "corrected.buyer@example.com" },
      })
      const fulfillmentId = await shipItems(getContainer(), row.order_id!, items, "00340434161234567890")
      await eventually(async () => (await amazon().listAmazonShipments({ fulfillment_id: fulfillmentId }))[0], "the shipment to be queued")
      await confirmAmazonShipmentsWorkflow(getContainer()).run({ input: { store_id: storeId, trigger: "manual" } })
      await markOrderFulfillmentAsDeliveredWorkflow(getContainer()).run({ input: { orderId: row.order_id!, fulfillmentId } })
      const deliveredAt = new Date(await eventually(async () => (await amazon().retrieveAmazonOrder(row.id)).delivered_at, "the delivery to be noted"))

      const amazonOrder = sandbox().control.getOrder(row.amazon_order_id)!
      const traces = [
        amazonOrder.buyer.name, amazonOrder.shippingAddress.name, amazonOrder.shippingAddress.addressLine1, amazonOrder.shippingAddress.phone, amazonOrder.buyer.email,
        "Hinterhaus 7", "corrected.buyer@example.com",
      ].filter((v): v is string => !!v)
      // before: the buyer is where the merchant needs it (order, fulfillment's delivery address, the order's history)
      const before = await tablesContaining(traces)
      expect(before).toEqual(
        expect.arrayContaining([expect.stringMatching(/^order_address\./), expect.stringMatching(/^fulfillment_address\./), "order_change_action.details"])
      )

      await purge(new Date(deliveredAt.getTime() + 30 * DAY + 60_000))
      expect(await tablesContaining(traces)).toEqual([])
      const [fulfillment] = await getContainer().resolve(Modules.FULFILLMENT).listFulfillments({ id: fulfillmentId }, { relations: ["delivery_address"] })
      expect(fulfillment.delivery_address).toMatchObject({ first_name: null, last_name: null, address_1: null, phone: null, country_code: "de" })
    })

    /**
     * "table.column" of every text, varchar and json column in the database holding one of the values
     * (case-insensitive). Sealed ciphertext does not contain them; a copy in clear anywhere does.
     */
    async function tablesContaining(values: string[]): Promise<string[]> {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: columns } = (await pg.raw(
        `select c.table_name, c.column_name from information_schema.columns c
           join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
          where c.table_schema = current_schema() and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`
      )) as { rows: Array<{ table_name: string; column_name: string }> }
      const patterns = values.map((v) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      const hits: string[] = []
      for (const { table_name, column_name } of columns) {
        const { rows } = (await pg.raw(`select count(*)::int as n from ?? where ??::text ilike any(?)`, [table_name, column_name, patterns])) as { rows: Array<{ n: number }> }
        if (rows[0].n > 0) hits.push(`${table_name}.${column_name}`)
      }
      return hits.sort()
    }
  },
})
