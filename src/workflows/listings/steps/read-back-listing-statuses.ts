import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { amazonReason, isAuthorizationLost } from "../../../utils/sp-api-errors"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import { READ_BACK_FIELDS, readBackListings, type ReadBackRow } from "../lib/read-back-listings"

/** The statuses of offers Amazon has taken from us: their truth is Amazon's, so they are re-read. */
const LIVE = ["accepted", "active", "inactive", "incomplete", "suppressed"]

export type ReadBackListingStatusesResult = { stores: number; read: number; errors: string[] }

/**
 * Hourly: what Amazon now says of every offer we sent (searchListingsItems by SKU, 20 a call, 5 rps:
 * ~6,000 listings a minute) — accepted ones becoming live, live ones suppressed or closed by Amazon,
 * Amazon's current issues. Reads and overwrites Amazon's part only, so running it twice changes nothing;
 * no compensation. A store Amazon does not answer is skipped (said in errors) and read next hour.
 */
export const readBackListingStatusesStep = createStep(
  "amazon-read-back-listing-statuses",
  async (input: { store_ids?: string[] }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const result: ReadBackListingStatusesResult = { stores: 0, read: 0, errors: [] }
    const stores = await amazon.listAmazonStores({ status: "connected", ...(input.store_ids ? { id: input.store_ids } : {}) }, { select: ["id"] })
    for (const store of stores) {
      const rows = await amazon.listAmazonListings(
        { store_id: store.id, status: LIVE as never, sent_hash: { $ne: null } },
        { select: [...READ_BACK_FIELDS] }
      )
      if (!rows.length) continue
      result.stores++
      try {
        const client = await amazon.getStoreSpApiClient(store.id)
        result.read += await readBackListings(amazon, client, rows as unknown as ReadBackRow[])
      } catch (error) {
        if (isAuthorizationLost(error)) {
          result.errors.push(await markAuthorizationLost(amazon, store.id, amazonReason(error)))
          continue
        }
        result.errors.push(`Store ${store.id}: Amazon's listing statuses could not be read (${error instanceof Error ? error.message : String(error)}); the next hour tries again.`)
      }
    }
    return new StepResponse(result)
  }
)
