import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { listingRefreshBuffer } from "../workflows/listings"

/** A product or variant changed: its listings are recomputed (the id is committed here, refreshed with others shortly). */
export default async function amazonCatalogChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  const kind = event.name.startsWith("product-variant.") ? "variant_ids" : "product_ids"
  await listingRefreshBuffer.add(container, kind, [event.data.id])
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted", "product-variant.created", "product-variant.updated", "product-variant.deleted"],
}
