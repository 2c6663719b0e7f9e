type Query = { graph: (config: any, options?: any) => Promise<{ data: unknown[] }> }

type VariantInventoryLink = {
  variant_id: string
  required_quantity: number
  inventory?: {
    location_levels?: Array<{ location_id: string; available_quantity?: number | null; stocked_quantity?: number | null; reserved_quantity?: number | null } | null> | null
  } | null
}

/**
 * Medusa's own availability of variants in a sales channel (getVariantAvailability: per inventory item the
 * available quantity — stocked − reserved — summed over the channel's locations, divided by the required
 * quantity, the smallest over the items), with some locations left out by id whatever the links say: FBA
 * locations hold Amazon's stock, which must never be offered as merchant (MFN) stock.
 */
export async function merchantAvailability(
  query: Query,
  input: { variant_ids: string[]; sales_channel_id: string; exclude_location_ids: Iterable<string> }
): Promise<Record<string, { availability: number | null }>> {
  const excluded = new Set(input.exclude_location_ids)
  const { data: links } = await query.graph({
    entity: "product_variant_inventory_items",
    fields: ["variant_id", "required_quantity", "inventory.id", "inventory.location_levels.*"],
    filters: { variant_id: input.variant_ids },
  })
  const { data: channelLocations } = await query.graph({
    entity: "sales_channel_locations",
    fields: ["stock_location_id"],
    filters: { sales_channel_id: input.sales_channel_id },
  })
  const locations = new Set(
    (channelLocations as Array<{ stock_location_id: string }>).map((l) => l.stock_location_id).filter((id) => !excluded.has(id))
  )
  const byVariant = new Map<string, VariantInventoryLink[]>()
  for (const link of links as VariantInventoryLink[]) {
    const list = byVariant.get(link.variant_id) ?? []
    list.push(link)
    byVariant.set(link.variant_id, list)
  }
  const result: Record<string, { availability: number | null }> = {}
  for (const variantId of input.variant_ids) {
    result[variantId] = { availability: computeAvailability(byVariant.get(variantId) ?? [], locations) }
  }
  return result
}

/** stocked − reserved of a level (available_quantity when Medusa computed it). */
function availableAt(level: { available_quantity?: number | null; stocked_quantity?: number | null; reserved_quantity?: number | null }): number {
  if (level.available_quantity !== undefined && level.available_quantity !== null) return Number(level.available_quantity) || 0
  return (Number(level.stocked_quantity) || 0) - (Number(level.reserved_quantity) || 0)
}

/** One variant's availability over the given locations (null when it has no inventory item, as Medusa). */
export function computeAvailability(links: VariantInventoryLink[], locations: Set<string>): number | null {
  const quantities = links.map((link) => {
    const available = (link.inventory?.location_levels ?? []).reduce(
      (sum, level) => (level && locations.has(level.location_id) ? sum + availableAt(level) : sum),
      0
    )
    return Math.floor(available / (Number(link.required_quantity) || 1))
  })
  return quantities.length ? Math.min(...quantities) : null
}
