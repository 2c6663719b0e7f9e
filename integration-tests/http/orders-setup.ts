import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedDemo from "../../scripts/seed-demo"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { importAmazonOrdersWorkflow, type ImportAmazonOrdersInput } from "../../src/workflows/orders"
import { SANDBOX_EU } from "../helpers/sandbox"

/** Shared set-up of the orders, shipments and buyer-data suites. */

export const GERMANY = "A1PA6795UKMFR9"
export const DEMO_SKUS = ["DEMO-TSHIRT-S", "DEMO-TSHIRT-M", "DEMO-MUG"]

type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }> }

/**
 * The demo store (region Europe, "Webshop" channel linked to a warehouse with stock, "Standard Shipping",
 * products whose SKUs the sandbox's orders use) and an Amazon store on the sandbox's EU seller importing
 * into that channel, connected with a self-authorized token.
 */
export async function setUpAmazonStore(container: MedusaContainer, api: Api, headers: Record<string, string>, settings: Record<string, unknown> = {}) {
  await seedDemo({ container, args: [] } as unknown as ExecArgs)
  const [webshop] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Webshop" })
  const { data } = await api.post(
    "/admin/amazon/stores",
    { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode", sales_channel_id: webshop.id },
    { headers }
  )
  const storeId = data.amazon_store.id as string
  await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
  if (Object.keys(settings).length) await api.post(`/admin/amazon/stores/${storeId}`, { settings }, { headers })
  return { storeId, salesChannelId: webshop.id as string }
}

export function importOrders(container: MedusaContainer, storeId: string, input: Partial<ImportAmazonOrdersInput> = {}) {
  return importAmazonOrdersWorkflow(container).run({ input: { store_id: storeId, trigger: "manual", budget_ms: 120_000, ...input } })
}

export async function ledger(container: MedusaContainer, storeId: string) {
  return container.resolve<AmazonModuleService>(AMAZON_MODULE).listAmazonOrders({ store_id: storeId }, { take: 10_000 })
}

export async function ledgerRow(container: MedusaContainer, storeId: string, amazonOrderId: string) {
  const [row] = await container.resolve<AmazonModuleService>(AMAZON_MODULE).listAmazonOrders({ store_id: storeId, amazon_order_id: amazonOrderId })
  return row
}

/** Medusa orders made from Amazon orders, by Amazon order id (more than one per id would be a duplicate). */
export async function medusaOrdersByAmazonId(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata", "status"], pagination: { take: 100_000 } })
  const byId = new Map<string, string[]>()
  for (const order of data as Array<{ id: string; metadata: Record<string, unknown> | null }>) {
    const amazonId = order.metadata?.amazon_order_id as string | undefined
    if (amazonId) byId.set(amazonId, [...(byId.get(amazonId) ?? []), order.id])
  }
  return byId
}

export async function medusaOrder(container: MedusaContainer, orderId: string, fields: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  return data[0] as Record<string, any>
}

export async function reservationsOf(container: MedusaContainer, lineItemIds: string[]) {
  return container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: lineItemIds })
}

/** reserved_quantity of a SKU over every location */
export async function reservedQuantity(container: MedusaContainer, sku: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "inventory_item", fields: ["sku", "location_levels.reserved_quantity"], filters: { sku } })
  return ((data[0] as { location_levels?: Array<{ reserved_quantity: number }> })?.location_levels ?? []).reduce((n, l) => n + Number(l.reserved_quantity), 0)
}

/** The merchant fulfils items of an order and ships them with a tracking number, with Medusa's own flows. */
export async function shipItems(
  container: MedusaContainer,
  orderId: string,
  items: Array<{ id: string; quantity: number }>,
  trackingNumber: string | null
) {
  const { createOrderFulfillmentWorkflow, createOrderShipmentWorkflow } = await import("@medusajs/medusa/core-flows")
  const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({ input: { order_id: orderId, items } })
  const labels = trackingNumber ? [{ tracking_number: trackingNumber, tracking_url: `https://track.example/${trackingNumber}`, label_url: "https://label.example/1" }] : []
  await createOrderShipmentWorkflow(container).run({ input: { order_id: orderId, fulfillment_id: fulfillment.id, items, labels } })
  return fulfillment.id as string
}

export async function renameShippingOption(container: MedusaContainer, name: string) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [option] = await fulfillment.listShippingOptions({ name: ["Standard Shipping", "DHL Paket", "Kurier Schmidt"] })
  await fulfillment.updateShippingOptions(option.id, { name })
}

/** Polls until `check` returns something truthy (subscribers run after the request that triggered them). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
