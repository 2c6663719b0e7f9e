import type { SandboxContext } from "./context"
import { marketplace } from "./marketplaces"
import type { SandboxState } from "./state"

/**
 * FBA stock as Amazon keeps it: per seller and fulfilment pool, not per marketplace. Pan-EU marketplaces share
 * one pool (getInventorySummaries answers the same numbers for DE, FR, IT, …; selling-partner-api-models#452);
 * the UK and every other marketplace hold their own. Seeded lazily from the seller's FBA (AMAZON_*) listings of
 * the pool, plus one SKU Amazon stores that has no listing left ("FBA-ORPHAN-SCARF"), so a connector meets a
 * SKU it does not know.
 */
export interface FbaItem {
  sellerSku: string
  asin: string
  fnSku: string
  condition: string
  productName: string
  fulfillable: number
  inboundWorking: number
  inboundShipped: number
  inboundReceiving: number
  reserved: { pendingCustomerOrder: number; pendingTransshipment: number; fcProcessing: number }
  unfulfillable: { customerDamaged: number; warehouseDamaged: number; distributorDamaged: number; carrierDamaged: number; defective: number; expired: number }
  researching: number
  lastUpdated: number
}

const PAN_EU = new Set(["DE", "FR", "IT", "ES", "NL", "PL", "SE", "BE", "IE"])

/** The pool a marketplace's FBA stock lives in (EU for pan-EU marketplaces, else the country). */
export function fbaPoolKey(marketplaceId: string): string | null {
  const m = marketplace(marketplaceId)
  if (!m) return null
  return PAN_EU.has(m.countryCode) ? "EU" : m.countryCode
}

function marketplacesOfPool(pool: string, sellerMarketplaces: string[]): string[] {
  return sellerMarketplaces.filter((id) => fbaPoolKey(id) === pool)
}

const stores = new WeakMap<SandboxState, Map<string, Map<string, FbaItem>>>()

function emptyItem(sku: string, asin: string, name: string, now: number): FbaItem {
  return {
    sellerSku: sku,
    asin,
    fnSku: `X00${Buffer.from(sku).toString("hex").slice(0, 7).toUpperCase()}`,
    condition: "NewItem",
    productName: name,
    fulfillable: 0,
    inboundWorking: 0,
    inboundShipped: 0,
    inboundReceiving: 0,
    reserved: { pendingCustomerOrder: 0, pendingTransshipment: 0, fcProcessing: 0 },
    unfulfillable: { customerDamaged: 0, warehouseDamaged: 0, distributorDamaged: 0, carrierDamaged: 0, defective: 0, expired: 0 },
    researching: 0,
    lastUpdated: now,
  }
}

/** The seller's FBA items in a pool (seeded on first use). */
export function fbaPool(ctx: SandboxContext, sellerId: string, pool: string): Map<string, FbaItem> {
  let bySeller = stores.get(ctx.state)
  if (!bySeller) stores.set(ctx.state, (bySeller = new Map()))
  const key = `${sellerId}|${pool}`
  let items = bySeller.get(key)
  if (items) return items
  items = new Map()
  bySeller.set(key, items)
  const seller = ctx.state.sellers.get(sellerId)
  const now = ctx.clock.now() - 3600_000
  let i = 0
  for (const marketplaceId of marketplacesOfPool(pool, seller?.marketplaceIds ?? [])) {
    for (const listing of ctx.state.sellerListings(sellerId, marketplaceId).values()) {
      if (!String(listing.fulfillmentChannel).startsWith("AMAZON_") || items.has(listing.sku)) continue
      const item = emptyItem(listing.sku, listing.asin ?? "", listing.itemName ?? listing.sku, now)
      item.fulfillable = 14 + i * 3
      item.inboundShipped = 6
      item.reserved.pendingCustomerOrder = 2
      item.unfulfillable.customerDamaged = 1
      items.set(listing.sku, item)
      i++
    }
  }
  if (items.size) {
    const orphan = emptyItem("FBA-ORPHAN-SCARF", "B0SANDBXF1", "Wool Scarf (no listing)", now)
    orphan.fulfillable = 3
    items.set(orphan.sellerSku, orphan)
  }
  return items
}

export type FbaItemInput = Partial<Omit<FbaItem, "reserved" | "unfulfillable">> & {
  sellerSku: string
  reserved?: Partial<FbaItem["reserved"]>
  unfulfillable?: Partial<FbaItem["unfulfillable"]>
}

/** Sets (or adds) FBA items of a seller in the pool of a marketplace; lastUpdated becomes now. */
export function setFbaItems(ctx: SandboxContext, sellerId: string, marketplaceId: string, inputs: FbaItemInput[]): { pool: string; items: number } {
  const pool = fbaPoolKey(marketplaceId)
  if (!pool) throw new Error(`unknown marketplace ${marketplaceId}`)
  const items = fbaPool(ctx, sellerId, pool)
  const now = ctx.clock.now()
  for (const input of inputs) {
    const current = items.get(input.sellerSku) ?? emptyItem(input.sellerSku, input.asin ?? "B0SANDBXF9", input.productName ?? input.sellerSku, now)
    const { reserved, unfulfillable, ...rest } = input
    Object.assign(current, rest)
    current.reserved = { ...current.reserved, ...(reserved ?? {}) }
    current.unfulfillable = { ...current.unfulfillable, ...(unfulfillable ?? {}) }
    current.lastUpdated = now
    items.set(current.sellerSku, current)
  }
  return { pool, items: items.size }
}

/** Amazon's InventorySummary of an item (details only when asked for). */
export function toSummary(item: FbaItem, details: boolean): Record<string, unknown> {
  const reserved = item.reserved.pendingCustomerOrder + item.reserved.pendingTransshipment + item.reserved.fcProcessing
  const u = item.unfulfillable
  const unfulfillable = u.customerDamaged + u.warehouseDamaged + u.distributorDamaged + u.carrierDamaged + u.defective + u.expired
  const total = item.fulfillable + item.inboundWorking + item.inboundShipped + item.inboundReceiving + reserved + unfulfillable + item.researching
  return {
    asin: item.asin,
    fnSku: item.fnSku,
    sellerSku: item.sellerSku,
    condition: item.condition,
    ...(details
      ? {
          inventoryDetails: {
            fulfillableQuantity: item.fulfillable,
            inboundWorkingQuantity: item.inboundWorking,
            inboundShippedQuantity: item.inboundShipped,
            inboundReceivingQuantity: item.inboundReceiving,
            reservedQuantity: {
              totalReservedQuantity: reserved,
              pendingCustomerOrderQuantity: item.reserved.pendingCustomerOrder,
              pendingTransshipmentQuantity: item.reserved.pendingTransshipment,
              fcProcessingQuantity: item.reserved.fcProcessing,
            },
            researchingQuantity: { totalResearchingQuantity: item.researching, researchingQuantityBreakdown: [] },
            unfulfillableQuantity: {
              totalUnfulfillableQuantity: unfulfillable,
              customerDamagedQuantity: u.customerDamaged,
              warehouseDamagedQuantity: u.warehouseDamaged,
              distributorDamagedQuantity: u.distributorDamaged,
              carrierDamagedQuantity: u.carrierDamaged,
              defectiveQuantity: u.defective,
              expiredQuantity: u.expired,
            },
          },
        }
      : {}),
    lastUpdatedTime: new Date(item.lastUpdated).toISOString(),
    productName: item.productName,
    totalQuantity: total,
    stores: [],
  }
}
