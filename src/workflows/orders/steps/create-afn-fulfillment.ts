import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IFulfillmentModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ensureFbaLocation, fbaPoolOf } from "../../../utils/fba"

export type CreateAfnFulfillmentInput = {
  order_id: string
  store_id: string
  marketplace_id: string
  lines: Array<{ line_item_id: string; quantity: number }>
}

/** Medusa's manual provider when the app has it (it does nothing), else the first provider there is. */
const PREFERRED_PROVIDER = "manual_manual"

type OrderItem = { id: string; title?: string | null; variant_sku?: string | null; variant_barcode?: string | null; variant?: { inventory_items?: Array<{ inventory_item_id: string } | null> | null } | null }

/**
 * An FBA (AFN) order Amazon shipped: one Medusa fulfillment at the store's FBA stock location of the order's
 * marketplace pool ("Amazon FBA (EU (pan-European))", made if it is not there yet), packed and shipped at once,
 * linked to the order, data `{ amazon_fulfilled: true }`. It moves no stock: no reservation is made for AFN
 * orders, and the fulfillment module never touches inventory levels; the units left Amazon's fulfillable count,
 * which the next FBA sync reads as an absolute number — decrementing here too would count them twice.
 * Returns null (nothing made) for a marketplace outside the FBA pools.
 * Compensation: the fulfillment is cancelled and deleted, its link dismissed.
 */
export const createAfnFulfillmentStep = createStep(
  "amazon-create-afn-fulfillment",
  async (input: CreateAfnFulfillmentInput, { container }) => {
    const pool = fbaPoolOf(input.marketplace_id)
    const lines = input.lines.filter((l) => l.quantity > 0)
    if (!pool || !lines.length) return new StepResponse(null as null | { fulfillment_id: string; location_id: string }, null as null | { order_id: string; fulfillment_id: string })
    const locationId = await ensureFbaLocation(container, { storeId: input.store_id, pool: pool.key })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const fulfillments = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "items.id", "items.title", "items.variant_sku", "items.variant_barcode", "items.variant.inventory_items.inventory_item_id", "shipping_address.*"],
      filters: { id: input.order_id },
    })
    const order = data[0] as { items: OrderItem[]; shipping_address?: Record<string, unknown> | null }
    const byId = new Map(order.items.map((i) => [i.id, i]))
    const providers = await fulfillments.listFulfillmentProviders({}, { select: ["id"] })
    const providerId = providers.find((p) => p.id === PREFERRED_PROVIDER)?.id ?? providers[0]?.id ?? PREFERRED_PROVIDER
    const a = order.shipping_address ?? {}
    const pick = (k: string) => (typeof a[k] === "string" ? (a[k] as string) : null)
    const now = new Date()
    const fulfillment = await fulfillments.createFulfillment({
      location_id: locationId,
      provider_id: providerId,
      packed_at: now,
      shipped_at: now,
      data: { amazon_fulfilled: true, fba_pool: pool.key },
      metadata: { amazon_fulfillment_channel: "AFN" },
      delivery_address: {
        first_name: pick("first_name"),
        last_name: pick("last_name"),
        address_1: pick("address_1"),
        address_2: pick("address_2"),
        city: pick("city"),
        province: pick("province"),
        postal_code: pick("postal_code"),
        country_code: pick("country_code"),
        phone: pick("phone"),
      },
      items: lines.map((l) => {
        const item = byId.get(l.line_item_id)
        return {
          line_item_id: l.line_item_id,
          inventory_item_id: item?.variant?.inventory_items?.[0]?.inventory_item_id ?? undefined,
          title: item?.title ?? "Item",
          sku: item?.variant_sku ?? "",
          barcode: item?.variant_barcode ?? "",
          quantity: l.quantity,
        }
      }),
    } as never)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create({ [Modules.ORDER]: { order_id: input.order_id }, [Modules.FULFILLMENT]: { fulfillment_id: fulfillment.id } })
    return new StepResponse({ fulfillment_id: fulfillment.id, location_id: locationId }, { order_id: input.order_id, fulfillment_id: fulfillment.id })
  },
  async (made, { container }) => {
    if (!made) return
    const fulfillmentId = made.fulfillment_id
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const fulfillments = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
    await link.dismiss({ [Modules.ORDER]: { order_id: made.order_id }, [Modules.FULFILLMENT]: { fulfillment_id: fulfillmentId } }).catch(() => undefined)
    await fulfillments.updateFulfillment(fulfillmentId, { canceled_at: new Date() } as never).catch(() => undefined)
    await fulfillments.deleteFulfillment(fulfillmentId).catch(() => undefined)
  }
)
