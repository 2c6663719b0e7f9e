import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ListingTriggerInput = {
  variant_ids?: string[]
  product_ids?: string[]
  inventory_item_ids?: string[]
  inventory_level_ids?: string[]
  reservation_ids?: string[]
}

/**
 * Turns whatever an event names (product, variant, inventory item or level,
 * reservation) into the variants whose listings may have changed. Deleted
 * levels and reservations are read with their deleted rows.
 */
export const resolveVariantIdsStep = createStep(
  "amazon-resolve-listing-variants",
  async (input: ListingTriggerInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const variantIds = new Set(input.variant_ids ?? [])
    if (input.product_ids?.length) {
      const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: input.product_ids }, withDeleted: true })
      data.forEach((v: { id: string }) => variantIds.add(v.id))
    }
    const inventoryItemIds = new Set(input.inventory_item_ids ?? [])
    if (input.inventory_level_ids?.length) {
      const { data } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: input.inventory_level_ids }, withDeleted: true })
      data.forEach((l: { inventory_item_id: string }) => inventoryItemIds.add(l.inventory_item_id))
    }
    if (input.reservation_ids?.length) {
      const { data } = await query.graph({ entity: "reservation_item", fields: ["inventory_item_id"], filters: { id: input.reservation_ids }, withDeleted: true })
      data.forEach((r: { inventory_item_id: string }) => inventoryItemIds.add(r.inventory_item_id))
    }
    if (inventoryItemIds.size) {
      const { data } = await query.graph({
        entity: "product_variant_inventory_item",
        fields: ["variant_id"],
        filters: { inventory_item_id: [...inventoryItemIds] },
      })
      data.forEach((link: { variant_id: string }) => variantIds.add(link.variant_id))
    }
    return new StepResponse([...variantIds])
  }
)
