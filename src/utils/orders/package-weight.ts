import type { CatalogItemsTypes } from "../../lib/sp-api"

type Dimension = { unit?: string; value?: number }

const GRAMS_PER: Record<string, number> = {
  grams: 1,
  gram: 1,
  g: 1,
  kilograms: 1000,
  kilogram: 1000,
  kg: 1000,
  milligrams: 0.001,
  ounces: 28.349523125,
  ounce: 28.349523125,
  oz: 28.349523125,
  pounds: 453.59237,
  pound: 453.59237,
  lb: 453.59237,
}

/** A catalog weight in grams (the unit the demo store and Medusa's admin use for variant weight), or null. */
export function toGrams(weight: Dimension | undefined): number | null {
  if (!weight || typeof weight.value !== "number" || !(weight.value > 0)) return null
  const factor = GRAMS_PER[(weight.unit ?? "").toLowerCase()]
  return factor ? Math.round(weight.value * factor) : null
}

/**
 * The package weight Amazon's catalog has for an item in a marketplace (getCatalogItem with
 * includedData=dimensions): the package's, else the item's own.
 */
export function packageWeightGrams(item: Pick<CatalogItemsTypes.Item, "dimensions">, marketplaceId: string): number | null {
  const entries = (item.dimensions ?? []) as Array<{ marketplaceId?: string; package?: { weight?: Dimension }; item?: { weight?: Dimension } }>
  const entry = entries.find((d) => d.marketplaceId === marketplaceId) ?? entries[0]
  if (!entry) return null
  return toGrams(entry.package?.weight) ?? toGrams(entry.item?.weight)
}
