import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type VariantInventoryItem = { variant_id: string; inventory_item_id: string }

/** The inventory item createProductsWorkflow made for each new variant (manage_inventory). Reads only. */
export const findInventoryItemsStep = createStep("amazon-find-inventory-items", async (variantIds: string[], { container }) => {
  if (!variantIds.length) return new StepResponse([] as VariantInventoryItem[])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { id: variantIds },
  })
  const items: VariantInventoryItem[] = []
  for (const variant of data as Array<{ id: string; inventory_items?: Array<{ inventory_item_id: string } | null> | null }>) {
    const item = variant.inventory_items?.find(Boolean)
    if (item) items.push({ variant_id: variant.id, inventory_item_id: item.inventory_item_id })
  }
  return new StepResponse(items)
})
