import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { listingRefreshBuffer } from "../workflows/listings"

const KIND = { "reservation-item": "reservation_ids", "inventory-level": "inventory_level_ids", "inventory-item": "inventory_item_ids" } as const

/** Stock moved (levels, reservations): the quantity Amazon shows is recomputed (the id is committed here, refreshed with others shortly). */
export default async function amazonStockChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  await listingRefreshBuffer.add(container, KIND[event.name.split(".")[0] as keyof typeof KIND], [event.data.id])
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
