import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { getMarketplace } from "../../../lib/sp-api/marketplaces"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "../../../modules/amazon/types"
import { isExpiring } from "../../../utils/authorization-status"

type StoreRecord = Record<string, any> & {
  marketplace_id: string
  settings?: Partial<StoreSettings> | null
  authorization_expires_at?: string | Date | null
  marketplaces?: Array<(Record<string, any> & { marketplace_id: string }) | null>
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What the admin sees of a store: settings with their defaults, the
 * marketplace facts (country, currency, Seller Central) from Amazon's table,
 * and how many days the authorization has left.
 */
export type StoreSummary = {
  last_order_import: { status: string; finished_at: Date | null; counts: unknown } | null
  last_feed: { status: string; completed_at: Date | null; summary: unknown } | null
  open_issues_count: number
  authorization_expiring: boolean
}

/**
 * What a store card shows besides the store itself: the last order import and
 * feed with their result, and how many things wait for the merchant (listings
 * in error, orders needing attention, shipments Amazon refused).
 */
export async function loadStoreSummary(
  scope: MedusaContainer,
  store: { id: string; authorization_expires_at?: Date | string | null; status?: string }
): Promise<StoreSummary> {
  const amazon = scope.resolve<AmazonModuleService>(AMAZON_MODULE)
  const [[lastRun], [lastFeed], [, listingIssues], [, orderIssues], [, shipmentIssues]] = await Promise.all([
    amazon.listAmazonSyncRuns(
      { store_id: store.id, type: "orders", status: ["succeeded", "failed"] },
      { select: ["status", "finished_at", "counts"], order: { finished_at: "DESC" }, take: 1 }
    ),
    amazon.listAmazonFeeds(
      { store_id: store.id },
      { select: ["status", "completed_at", "summary"], order: { created_at: "DESC" }, take: 1 }
    ),
    amazon.listAndCountAmazonListings({ store_id: store.id, status: ["error", "incomplete", "suppressed"] }, { select: ["id"], take: 1 }),
    amazon.listAndCountAmazonOrders({ store_id: store.id, import_status: ["needs_attention", "failed"] }, { select: ["id"], take: 1 }),
    amazon.listAndCountAmazonShipments({ store_id: store.id, status: "failed" }, { select: ["id"], take: 1 }),
  ])
  return {
    last_order_import: lastRun ? { status: lastRun.status, finished_at: lastRun.finished_at, counts: lastRun.counts } : null,
    last_feed: lastFeed ? { status: lastFeed.status, completed_at: lastFeed.completed_at, summary: lastFeed.summary } : null,
    open_issues_count: listingIssues + orderIssues + shipmentIssues,
    authorization_expiring: store.status === "connected" && isExpiring(store.authorization_expires_at),
  }
}

export function presentAmazonStore(store: StoreRecord, now: Date = new Date()) {
  const { refresh_token_ciphertext: _never, ...visible } = store as StoreRecord & { refresh_token_ciphertext?: unknown }
  const expiresAt = store.authorization_expires_at ? new Date(store.authorization_expires_at) : null
  return {
    ...visible,
    settings: { ...DEFAULT_STORE_SETTINGS, ...(store.settings ?? {}) },
    marketplace: getMarketplace(store.marketplace_id) ?? null,
    authorization_expires_in_days: expiresAt ? Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS) : null,
    ...(store.marketplaces
      ? {
          marketplaces: store.marketplaces.flatMap((row) =>
            row ? [{ ...row, marketplace: getMarketplace(row.marketplace_id) ?? null }] : []
          ),
        }
      : {}),
  }
}

export async function refetchAmazonStore(
  id: string,
  scope: MedusaContainer,
  fields: string[],
  { withSummary = false }: { withSummary?: boolean } = {}
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({ entity: "amazon_store", fields, filters: { id } })
  if (!store) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon store "${id}" not found`)
  }
  const presented = presentAmazonStore(store as StoreRecord)
  return withSummary ? { ...presented, summary: await loadStoreSummary(scope, store as { id: string; status?: string }) } : presented
}
