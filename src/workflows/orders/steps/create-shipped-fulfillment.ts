import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IFulfillmentModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ensureFbaLocation, fbaPoolOf } from "../../../utils/fba"

export type CreateShippedFulfillmentInput = {
  order_id: string
  store_id: string
  marketplace_id: string
  /** AFN: Amazon shipped it from its warehouse; MFN: the merchant shipped it before the order reached Medusa */
  channel: "AFN" | "MFN"
  /** MFN: the merchant location the order's stock belongs to (the import's reservation location); null → nothing made */
  location_id: string | null
  lines: Array<{ line_item_id: string; quantity: number }>
}

/** Medusa's manual provider when the app has it (it does nothing), else the first provider there is. */
const PREFERRED_PROVIDER = "manual_manual"

type OrderItem = { id: string; title?: string | null; variant_sku?: string | null; variant_barcode?: string | null; variant?: { inventory_items?: Array<{ inventory_item_id: string } | null> | null } | null }

/**
 * Units that were shipped before the order reached Medusa, as one Medusa fulfillment, packed and shipped at once
 * and linked to the order — so the admin shows the order shipped, as it is on Amazon:
 * - AFN (FBA): at the store's FBA stock location of the order's marketplace pool ("Amazon FBA (EU
 *   (pan-European))", made if it is not there yet), data `{ amazon_fulfilled: true }`;
 * - MFN shipped in Seller Central before the import: at the merchant location of the order, data
 *   `{ shipped_outside_medusa: true }` — never confirmed to Amazon again (load-fulfillment-shipment skips it).
 * It moves no stock: the fulfillment module never touches inventory levels and no reservation is made for these
 * units. FBA's fulfillable count is read back as an absolute number by the next FBA sync (decrementing here would
 * count the units twice); the merchant's own stock is the merchant's to count for what left before Medusa knew.
 * Returns null (nothing made) for an AFN marketplace outside the FBA pools or an MFN order with no location.
 * Compensation: the fulfillment is cancelled and deleted, its link dismissed.
 */
export const createShippedFulfillmentStep = createStep(
  "amazon-create-shipped-fulfillment",
  async (input: CreateShippedFulfillmentInput, { container }) => {
    const nothing = () => new StepResponse(null as null | { fulfillment_id: string; location_id: string }, null as null | { order_id: string; fulfillment_id: string })
    const lines = input.lines.filter((l) => l.quantity > 0)
    if (!lines.length) return nothing()
    const pool = input.channel === "AFN" ? fbaPoolOf(input.marketplace_id) : null
    if (input.channel === "AFN" && !pool) return nothing()
    const locationId = pool ? await ensureFbaLocation(container, { storeId: input.store_id, pool: pool.key }) : input.location_id
    if (!locationId) return nothing()
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
      data: pool ? { amazon_fulfilled: true, fba_pool: pool.key } : { shipped_outside_medusa: true },
      metadata: { amazon_fulfillment_channel: input.channel },
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
