/**
 * A broken stock read (a location unlinked, an import gone wrong) must not
 * delist a store. A change set that takes most of the stock Amazon shows to
 * zero at once is held for a human. Thresholds: ≥ 50% of the offers that have
 * stock, and at least 10 of them (a small store selling out is normal).
 */
export const HOLD_MIN_LISTINGS = 10
export const HOLD_SHARE = 0.5

export type StockDrop = { listing_id: string; from: number; to: number }

export function shouldHold(drops: StockDrop[], offersWithStock: number): { hold: boolean; zeroed: number; share: number } {
  const zeroed = drops.filter((d) => d.from > 0 && d.to === 0).length
  const share = offersWithStock ? zeroed / offersWithStock : 0
  return { hold: zeroed >= HOLD_MIN_LISTINGS && share >= HOLD_SHARE, zeroed, share }
}
