import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { IStockLocationService, MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { isUniqueViolation } from "../db-error"
import { fbaLocationName, fbaPoolByKey } from "./pools"

export type FbaPoolRow = {
  id: string
  store_id: string
  pool: string
  reference_marketplace_id: string
  stock_location_id: string
  last_full_sync_at: Date | string | null
  changes_since: Date | string | null
  last_changes_sync_at: Date | string | null
  counts: Record<string, number> | null
  unknown_skus: Array<{ sku: string; asin?: string | null; fnsku?: string | null; fulfillable: number }> | null
  error: { code: string; message: string } | null
}

/**
 * The Medusa stock location of a store's FBA pool, created on first use: named "Amazon FBA (EU (pan-European))",
 * metadata { amazon_store_id, amazon_fba_pool }, linked to the store's sales channel so Medusa's Locations
 * page and the channel show it. The pool row (amazon_fba_pool) remembers it by id; a location deleted in
 * Medusa is made again. A location made ahead for the pool (metadata amazon_fba_pool, no store, e.g. by the demo
 * seed with its MCF shipping options) and claimed by no store is adopted instead of a new one. Two callers at once end with one row: the loser deletes the location it made.
 * Merchant (MFN) quantities and reservations leave these locations out by id (fbaLocationIds).
 */
export async function ensureFbaLocation(
  container: MedusaContainer,
  input: { storeId: string; pool: string }
): Promise<string> {
  const pool = fbaPoolByKey(input.pool)
  if (!pool) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown FBA pool ${input.pool}`)
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const locations = container.resolve<IStockLocationService>(Modules.STOCK_LOCATION)
  const store = await amazon.retrieveAmazonStore(input.storeId)
  const [row] = (await amazon.listAmazonFbaPools({ store_id: input.storeId, pool: pool.key })) as unknown as FbaPoolRow[]
  if (row) {
    const [alive] = await locations.listStockLocations({ id: row.stock_location_id }, { select: ["id"] })
    if (alive) return row.stock_location_id
  }

  // a location made ahead for the pool (the demo seed's, for MCF shipping options) and claimed by no store is adopted
  const claimed = new Set(((await amazon.listAmazonFbaPools({}, { select: ["stock_location_id"] })) as unknown as FbaPoolRow[]).map((r) => r.stock_location_id))
  const ahead = (await locations.listStockLocations({}, { select: ["id", "metadata"] })).find(
    (l) => !claimed.has(l.id) && (l.metadata as Record<string, unknown> | null)?.amazon_fba_pool === pool.key && !(l.metadata as Record<string, unknown> | null)?.amazon_store_id
  )
  const [created] = ahead
    ? [await locations.updateStockLocations(ahead.id, { metadata: { ...(ahead.metadata ?? {}), amazon_store_id: input.storeId, amazon_fba_pool: pool.key } })]
    : await locations.createStockLocations([{ name: fbaLocationName(pool), metadata: { amazon_store_id: input.storeId, amazon_fba_pool: pool.key } }])
  try {
    if (row) {
      await amazon.updateAmazonFbaPools({ id: row.id, stock_location_id: created.id })
    } else {
      await amazon.createAmazonFbaPools({
        store_id: input.storeId,
        pool: pool.key,
        reference_marketplace_id: pool.reference_marketplace_id,
        stock_location_id: created.id,
      })
    }
  } catch (error) {
    if (!ahead) await locations.deleteStockLocations([created.id]).catch(() => undefined)
    if (!isUniqueViolation(error)) throw error
    const [winner] = (await amazon.listAmazonFbaPools({ store_id: input.storeId, pool: pool.key })) as unknown as FbaPoolRow[]
    if (!winner) throw error
    return winner.stock_location_id
  }

  const salesChannelId = (store as { sales_channel_id?: string | null }).sales_channel_id
  if (salesChannelId) {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create({
      [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId },
      [Modules.STOCK_LOCATION]: { stock_location_id: created.id },
    }).catch((e: unknown) => {
      if (!ahead) throw e // an adopted location may be linked already
    })
  }
  return created.id
}

/** Every FBA stock location (of one store, or of all): never merchant stock, whatever links they have. */
export async function fbaLocationIds(container: MedusaContainer, storeId?: string): Promise<string[]> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const rows = (await amazon.listAmazonFbaPools(storeId ? { store_id: storeId } : {}, {
    select: ["stock_location_id"],
  })) as unknown as FbaPoolRow[]
  return [...new Set(rows.map((r) => r.stock_location_id))]
}

/** The pool rows of a store (for the admin and the sync). */
export async function fbaPoolRows(container: MedusaContainer, storeId: string): Promise<FbaPoolRow[]> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  return (await amazon.listAmazonFbaPools({ store_id: storeId }, { order: { pool: "ASC" } })) as unknown as FbaPoolRow[]
}
