import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { VariantFacts } from "../../../utils/listings/desired-listing"
import { merchantAvailability } from "../../../utils/fba/availability"
import { fbaLocationIds } from "../../../utils/fba/locations"

const VARIANT_FIELDS = [
  "id",
  "sku",
  "title",
  "barcode",
  "ean",
  "upc",
  "metadata",
  "weight",
  "manage_inventory",
  "product.id",
  "product.title",
  "product.status",
  "product.weight",
  "product.categories.id",
  "product.sales_channels.id",
  "prices.amount",
  "prices.currency_code",
  "prices.rules_count",
  "prices.price_list_id",
  "prices.min_quantity",
  "prices.price_rules.attribute",
  "prices.price_rules.value",
]

type RawVariant = {
  id: string
  sku: string | null
  title: string | null
  barcode: string | null
  ean: string | null
  upc: string | null
  metadata: Record<string, unknown> | null
  weight: number | null
  manage_inventory: boolean
  product?: {
    id: string
    title: string
    status: string
    weight: number | null
    categories?: Array<{ id: string } | null> | null
    sales_channels?: Array<{ id: string } | null> | null
  } | null
  prices?: Array<{
    amount: number
    currency_code: string
    price_list_id?: string | null
    min_quantity?: number | string | null
    rules_count?: number | null
    price_rules?: Array<{ attribute: string; value: string } | null> | null
  } | null> | null
}

/**
 * The variants' facts in one query, and their availability in one sales
 * channel (stocked − reserved across the channel's locations, Medusa's own
 * computation, FBA locations left out by id). Every price comes with what marks another audience's price
 * (price list, customer-group rule, quantity tier): pickBasePrice (price.ts)
 * leaves those out.
 */
export async function loadVariantFacts(
  container: MedusaContainer,
  variantIds: string[],
  salesChannelId: string
): Promise<Map<string, VariantFacts>> {
  if (!variantIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: variantIds } })
  // FBA locations are Amazon's stock: left out by id even when linked to the channel (never sent as MFN quantity)
  const availability = await merchantAvailability(query, {
    variant_ids: variantIds,
    sales_channel_id: salesChannelId,
    exclude_location_ids: await fbaLocationIds(container),
  })
  const facts = new Map<string, VariantFacts>()
  for (const variant of data as unknown as RawVariant[]) {
    if (!variant.product) continue
    const prices = (variant.prices ?? []).flatMap((price) => {
      if (!price) return []
      const rules = (price.price_rules ?? []).filter((r): r is { attribute: string; value: string } => !!r)
      const region = rules.find((r) => r.attribute === "region_id")?.value ?? null
      return [
        {
          amount: Number(price.amount),
          currency_code: price.currency_code,
          region_id: region,
          price_list_id: price.price_list_id ?? null,
          other_rules: rules.filter((r) => r.attribute !== "region_id").map((r) => r.attribute),
          min_quantity: price.min_quantity === null || price.min_quantity === undefined ? null : Number(price.min_quantity),
        },
      ]
    })
    facts.set(variant.id, {
      id: variant.id,
      sku: variant.sku,
      title: variant.title,
      barcode: variant.barcode,
      ean: variant.ean,
      upc: variant.upc,
      metadata: variant.metadata,
      weight: variant.weight,
      manage_inventory: variant.manage_inventory,
      available: variant.manage_inventory ? (availability[variant.id]?.availability ?? 0) : null,
      prices,
      product: {
        id: variant.product.id,
        title: variant.product.title,
        status: variant.product.status,
        weight: variant.product.weight,
        category_ids: (variant.product.categories ?? []).flatMap((c) => (c ? [c.id] : [])),
        in_sales_channel: (variant.product.sales_channels ?? []).some((c) => c?.id === salesChannelId),
      },
    })
  }
  return facts
}

/** Every variant id of the products in a sales channel, for reconciliation (paged by the caller). */
export async function listChannelVariantIds(container: MedusaContainer, salesChannelId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: salesChannelId },
  })
  const productIds = [...new Set((links as Array<{ product_id: string }>).map((l) => l.product_id))]
  const ids: string[] = []
  for (let i = 0; i < productIds.length; i += 1000) {
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id"],
      filters: { product_id: productIds.slice(i, i + 1000) },
    })
    ids.push(...(data as Array<{ id: string }>).map((v) => v.id))
  }
  return ids
}
