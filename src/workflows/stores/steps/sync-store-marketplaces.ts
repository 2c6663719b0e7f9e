import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { marketplacesOfRegion } from "../../../lib/sp-api"
import type { SellerParticipation } from "./verify-seller-authorization"

export type SyncStoreMarketplacesInput = { store_id: string; participations: SellerParticipation[] }

/**
 * One amazon_marketplace per marketplace of the store's region the seller
 * participates in (authorization is regional, notes §3.2). New ones start
 * disabled except the store's home marketplace; existing toggles are kept.
 */
export const syncStoreMarketplacesStep = createStep(
  "amazon-sync-store-marketplaces",
  async ({ store_id, participations }: SyncStoreMarketplacesInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const store = await amazon.retrieveAmazonStore(store_id, { select: ["id", "region", "marketplace_id"] })
    const regional = new Set(marketplacesOfRegion(store.region).map((m) => m.id))
    const existing = await amazon.listAmazonMarketplaces({ store_id })
    const byMarketplace = new Map(existing.map((row) => [row.marketplace_id, row]))
    const seen = new Map(participations.filter((p) => regional.has(p.marketplace_id)).map((p) => [p.marketplace_id, p]))

    const toCreate = [...seen.values()]
      .filter((p) => p.is_participating && !byMarketplace.has(p.marketplace_id))
      .map((p) => ({
        store_id,
        marketplace_id: p.marketplace_id,
        is_participating: true,
        has_suspended_listings: p.has_suspended_listings,
        enabled: p.marketplace_id === store.marketplace_id,
      }))
    const toUpdate = existing.map((row) => {
      const participation = seen.get(row.marketplace_id)
      return {
        id: row.id,
        is_participating: participation?.is_participating ?? false,
        has_suspended_listings: participation?.has_suspended_listings ?? false,
      }
    })
    const created = toCreate.length ? await amazon.createAmazonMarketplaces(toCreate) : []
    if (toUpdate.length) await amazon.updateAmazonMarketplaces(toUpdate)

    return new StepResponse(
      { created: created.length, updated: toUpdate.length },
      {
        createdIds: created.map((row) => row.id),
        restore: existing.map((row) => ({
          id: row.id,
          is_participating: row.is_participating,
          has_suspended_listings: row.has_suspended_listings,
        })),
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.createdIds.length) await amazon.deleteAmazonMarketplaces(undo.createdIds)
    if (undo.restore.length) await amazon.updateAmazonMarketplaces(undo.restore)
  }
)
