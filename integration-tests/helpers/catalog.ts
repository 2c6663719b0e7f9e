import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateInventoryLevelsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type DemoVariant = { sku: string; barcode?: string | null; stock?: number; eur?: number | null }

/** A warehouse serving the sales channel (stock counts for a channel only through its locations). */
export async function createWarehouse(container: MedusaContainer, salesChannelId: string) {
  const { result } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: `WH ${salesChannelId}` }] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: result[0].id, add: [salesChannelId] } })
  return result[0].id
}

/** One published product per variant spec, in the channel, with stock at the warehouse. */
export async function createProductWithStock(
  container: MedusaContainer,
  { salesChannelId, locationId, title, variants, status = "published", categoryIds }: {
    salesChannelId: string
    locationId: string
    title: string
    variants: DemoVariant[]
    status?: "published" | "draft"
    categoryIds?: string[]
  }
) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          status,
          options: [{ title: "Variant", values: variants.map((v) => v.sku) }],
          sales_channels: [{ id: salesChannelId }],
          ...(categoryIds ? { category_ids: categoryIds } : {}),
          variants: variants.map((v) => ({
            title: v.sku,
            sku: v.sku,
            barcode: v.barcode ?? undefined,
            manage_inventory: true,
            options: { Variant: v.sku },
            prices: v.eur === null ? [] : [{ currency_code: "eur", amount: v.eur ?? 19.99 }],
          })),
        },
      ],
    },
  })
  const product = result[0]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["id", "sku"], filters: { sku: variants.map((v) => v.sku) } })
  const levels = variants
    .filter((v) => (v.stock ?? 0) > 0)
    .map((v) => ({
      inventory_item_id: (items as Array<{ id: string; sku: string }>).find((i) => i.sku === v.sku)!.id,
      location_id: locationId,
      stocked_quantity: v.stock!,
    }))
  if (levels.length) await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  return product
}

export async function setStock(container: MedusaContainer, sku: string, locationId: string, stocked: number) {
  await setStocks(container, [sku], locationId, stocked)
}

/** Several SKUs in one inventory update (one workflow, its events together). */
export async function setStocks(container: MedusaContainer, skus: string[], locationId: string, stocked: number) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["id"], filters: { sku: skus } })
  await updateInventoryLevelsWorkflow(container).run({
    input: {
      updates: (items as Array<{ id: string }>).map((item) => ({ inventory_item_id: item.id, location_id: locationId, stocked_quantity: stocked })),
    },
  })
}

/** Polls until `check` returns a truthy value (bounded: a test never hangs on it). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, { timeoutMs = 20_000, everyMs = 200, what = "condition" } = {}): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < until) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`)
}
