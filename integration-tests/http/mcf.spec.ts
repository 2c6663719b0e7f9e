import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { ensureFbaLocation } from "../../src/utils/fba"
import { type McfRow, runMcf, sendMcfOrder } from "../../src/utils/mcf/ledger"
import { describeMcf } from "../../src/utils/mcf/mapping"
import { ensureMcfShippingOptions } from "../../src/utils/mcf/shipping-options"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { eventually, GERMANY, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

const SELLER = SANDBOX_EU.sellerId
const sandbox = useSandbox({ timeScale: 600 })
const BERLIN = { first_name: "Erika", last_name: "Mustermann", address_1: "Hauptstraße 5", city: "Berlin", postal_code: "10115", country_code: "de", phone: "+49301234567" }

/**
 * Issue 15, Multi-Channel Fulfillment: a web order whose fulfillment uses an Amazon MCF shipping option becomes
 * exactly one Amazon fulfillment order (id = the Medusa fulfillment id) even when the answer to the create is
 * lost, is shipped with Amazon's tracking, reports unfulfillable items in words, and can be cancelled.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    let locationId: string
    let options: Record<string, string>
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const control = () => sandbox().control

    const variant = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "title", "inventory_items.inventory_item_id"], filters: { sku } })
      return data[0] as { id: string; title: string; inventory_items: Array<{ inventory_item_id: string }> }
    }

    const webOrder = async (sku: string, quantity: number, optionId: string) => {
      const v = await variant(sku)
      const [region] = await getContainer().resolve(Modules.REGION).listRegions({ name: "Europe" })
      const { result } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: region.id,
          sales_channel_id: salesChannelId,
          email: "erika@example.com",
          currency_code: "eur",
          shipping_address: BERLIN,
          billing_address: BERLIN,
          items: [{ variant_id: v.id, quantity, title: v.title, unit_price: 24 }],
          shipping_methods: [{ name: "Amazon MCF Standard", amount: 5.9, shipping_option_id: optionId, data: { id: "mcf-standard", shipping_speed: "Standard" } }],
        } as never,
      })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: result.id } })
      const lineItemId = (data[0] as { items: Array<{ id: string }> }).items[0].id
      // as a storefront checkout does, the order's units are reserved at the location that ships them
      await getContainer()
        .resolve(Modules.INVENTORY)
        .createReservationItems([{ line_item_id: lineItemId, inventory_item_id: v.inventory_items[0].inventory_item_id, location_id: locationId, quantity }])
      return { orderId: result.id as string, lineItemId }
    }

    const fulfil = async (orderId: string, lineItemId: string, quantity: number) => {
      const res = await api
        .post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: lineItemId, quantity }], location_id: locationId }, { headers })
        .catch((e: any) => {
          throw new Error(`create fulfillment: ${JSON.stringify(e.response?.data)}`)
        })
      expect(res.status).toBe(200)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["fulfillments.id", "fulfillments.provider_id", "fulfillments.data", "fulfillments.created_at"], filters: { id: orderId } })
      const fulfillments = (data[0] as { fulfillments: Array<{ id: string; provider_id: string; data: Record<string, any>; created_at: string }> }).fulfillments
      return fulfillments.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))[fulfillments.length - 1]
    }
    const rowOf = async (fulfillmentId: string) => (await amazon().listAmazonMcfOrders({ fulfillment_id: fulfillmentId }))[0] as unknown as McfRow | undefined

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await control().reset()
      control().clearValidationErrors()
      ;({ storeId, salesChannelId } = await setUpAmazonStore(getContainer(), api, headers))
      locationId = await ensureFbaLocation(getContainer(), { storeId, pool: "EU" })
      options = await ensureMcfShippingOptions(getContainer(), { locationId, countries: ["de", "fr", "at"], prices: [{ currency_code: "eur", amounts: [5.9, 8.9, 14.9] }] })
      const inventory = getContainer().resolve(Modules.INVENTORY)
      for (const sku of ["DEMO-BOOK", "DEMO-MUG"]) {
        const itemId = (await variant(sku)).inventory_items[0].inventory_item_id
        const [level] = await inventory.listInventoryLevels({ inventory_item_id: itemId, location_id: locationId })
        if (!level) await inventory.createInventoryLevels([{ inventory_item_id: itemId, location_id: locationId, stocked_quantity: 20 }])
      }
    })

    afterEach(() => {
      expect(control().validationErrors()).toEqual([])
    })

    it("offers Standard, Expedited and Priority on the FBA location, for the amazon-mcf provider", async () => {
      expect(Object.keys(options).sort()).toEqual(["mcf-expedited", "mcf-priority", "mcf-standard"])
      const { data } = await api.get(`/admin/fulfillment-providers?stock_location_id=${locationId}`, { headers })
      expect(data.fulfillment_providers.map((p: { id: string }) => p.id)).toContain("amazon-mcf_amazon-mcf")
      const { data: opts } = await api.get(`/admin/fulfillment-providers/amazon-mcf_amazon-mcf/options`, { headers })
      expect(opts.fulfillment_options.map((o: { id: string }) => o.id)).toEqual(["mcf-standard", "mcf-expedited", "mcf-priority"])
    })

    it("creates the Amazon order once even when the create's answer is lost, then ships it in Medusa with Amazon's tracking", async () => {
      const { orderId, lineItemId } = await webOrder("DEMO-BOOK", 2, options["mcf-standard"])
      // Amazon receives the create, but the worker never hears back (a 500 after processing)
      control().addFault({ operation: "createFulfillmentOrder", kind: "500", processed: true, count: 1 })
      const fulfillment = await fulfil(orderId, lineItemId, 2)
      expect(fulfillment.provider_id).toBe("amazon-mcf_amazon-mcf")
      expect(fulfillment.data.mcf).toMatchObject({ seller_fulfillment_order_id: fulfillment.id, shipping_speed: "Standard" })

      const pending = await eventually(async () => {
        const row = await rowOf(fulfillment.id)
        return row && row.attempts > 0 ? row : null
      }, "the first send")
      expect(pending).toMatchObject({ status: "pending", store_id: storeId, marketplace_id: GERMANY, pool: "EU", seller_fulfillment_order_id: fulfillment.id })
      expect(control().requests({ operation: "createFulfillmentOrder" })).toHaveLength(1)

      // the next run reads Amazon first: the order is there, no second create
      const sent = await sendMcfOrder(getContainer(), pending)
      expect(sent.status).toBe("sent")
      expect(control().requests({ operation: "createFulfillmentOrder" })).toHaveLength(1)
      const client = await amazon().getStoreSpApiClient(storeId)
      const atAmazon = await client.fulfillmentOutbound.getFulfillmentOrder(fulfillment.id)
      expect(atAmazon?.fulfillmentOrder).toMatchObject({ sellerFulfillmentOrderId: fulfillment.id, marketplaceId: GERMANY, shippingSpeedCategory: "Standard" })
      expect(atAmazon?.fulfillmentOrder.destinationAddress).toMatchObject({ name: "Erika Mustermann", addressLine1: "Hauptstraße 5", postalCode: "10115", countryCode: "DE" })
      expect(atAmazon?.fulfillmentOrderItems).toEqual([expect.objectContaining({ sellerSku: "DEMO-BOOK", quantity: 2 })])

      // an hour of Amazon time later the package is out
      control().advanceClock(Math.ceil((3700 * 1000) / 600))
      await runMcf(getContainer())
      const shipped = (await rowOf(fulfillment.id))!
      expect(shipped.status).toBe("shipped")
      expect(shipped.tracking![0].tracking_url).toMatch(/^https:\/\/www\.swiship\.com\/track\?id=TBA/)
      expect(describeMcf(shipped as never)).toBe("Shipped by Amazon")

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["fulfillments.shipped_at", "fulfillments.labels.*"], filters: { id: orderId } })
      const order = data[0] as { fulfillments: Array<{ shipped_at: string | null; labels: Array<{ tracking_number: string; tracking_url: string }> }> }
      const { data: admin } = await api.get(`/admin/orders/${orderId}?fields=fulfillment_status`, { headers })
      expect(admin.order.fulfillment_status).toBe("shipped")
      expect(order.fulfillments[0].shipped_at).toBeTruthy()
      expect(order.fulfillments[0].labels[0]).toMatchObject({ tracking_number: shipped.tracking![0].tracking_number, tracking_url: shipped.tracking![0].tracking_url })
      // a second run changes nothing
      await runMcf(getContainer())
      expect(control().requests({ operation: "createFulfillmentOrder" })).toHaveLength(1)
    })

    it("reports an item without FBA stock in words", async () => {
      control().setFbaInventory({ sellerId: SELLER, marketplaceId: GERMANY, items: [{ sellerSku: "DEMO-BOOK", fulfillable: 1 }] })
      const { orderId, lineItemId } = await webOrder("DEMO-BOOK", 3, options["mcf-standard"])
      const fulfillment = await fulfil(orderId, lineItemId, 3)
      await eventually(async () => (await rowOf(fulfillment.id))?.status === "sent", "the send")
      control().advanceClock(Math.ceil((70 * 1000) / 600) + 50)
      await runMcf(getContainer())
      const row = (await rowOf(fulfillment.id))!
      expect(row.status).toBe("unfulfillable")
      expect(describeMcf(row as never)).toBe(
        "Amazon cannot fulfil this order: no FBA stock for 3 of 3 × DEMO-BOOK (Amazon has no fulfillable FBA stock for it). Cancel the fulfillment and ship it another way."
      )
    })

    it("cancels at Amazon when the Medusa fulfillment is cancelled while Amazon is still planning", async () => {
      // Amazon's time at 1× for this test: at 600× the order is Processing a second after it was sent
      control().setTimeScale(1)
      try {
        const { orderId, lineItemId } = await webOrder("DEMO-BOOK", 1, options["mcf-standard"])
        const fulfillment = await fulfil(orderId, lineItemId, 1)
        await eventually(async () => (await rowOf(fulfillment.id))?.status === "sent", "the send")
        control().advanceClock(61_000) // Received → Planning
        const client = await amazon().getStoreSpApiClient(storeId)
        expect((await client.fulfillmentOutbound.getFulfillmentOrder(fulfillment.id))?.fulfillmentOrder.fulfillmentOrderStatus).toBe("Planning")
        await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/cancel`, {}, { headers })
        const row = await eventually(async () => {
          const r = await rowOf(fulfillment.id)
          return r?.status === "cancelled" ? r : null
        }, "the cancellation")
        expect(row.amazon_status).toBe("Cancelled")
        expect(describeMcf(row as never)).toBe("Cancelled at Amazon")
        expect(control().requests({ operation: "cancelFulfillmentOrder" })).toHaveLength(1)
        expect((await client.fulfillmentOutbound.getFulfillmentOrder(fulfillment.id))?.fulfillmentOrder.fulfillmentOrderStatus).toBe("Cancelled")
        // the job does not send or cancel it again
        await runMcf(getContainer())
        expect(control().requests({ operation: "cancelFulfillmentOrder" })).toHaveLength(1)
        expect(control().requests({ operation: "createFulfillmentOrder" })).toHaveLength(1)
      } finally {
        control().setTimeScale(600)
      }
    })

    it("says in words that Amazon refused the cancellation once it is processing, and ships it", async () => {
      control().setTimeScale(1)
      try {
        const { orderId, lineItemId } = await webOrder("DEMO-BOOK", 1, options["mcf-standard"])
        const fulfillment = await fulfil(orderId, lineItemId, 1)
        await eventually(async () => (await rowOf(fulfillment.id))?.status === "sent", "the send")
        control().advanceClock(700_000) // Amazon is Processing; Medusa has not polled yet
        await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/cancel`, {}, { headers })
        const row = await eventually(async () => {
          const r = await rowOf(fulfillment.id)
          return r?.error?.code === "CANCEL_REFUSED" ? r : null
        }, "Amazon's refusal")
        expect(row).toMatchObject({ status: "sent", amazon_status: "Processing" })
        expect(describeMcf(row as never)).toMatch(
          /^Amazon refused the cancellation \(Only orders in the Received or Planning status can be canceled; this order is Processing\.\); the order is Processing at Amazon and will be shipped\. Amazon's status: Processing$/
        )
        // Amazon ships it: the row says so, and Medusa's cancelled fulfillment gets no shipment
        control().advanceClock(3_000_000)
        await runMcf(getContainer())
        const shipped = (await rowOf(fulfillment.id))!
        expect(shipped.status).toBe("shipped")
        expect(describeMcf(shipped as never)).toMatch(/^Shipped by Amazon although the Medusa fulfillment was cancelled: Amazon refused the cancellation/)
        expect(shipped.tracking![0].tracking_number).toMatch(/^TBA/)
      } finally {
        control().setTimeScale(600)
      }
    })
  },
})
