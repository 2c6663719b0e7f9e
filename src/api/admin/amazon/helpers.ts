import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { getMarketplace } from "../../../lib/sp-api/marketplaces"
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "../../../modules/amazon/types"

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

export async function refetchAmazonStore(id: string, scope: MedusaContainer, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({ entity: "amazon_store", fields, filters: { id } })
  if (!store) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon store "${id}" not found`)
  }
  return presentAmazonStore(store as StoreRecord)
}
