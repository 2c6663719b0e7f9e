import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { renderOrderProceeds } from "../../sandbox/order-money"
import { DEMO } from "../../sandbox/server"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { GERMANY, importOrders, ledgerRow, medusaOrder, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

const US = "ATVPDKIKX0DER"
const UK = "A1F83G8C2ARO7P"
const JP = "A1VC38T7YXB528"

const sandbox = useSandbox({ timeScale: 600 })

/**
 * Orders to the cent, through the real import: one order per marketplace family — US (sales tax on top,
 * promotion on item and shipping, marketplace facilitator, delivery tip), DE (VAT inside, gift wrap,
 * promotion), UK (Amazon Business: VAT on top), JP (yen, consumption tax inside, COD fee) — becomes a
 * Medusa order whose computed total is Amazon's grandTotal, with Amazon's tax as its tax total, and the
 * payment captured is that total.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    it("US, DE, UK and JP orders: Medusa total == Amazon total, tax == Amazon's tax, payment captured == total", async () => {
      const container = getContainer()
      const { headers } = await createAdminHeaders(container)
      const control = sandbox().control
      control.reset()
      const { storeId: euStore, salesChannelId } = await setUpAmazonStore(container, api, headers)
      await api.post(`/admin/amazon/stores/${euStore}/marketplaces/${UK}`, { enabled: true, orders_import: true }, { headers })

      // a store per seller (authorization is regional), each importing into the demo's channel
      const store = async (name: string, marketplaceId: string, sellerId: string, refreshToken: string) => {
        const { data } = await api.post(
          "/admin/amazon/stores",
          { name, email: `${name.toLowerCase()}@example.com`, marketplace_id: marketplaceId, product_id_type: "EAN", product_id_attribute: "barcode", sales_channel_id: salesChannelId },
          { headers }
        )
        await api.post(`/admin/amazon/stores/${data.amazon_store.id}/credentials`, { selling_partner_id: sellerId, refresh_token: refreshToken }, { headers })
        return data.amazon_store.id as string
      }
      const usStore = await store("US", US, DEMO.naSeller, DEMO.naRefreshToken)
      const jpSeller = control.createSeller({ marketplaceIds: [JP], refreshToken: "Atzr|sandbox-refresh-token-jp" })
      const jpStore = await store("JP", JP, jpSeller.seller.sellerId, jpSeller.refreshToken)
      await createRegionsWorkflow(container).run({
        input: {
          regions: [
            { name: "United States", currency_code: "usd", payment_providers: ["pp_system_default"] },
            { name: "United Kingdom", currency_code: "gbp", payment_providers: ["pp_system_default"] },
            { name: "Japan", currency_code: "jpy", payment_providers: ["pp_system_default"] },
          ],
        },
      })

      const [usId, deId, ukId, jpId] = control.addOrders({
        orders: [
          {
            sellerId: DEMO.naSeller,
            marketplaceId: US,
            tip: 3,
            items: [
              { sku: "DEMO-TSHIRT-S", quantity: 3, unitPrice: 10.99, shippingPrice: 5.99, taxRate: 8.25, promotion: { id: "US-10OFF", itemDiscount: 3, shippingDiscount: 5.99 }, taxCollection: "MARKETPLACE_FACILITATOR" },
              { sku: "DEMO-MUG", quantity: 1, unitPrice: 12.49, taxRate: 8.25 },
            ],
          },
          {
            sellerId: SANDBOX_EU.sellerId,
            marketplaceId: GERMANY,
            items: [
              { sku: "DEMO-MUG", quantity: 3, unitPrice: 12.5, shippingPrice: 4.9, giftWrapPrice: 3.5, promotion: { id: "DE-WINTER", itemDiscount: 2 } },
              { sku: "DEMO-TSHIRT-M", quantity: 1, unitPrice: 19.99 },
            ],
          },
          { sellerId: SANDBOX_EU.sellerId, marketplaceId: UK, business: true, items: [{ sku: "DEMO-TSHIRT-M", quantity: 3, unitPrice: 29.99, shippingPrice: 5 }] },
          { sellerId: jpSeller.seller.sellerId, marketplaceId: JP, items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 3490, codFee: 330 }] },
        ],
      }).orderIds

      for (const id of [euStore, usStore, jpStore]) await importOrders(container, id)

      const cases = [
        { store: usStore, id: usId, currency: "usd", inclusive: false, total: "48.96", tax: "3.50" },
        { store: euStore, id: deId, currency: "eur", inclusive: true, total: "63.89", tax: "10.20" },
        { store: euStore, id: ukId, currency: "gbp", inclusive: true, total: "113.96", tax: "18.99" },
        { store: jpStore, id: jpId, currency: "jpy", inclusive: true, total: "7310", tax: "665" },
      ]
      for (const c of cases) {
        // what the sandbox (Amazon) says the buyer paid
        const amazon = renderOrderProceeds(control.getOrder(c.id)!, c.currency.toUpperCase())
        expect(amazon.grandTotal.amount).toBe(c.total)

        const row = await ledgerRow(container, c.store, c.id)
        expect({ id: c.id, status: row?.import_status, issues: row?.issues ?? null }).toEqual({ id: c.id, status: "imported", issues: null })
        const order = await medusaOrder(container, row!.order_id!, [
          "id", "currency_code", "total", "tax_total", "discount_total", "shipping_total", "item_total",
          "items.id", "items.is_tax_inclusive", "items.unit_price", "items.quantity", "items.tax_lines.rate", "items.adjustments.code", "items.adjustments.amount",
          "shipping_methods.name", "shipping_methods.amount",
          "payment_collections.amount", "payment_collections.captured_amount", "payment_collections.status", "summary.*",
        ])
        const digits = c.currency === "jpy" ? 0 : 2
        const fixed = (value: unknown) => MathBN.convert(value as never).toFixed(digits)
        expect({ id: c.id, currency: order.currency_code, total: fixed(order.total), tax: fixed(order.tax_total) }).toEqual({ id: c.id, currency: c.currency, total: c.total, tax: c.tax })
        expect(order.items.every((i: { is_tax_inclusive: boolean }) => i.is_tax_inclusive === c.inclusive)).toBe(true)
        const [payment] = order.payment_collections
        expect({ id: c.id, amount: fixed(payment.amount), captured: fixed(payment.captured_amount), status: payment.status }).toEqual({ id: c.id, amount: c.total, captured: c.total, status: "completed" })
        // nothing outstanding, nothing to refund: the captured payment is the order's total
        expect({ id: c.id, pending: fixed(order.summary.pending_difference) }).toEqual({ id: c.id, pending: fixed(0) })
      }

      // the US order keeps Amazon's promotion on its line and its tip as a charge of its own
      const us = await medusaOrder(container, (await ledgerRow(container, usStore, usId))!.order_id!, ["items.adjustments.code", "items.metadata", "shipping_methods.name", "shipping_methods.adjustments.code"])
      expect(us.items.flatMap((i: { adjustments: Array<{ code: string }> }) => i.adjustments.map((a) => a.code))).toEqual(["US-10OFF"])
      expect(us.shipping_methods.map((m: { name: string }) => m.name).sort()).toEqual(["Delivery tip", "Standard Shipping"].sort())
      expect(us.items.some((i: { metadata: Record<string, unknown> }) => i.metadata.amazon_tax_collection === "MARKETPLACE_FACILITATOR")).toBe(true)
      // the DE gift wrap and the JP COD fee are shipping methods on the order
      const de = await medusaOrder(container, (await ledgerRow(container, euStore, deId))!.order_id!, ["shipping_methods.name", "shipping_methods.amount"])
      expect(de.shipping_methods.map((m: { name: string }) => m.name)).toContain("Gift wrap")
      const jp = await medusaOrder(container, (await ledgerRow(container, jpStore, jpId))!.order_id!, ["shipping_methods.name"])
      expect(jp.shipping_methods.map((m: { name: string }) => m.name)).toContain("Cash on delivery fee")

      expect(control.validationErrors()).toEqual([])
      expect(control.stats().totals.throttled).toBe(0)
    })
  },
})
