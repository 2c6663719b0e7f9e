import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshListingsWorkflow } from "../workflows/listings"

/** A product or variant changed: recompute the listings it touches (price, identifiers, status, channel). */
export default async function amazonCatalogChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  const ids = [event.data.id]
  const input = event.name.startsWith("product-variant.") ? { variant_ids: ids } : { product_ids: ids }
  await refreshListingsWorkflow(container).run({ input })
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted", "product-variant.created", "product-variant.updated", "product-variant.deleted"],
}
