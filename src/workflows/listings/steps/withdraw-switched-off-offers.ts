import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "../../../modules/amazon/types"
import { switchOffChange, type SwitchedOffListing } from "../../../utils/listings/existing-offer"

export type WithdrawSwitchedOffOffersInput = {
  store_id: string
  /** the marketplaces switched off; absent = all of the store's (it lost its sales channel) */
  marketplace_ids?: string[]
  /** nothing was switched off after all (the workflow decides after reading the toggles) */
  skip?: boolean
}

export type WithdrawSwitchedOffOffersResult = { store_ids: string[]; queued: number }

const FIELDS = ["id", "sku", "marketplace_id", "asin", "product_type", "status", "fulfillment_channel", "condition_type", "sent_hash", "sent_state", "desired_hash"] as const

/**
 * "Export listings" or "sell here" switched off in a marketplace, or the store's sales channel gone: nobody
 * keeps those offers' stock up to date any more, so every merchant offer there is set to quantity 0 (or
 * deleted, by the store's switch_off_offers setting) through the outbox. FBA offers are Amazon's stock and
 * stay. The changes skip the safety hold (claimed_by "hold-released"): zeroing a whole marketplace is what was
 * asked for. Idempotent: a listing already withdrawn this way is not queued again.
 */
export const withdrawSwitchedOffOffersStep = createStep(
  "amazon-withdraw-switched-off-offers",
  async (input: WithdrawSwitchedOffOffersInput, { container }) => {
    if (input.skip) return new StepResponse<WithdrawSwitchedOffOffersResult>({ store_ids: [], queued: 0 })
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const store = await amazon.retrieveAmazonStore(input.store_id, { select: ["id", "settings"] })
    const settings: StoreSettings = { ...DEFAULT_STORE_SETTINGS, ...((store.settings as Partial<StoreSettings>) ?? {}) }
    const listings = (await amazon.listAmazonListings(
      { store_id: input.store_id, ...(input.marketplace_ids ? { marketplace_id: input.marketplace_ids } : {}) },
      { select: [...FIELDS] }
    )) as unknown as Array<SwitchedOffListing & { id: string }>

    const changes = listings.flatMap((listing) => {
      const change = switchOffChange(listing, settings.switch_off_offers, settings.handling_time_days)
      return change ? [{ listing, change }] : []
    })
    if (!changes.length) return new StepResponse<WithdrawSwitchedOffOffersResult>({ store_ids: [], queued: 0 })

    const ids = changes.map((c) => c.listing.id)
    await amazon.updateAmazonListingChanges({ selector: { listing_id: ids, status: ["pending", "held"] }, data: { status: "superseded", completed_at: new Date() } })
    await amazon.createAmazonListingChanges(
      changes.map(({ listing, change }) => ({
        store_id: input.store_id,
        marketplace_id: listing.marketplace_id,
        listing_id: listing.id,
        sku: listing.sku,
        operation: change.operation,
        payload: change.payload as unknown as Record<string, unknown>,
        hash: change.hash,
        claimed_by: "hold-released",
      }))
    )
    await amazon.updateAmazonListings(changes.map(({ listing, change }) => ({ id: listing.id, desired_hash: change.hash, status: "pending" as const })))
    return new StepResponse<WithdrawSwitchedOffOffersResult>({ store_ids: [input.store_id], queued: changes.length })
  }
)
