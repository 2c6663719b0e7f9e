import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReservationChange } from "../../../utils/orders/follow-amazon-order"
import { withReservationLocks } from "../lib/with-reservation-locks"

type Reservation = { id: string; line_item_id: string | null; inventory_item_id: string; location_id: string; quantity: number; description?: string | null; allow_backorder?: boolean }

type Undo = {
  restored: Array<{ id: string; quantity: number }>
  recreated: Array<Omit<Reservation, "id">>
  /** stock taken out for shipped units, given back */
  stock: Array<{ inventory_item_id: string; location_id: string; quantity: number }>
}

/**
 * The reservations of an imported order's lines after Amazon changed them: canceled units are released,
 * and units the merchant shipped in Seller Central are consumed as Medusa's own fulfillment consumes them —
 * out of the reservation and out of the location's stock, since they have left the warehouse. Each
 * reservation scales with its line (a bundle's items reserve `required_quantity` per unit). Under the same
 * per-inventory-item locks as the import's reservations (reserved quantities are read-modify-write).
 * Compensation: reservations and stock as they were.
 */
export const setLineReservationsStep = createStep(
  "amazon-set-line-reservations",
  async (input: { changes: ReservationChange[] }, { container }) => {
    const undo: Undo = { restored: [], recreated: [], stock: [] }
    const changes = input.changes.filter((c) => c.from_units > 0)
    if (!changes.length) return new StepResponse({ inventory_item_ids: [] as string[] }, undo)
    const inventory = container.resolve(Modules.INVENTORY)
    const reservations = (await inventory.listReservationItems(
      { line_item_id: changes.map((c) => c.line_item_id) },
      { select: ["id", "line_item_id", "inventory_item_id", "location_id", "quantity", "description", "allow_backorder"] }
    )) as unknown as Reservation[]
    if (!reservations.length) return new StepResponse({ inventory_item_ids: [] as string[] }, undo)

    const itemIds = [...new Set(reservations.map((r) => r.inventory_item_id))].sort()
    await withReservationLocks(container, itemIds, async () => {
      const updates: Array<{ id: string; quantity: number }> = []
      const deletes: string[] = []
      for (const reservation of reservations) {
        const change = changes.find((c) => c.line_item_id === reservation.line_item_id)!
        const perUnit = Number(reservation.quantity) / change.from_units
        const next = Math.max(0, Math.round(perUnit * change.to_units))
        const consumed = Math.min(Number(reservation.quantity), Math.round(perUnit * change.consumed_units))
        if (next === Number(reservation.quantity)) continue
        if (next === 0) {
          deletes.push(reservation.id)
          undo.recreated.push({
            line_item_id: reservation.line_item_id,
            inventory_item_id: reservation.inventory_item_id,
            location_id: reservation.location_id,
            quantity: Number(reservation.quantity),
            description: reservation.description ?? null,
            allow_backorder: reservation.allow_backorder ?? true,
          })
        } else {
          updates.push({ id: reservation.id, quantity: next })
          undo.restored.push({ id: reservation.id, quantity: Number(reservation.quantity) })
        }
        if (consumed > 0) undo.stock.push({ inventory_item_id: reservation.inventory_item_id, location_id: reservation.location_id, quantity: consumed })
      }
      if (updates.length) await inventory.updateReservationItems(updates)
      if (deletes.length) await inventory.deleteReservationItems(deletes)
      for (const taken of undo.stock) await inventory.adjustInventory(taken.inventory_item_id, taken.location_id, -taken.quantity)
    })
    // the inventory items whose availability moved: listings recompute their Amazon quantity
    return new StepResponse({ inventory_item_ids: itemIds }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const inventory = container.resolve(Modules.INVENTORY)
    for (const taken of undo.stock) await inventory.adjustInventory(taken.inventory_item_id, taken.location_id, taken.quantity)
    if (undo.restored.length) await inventory.updateReservationItems(undo.restored)
    if (undo.recreated.length) await inventory.createReservationItems(undo.recreated as never)
  }
)
