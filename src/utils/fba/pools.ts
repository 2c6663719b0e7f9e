import { MARKETPLACES, type SpApiRegion } from "../../lib/sp-api/marketplaces"

/**
 * FBA stock pools. Amazon keeps FBA stock per fulfilment network, not per marketplace: with Pan-European
 * FBA, getInventorySummaries returns the same (summed) numbers for every pan-EU marketplace
 * (selling-partner-api-models#452), while the UK, the other EU-region marketplaces and every NA/FE
 * marketplace hold their own stock. So one pool is asked about once, through its reference marketplace, and
 * its stock is shown at one Medusa stock location (research §2.4).
 */
export type FbaPool = {
  /** US, CA, MX, BR, EU, UK, TR, AE, SA, EG, IN, ZA, JP, AU, SG */
  key: string
  label: string
  region: SpApiRegion
  /** the marketplace getInventorySummaries is called with (granularityId and marketplaceIds) */
  reference_marketplace_id: string
  /** every marketplace whose FBA offers sell from this pool */
  marketplace_ids: string[]
}

/** Pan-European FBA marketplaces (Amazon's EU fulfilment network; the UK left it in 2021). */
export const PAN_EU_COUNTRIES = ["DE", "FR", "IT", "ES", "NL", "PL", "SE", "BE", "IE"] as const
const PAN_EU_REFERENCE = "DE"

const byCountry = new Map(MARKETPLACES.map((m) => [m.country_code, m]))

function build(): FbaPool[] {
  const pools: FbaPool[] = []
  const eu = PAN_EU_COUNTRIES.flatMap((c) => (byCountry.get(c) ? [byCountry.get(c)!] : []))
  pools.push({
    key: "EU",
    label: "EU (pan-European)",
    region: "eu",
    reference_marketplace_id: byCountry.get(PAN_EU_REFERENCE)!.id,
    marketplace_ids: eu.map((m) => m.id),
  })
  for (const m of MARKETPLACES) {
    if ((PAN_EU_COUNTRIES as readonly string[]).includes(m.country_code)) continue
    const key = m.country_code === "GB" ? "UK" : m.country_code
    pools.push({ key, label: key, region: m.region, reference_marketplace_id: m.id, marketplace_ids: [m.id] })
  }
  return pools
}

export const FBA_POOLS: readonly FbaPool[] = Object.freeze(build())
const POOL_BY_KEY = new Map(FBA_POOLS.map((p) => [p.key, p]))
const POOL_BY_MARKETPLACE = new Map(FBA_POOLS.flatMap((p) => p.marketplace_ids.map((id) => [id, p] as const)))

/** The FBA pool a marketplace's FBA offers sell from; null for an unknown marketplace id. */
export function fbaPoolOf(marketplaceId: string): FbaPool | null {
  return POOL_BY_MARKETPLACE.get(marketplaceId) ?? null
}

/** A pool by key (US, EU, UK, JP, …); null for an unknown key. */
export function fbaPoolByKey(key: string): FbaPool | null {
  return POOL_BY_KEY.get(key) ?? null
}

/** The distinct pools of a store's marketplaces, in a stable order (unknown marketplace ids are left out). */
export function fbaPoolsOf(marketplaceIds: Iterable<string>): FbaPool[] {
  const keys = new Set<string>()
  for (const id of marketplaceIds) {
    const pool = fbaPoolOf(id)
    if (pool) keys.add(pool.key)
  }
  return FBA_POOLS.filter((p) => keys.has(p.key))
}

/** The Medusa stock location's name for a pool. */
export function fbaLocationName(pool: FbaPool): string {
  return `Amazon FBA (${pool.label})`
}
