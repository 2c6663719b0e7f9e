import type { MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { RefreshBuffer, type ListingTrigger, type ListingTriggerStore } from "../../utils/listings/refresh-buffer"
import { refreshListingsWorkflow } from "./refresh-listings"

/** Claim attempts lost to another drain (it took some of the same rows) before this drain gives way. */
const CLAIM_ATTEMPTS = 3

const amazon = (container: MedusaContainer) => container.resolve<AmazonModuleService>(AMAZON_MODULE)

/** The `amazon_listing_trigger` table as the buffer's storage. */
export const listingTriggerStore: ListingTriggerStore = {
  async save(container, kind, ids) {
    await amazon(container).createAmazonListingTriggers(ids.map((entity_id) => ({ kind, entity_id })))
  },

  async claim(container, claimId, max, leaseStart) {
    const service = amazon(container)
    const claimable = { $or: [{ claimed_by: null }, { claimed_at: { $lt: leaseStart } }] }
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const candidates = await service.listAmazonListingTriggers(claimable as never, { select: ["id"], take: max, order: { created_at: "ASC" } })
      if (!candidates.length) return []
      try {
        // The service updates what its select found, by id. Under repeatable read, a row another drain claimed
        // after that select fails this update (serialization error) instead of being claimed twice.
        await service.updateAmazonListingTriggers(
          { selector: { id: candidates.map((c) => c.id), ...claimable } as never, data: { claimed_by: claimId, claimed_at: new Date() } },
          { isolationLevel: "repeatable read" }
        )
      } catch (error) {
        if (!isSerializationFailure(error)) throw error
        continue
      }
      return (await service.listAmazonListingTriggers({ claimed_by: claimId }, { select: ["kind", "entity_id"] })) as ListingTrigger[]
    }
    return []
  },

  async done(container, claimId) {
    await amazon(container).deleteAmazonListingTriggers({ claimed_by: claimId })
  },

  async release(container, claimId) {
    await amazon(container).updateAmazonListingTriggers({ selector: { claimed_by: claimId }, data: { claimed_by: null, claimed_at: null } })
  },
}

function isSerializationFailure(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  return code === "40001" || /could not serialize access/.test(message ?? "")
}

/** The process's buffer of catalog/stock events for listings out (see RefreshBuffer). */
export const listingRefreshBuffer = new RefreshBuffer({
  store: listingTriggerStore,
  refresh: (container, input) => refreshListingsWorkflow(container).run({ input }),
})
