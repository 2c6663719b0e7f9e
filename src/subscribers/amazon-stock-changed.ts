import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshListingsWorkflow } from "../workflows/listings"

/** Stock moved (levels, reservations): recompute the quantity Amazon should show. */
export default async function amazonStockChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  const ids = [event.data.id]
  const input = event.name.startsWith("reservation-item.")
    ? { reservation_ids: ids }
    : event.name.startsWith("inventory-level.")
      ? { inventory_level_ids: ids }
      : { inventory_item_ids: ids }
  await refreshListingsWorkflow(container).run({ input })
}

export const config: SubscriberConfig = {
  event: [
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "reservation-item.created",
    "reservation-item.updated",
    "reservation-item.deleted",
    "inventory-item.updated",
  ],
}
