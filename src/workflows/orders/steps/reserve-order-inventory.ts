import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withReservationLocks } from "../lib/with-reservation-locks"

export type ReserveOrderInventoryInput = {
  order_id: string
  /** preferred location (the shipping option's), then the sales channel's other locations */
  location_id: string | null
  location_ids: string[]
  lines: Array<{ line_item_id: string; variant_id: string; reserve_quantity: number }>
}

type VariantInventory = {
  id: string
  manage_inventory: boolean
  inventory_items?: Array<{ inventory_item_id: string; required_quantity: number } | null>
}

/**
 * Reserves stock for what the merchant still has to ship of an Amazon order. Amazon has sold the units
 * already, so the reservation is made even beyond what is available (allow_backorder): refusing it would
 * drop a paid order, and the negative availability is what tells the merchant. Each inventory item is
 * reserved where it is stocked — the shipping option's location first — and at that location with 0 in
 * stock when it is stocked nowhere the sales channel ships from. Reservations of one inventory item are
 * serialised by a lock: the inventory module updates reserved_quantity read-modify-write, and parallel
 * imports would lose counts.
 * Compensation: the reservations are deleted (reserved quantities go back).
 */
export const reserveOrderInventoryStep = createStep(
  "amazon-reserve-order-inventory",
  async (input: ReserveOrderInventoryInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve(Modules.INVENTORY)
    const lines = input.lines.filter((line) => line.reserve_quantity > 0)
    if (!lines.length || !input.location_id) return new StepResponse([] as string[], [] as string[])

    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
      filters: { id: [...new Set(lines.map((l) => l.variant_id))] },
    })
    const variants = new Map((data as VariantInventory[]).map((v) => [v.id, v]))
    const wanted = lines.flatMap((line) => {
      const variant = variants.get(line.variant_id)
      if (!variant?.manage_inventory) return []
      return (variant.inventory_items ?? [])
        .filter((ii): ii is { inventory_item_id: string; required_quantity: number } => !!ii)
        .map((ii) => ({ line_item_id: line.line_item_id, inventory_item_id: ii.inventory_item_id, quantity: line.reserve_quantity * (ii.required_quantity || 1) }))
    })
    if (!wanted.length) return new StepResponse([] as string[], [] as string[])

    const itemIds = [...new Set(wanted.map((w) => w.inventory_item_id))].sort()
    const created = await withReservationLocks(
      container,
      itemIds,
      async () => {
        const levels = await inventory.listInventoryLevels(
          { inventory_item_id: itemIds, location_id: input.location_ids.length ? input.location_ids : [input.location_id!] },
          { select: ["inventory_item_id", "location_id", "available_quantity"] }
        )
        const locationOf = (itemId: string) => {
          const own = levels.filter((l) => l.inventory_item_id === itemId)
          if (own.some((l) => l.location_id === input.location_id)) return input.location_id!
          const best = own.sort((a, b) => Number(b.available_quantity) - Number(a.available_quantity))[0]
          return best?.location_id ?? null
        }
        const missing = itemIds.filter((id) => !locationOf(id))
        if (missing.length) {
          await inventory.createInventoryLevels(
            missing.map((inventory_item_id) => ({ inventory_item_id, location_id: input.location_id!, stocked_quantity: 0 }))
          )
        }
        return inventory.createReservationItems(
          wanted.map((w) => ({
            line_item_id: w.line_item_id,
            inventory_item_id: w.inventory_item_id,
            location_id: locationOf(w.inventory_item_id) ?? input.location_id!,
            quantity: w.quantity,
            allow_backorder: true,
            description: "Amazon order",
          }))
        )
      }
    )
    const ids = created.map((reservation) => reservation.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve(Modules.INVENTORY).deleteReservationItems(ids)
  }
)
