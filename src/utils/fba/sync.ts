import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IInventoryService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { SpApiError } from "../../lib/sp-api/errors"
import { ensureFbaLocation, type FbaPoolRow } from "./locations"
import { fbaPoolByKey, fbaPoolsOf } from "./pools"
import { type FbaQuantities, mergeSummaries, toFbaLevel } from "./summaries"

/** A full pass every hour; in between, passes over what changed since the last pass (minus a margin). */
export const FULL_SYNC_EVERY_MS = 60 * 60_000
/** startDateTime is the previous pass's start minus this, as Amazon's "changed since" misses late writes. */
export const CHANGES_MARGIN_MS = 15 * 60_000
/** A pass whose nextToken expired (30 s) starts again from the first page, never resumes; this many times. */
const PASS_ATTEMPTS = 3

export type FbaSyncResult = {
  store_id: string
  pool: string
  mode: "full" | "changes"
  /** "" when Amazon holds nothing in the pool and no location was made */
  stock_location_id: string
  skus: number
  matched: number
  unknown: number
  levels_changed: number
  zeroed: number
}

const isExpiredToken = (error: unknown) =>
  error instanceof SpApiError && error.status === 400 && /next ?token/i.test(`${error.amazonMessage ?? ""} ${error.message}`)

type Mode = "full" | "changes" | "auto"

/**
 * One pass of a store's FBA pool: every page of getInventorySummaries (details) fetched back to back, then
 * written. Each SKU's inventory level at the pool's location is set to stocked = fulfillable and incoming =
 * inbound (absolute values, only when they differ); reserved/unfulfillable/researching go to amazon_fba_stock,
 * with SKUs no Medusa variant carries (variant_id null). A full pass also sets to 0 the SKUs Amazon no longer
 * lists. The pool row records the pass (time, counts, next startDateTime) only after the writes, so a pass
 * that fails is simply repeated; nothing here ever reaches Amazon as merchant quantity.
 */
export async function syncFbaPool(
  container: MedusaContainer,
  input: { storeId: string; pool: string; mode?: Mode; now?: Date }
): Promise<FbaSyncResult> {
  const pool = fbaPoolByKey(input.pool)
  if (!pool) throw new Error(`Unknown FBA pool ${input.pool}`)
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const [row] = (await amazon.listAmazonFbaPools({ store_id: input.storeId, pool: pool.key })) as unknown as FbaPoolRow[]
  const started = input.now ?? new Date()
  const lastFull = row?.last_full_sync_at ? new Date(row.last_full_sync_at).getTime() : 0
  const mode: "full" | "changes" =
    input.mode === "full" || input.mode === "changes"
      ? input.mode === "changes" && !row?.changes_since
        ? "full"
        : input.mode
      : !lastFull || !row?.changes_since || started.getTime() - lastFull >= FULL_SYNC_EVERY_MS
        ? "full"
        : "changes"

  const client = await amazon.getStoreSpApiClient(input.storeId)
  const startDateTime = mode === "changes" ? new Date(row!.changes_since!).toISOString() : undefined
  let summaries: Map<string, FbaQuantities> | null = null
  try {
    for (let attempt = 1; !summaries; attempt++) {
      try {
        const pages = []
        for await (const page of client.fbaInventory.inventorySummaryPages({ marketplaceId: pool.reference_marketplace_id, startDateTime })) {
          pages.push(page.summaries)
        }
        summaries = mergeSummaries(pages)
      } catch (error) {
        if (!isExpiredToken(error) || attempt >= PASS_ATTEMPTS) throw error
      }
    }
  } catch (error) {
    if (row) {
      const e = error as SpApiError
      await amazon.updateAmazonFbaPools({ id: row.id, error: { code: e.code ?? e.name ?? "Error", message: e.amazonMessage ?? e.message } })
    }
    throw error
  }

  // a pool Amazon holds nothing in gets no location until it does (no empty "Amazon FBA (…)" per marketplace)
  if (!row && summaries.size === 0) {
    return { store_id: input.storeId, pool: pool.key, mode, stock_location_id: "", skus: 0, matched: 0, unknown: 0, levels_changed: 0, zeroed: 0 }
  }
  const locationId = await ensureFbaLocation(container, { storeId: input.storeId, pool: pool.key })
  const written = await writeFbaStock(container, { storeId: input.storeId, pool: pool.key, marketplaceIds: pool.marketplace_ids, locationId, summaries, full: mode === "full", now: started })

  const stockRows = (await amazon.listAmazonFbaStocks({ store_id: input.storeId, pool: pool.key }, { select: ["variant_id", "fulfillable", "reserved", "unfulfillable", "inbound_working", "inbound_shipped", "inbound_receiving"] })) as unknown as Array<Record<string, number | string | null>>
  const sum = (k: string) => stockRows.reduce((n, r) => n + (Number(r[k]) || 0), 0)
  const counts = {
    skus: stockRows.length,
    matched: stockRows.filter((r) => r.variant_id).length,
    unknown: stockRows.filter((r) => !r.variant_id).length,
    fulfillable: sum("fulfillable"),
    inbound: sum("inbound_working") + sum("inbound_shipped") + sum("inbound_receiving"),
    reserved: sum("reserved"),
    unfulfillable: sum("unfulfillable"),
  }
  const [current] = (await amazon.listAmazonFbaPools({ store_id: input.storeId, pool: pool.key })) as unknown as FbaPoolRow[]
  await amazon.updateAmazonFbaPools({
    id: current.id,
    changes_since: new Date(started.getTime() - CHANGES_MARGIN_MS),
    last_changes_sync_at: started,
    ...(mode === "full" ? { last_full_sync_at: started } : {}),
    counts,
    unknown_skus: null,
    error: null,
  })
  return {
    store_id: input.storeId,
    pool: pool.key,
    mode,
    stock_location_id: locationId,
    skus: summaries.size,
    matched: written.matched,
    unknown: summaries.size - written.matched,
    levels_changed: written.levels_changed,
    zeroed: written.zeroed,
  }
}

async function writeFbaStock(
  container: MedusaContainer,
  input: { storeId: string; pool: string; marketplaceIds: string[]; locationId: string; summaries: Map<string, FbaQuantities>; full: boolean; now: Date }
): Promise<{ matched: number; levels_changed: number; zeroed: number }> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const skus = [...input.summaries.keys()]

  // SKU → variant: the store's listing of that SKU in the pool's marketplaces, else a variant with that SKU
  const variantOf = new Map<string, string>()
  for (let i = 0; i < skus.length; i += 500) {
    const chunk = skus.slice(i, i + 500)
    const listings = (await amazon.listAmazonListings(
      { store_id: input.storeId, marketplace_id: input.marketplaceIds, sku: chunk },
      { select: ["sku", "variant_id"] }
    )) as Array<{ sku: string; variant_id: string | null }>
    for (const l of listings) if (l.variant_id && !variantOf.has(l.sku)) variantOf.set(l.sku, l.variant_id)
    const missing = chunk.filter((s) => !variantOf.has(s))
    if (missing.length) {
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku"], filters: { sku: missing } })
      for (const v of data as Array<{ id: string; sku: string | null }>) if (v.sku) variantOf.set(v.sku, v.id)
    }
  }
  // variant → its single inventory item (a kit of several items cannot take one FBA number: left unmatched)
  const itemOf = new Map<string, string>()
  const variantIds = [...new Set(variantOf.values())]
  for (let i = 0; i < variantIds.length; i += 500) {
    const { data } = await query.graph({
      entity: "product_variant_inventory_items",
      fields: ["variant_id", "inventory_item_id", "required_quantity"],
      filters: { variant_id: variantIds.slice(i, i + 500) },
    })
    const byVariant = new Map<string, Array<{ inventory_item_id: string; required_quantity: number }>>()
    for (const link of data as Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>) {
      byVariant.set(link.variant_id, [...(byVariant.get(link.variant_id) ?? []), link])
    }
    for (const [variantId, links] of byVariant) {
      if (links.length === 1 && Number(links[0].required_quantity) === 1) itemOf.set(variantId, links[0].inventory_item_id)
    }
  }

  // levels: absolute values, written only when they differ
  const wanted = new Map<string, { stocked_quantity: number; incoming_quantity: number }>()
  for (const [sku, q] of input.summaries) {
    const variantId = variantOf.get(sku)
    const itemId = variantId ? itemOf.get(variantId) : undefined
    if (!itemId) continue
    const level = toFbaLevel(q)
    const prior = wanted.get(itemId)
    // two SKUs of one variant (e.g. an old and a new FNSKU) add up
    wanted.set(itemId, prior ? { stocked_quantity: prior.stocked_quantity + level.stocked_quantity, incoming_quantity: prior.incoming_quantity + level.incoming_quantity } : level)
  }
  const existing = await inventory.listInventoryLevels(
    { location_id: input.locationId },
    { select: ["id", "inventory_item_id", "stocked_quantity", "incoming_quantity"] }
  )
  const existingByItem = new Map(existing.map((l) => [l.inventory_item_id, l]))
  const creates: Array<{ inventory_item_id: string; location_id: string; stocked_quantity: number; incoming_quantity: number }> = []
  const updates: Array<{ inventory_item_id: string; location_id: string; stocked_quantity: number; incoming_quantity: number }> = []
  for (const [itemId, level] of wanted) {
    const current = existingByItem.get(itemId)
    if (!current) creates.push({ inventory_item_id: itemId, location_id: input.locationId, ...level })
    else if (Number(current.stocked_quantity) !== level.stocked_quantity || Number(current.incoming_quantity) !== level.incoming_quantity) {
      updates.push({ inventory_item_id: itemId, location_id: input.locationId, ...level })
    }
  }
  let zeroed = 0
  if (input.full) {
    // a full pass lists every SKU Amazon holds: what it no longer lists holds nothing there
    for (const level of existing) {
      if (wanted.has(level.inventory_item_id)) continue
      if (Number(level.stocked_quantity) === 0 && Number(level.incoming_quantity) === 0) continue
      updates.push({ inventory_item_id: level.inventory_item_id, location_id: input.locationId, stocked_quantity: 0, incoming_quantity: 0 })
      zeroed++
    }
  }
  if (creates.length) await inventory.createInventoryLevels(creates)
  if (updates.length) await inventory.updateInventoryLevels(updates)

  // amazon_fba_stock rows (upsert by store × pool × sku)
  const rows = (await amazon.listAmazonFbaStocks({ store_id: input.storeId, pool: input.pool }, { select: ["id", "sku"] })) as Array<{ id: string; sku: string }>
  const rowBySku = new Map(rows.map((r) => [r.sku, r.id]))
  const toCreate: Record<string, unknown>[] = []
  const toUpdate: Record<string, unknown>[] = []
  for (const [sku, q] of input.summaries) {
    const variantId = variantOf.get(sku) ?? null
    const data = {
      ...q,
      amazon_updated_at: q.amazon_updated_at ? new Date(q.amazon_updated_at) : null,
      variant_id: variantId,
      inventory_item_id: variantId ? (itemOf.get(variantId) ?? null) : null,
      synced_at: input.now,
    }
    const id = rowBySku.get(sku)
    if (id) toUpdate.push({ id, ...data })
    else toCreate.push({ store_id: input.storeId, pool: input.pool, ...data })
  }
  if (input.full) {
    for (const r of rows) {
      if (input.summaries.has(r.sku)) continue
      toUpdate.push({ id: r.id, fulfillable: 0, inbound_working: 0, inbound_shipped: 0, inbound_receiving: 0, reserved: 0, unfulfillable: 0, researching: 0, synced_at: input.now })
    }
  }
  if (toCreate.length) await amazon.createAmazonFbaStocks(toCreate as never)
  if (toUpdate.length) await amazon.updateAmazonFbaStocks(toUpdate as never)

  const matched = [...input.summaries.keys()].filter((sku) => {
    const v = variantOf.get(sku)
    return v && itemOf.has(v)
  }).length
  return { matched, levels_changed: creates.length + updates.length, zeroed }
}

/**
 * Every FBA pool of every connected store (the pools of its participating marketplaces), one after another:
 * a full pass when the last one is an hour old, else a changes pass. A failing pool is logged and recorded
 * on its row; the others go on.
 */
export async function syncAllFbaPools(container: MedusaContainer, options: { mode?: Mode; storeId?: string } = {}): Promise<FbaSyncResult[]> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const stores = (await amazon.listAmazonStores(options.storeId ? { id: options.storeId } : {}, {
    select: ["id", "refresh_token_ciphertext"],
    relations: ["marketplaces"],
  })) as unknown as Array<{ id: string; refresh_token_ciphertext: string | null; marketplaces?: Array<{ marketplace_id: string; is_participating: boolean }> }>
  const results: FbaSyncResult[] = []
  for (const store of stores) {
    if (!store.refresh_token_ciphertext) continue
    const ids = (store.marketplaces ?? []).filter((m) => m.is_participating).map((m) => m.marketplace_id)
    for (const pool of fbaPoolsOf(ids)) {
      try {
        results.push(await syncFbaPool(container, { storeId: store.id, pool: pool.key, mode: options.mode }))
      } catch (error) {
        logger.warn(`Amazon FBA stock of store ${store.id} pool ${pool.key} not synced: ${(error as Error).message}`)
      }
    }
  }
  return results
}
