import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type ForgetPreviousSellerInput = { store_id: string; replaced_seller: string | null }

/**
 * A store switched (with confirmation) to another seller account: what it knew
 * of the old account's catalog no longer describes Amazon. Its listings mirror
 * and the listing changes still waiting to be sent are soft-deleted (the next
 * listings import rebuilds the mirror from the new account), and each
 * marketplace's order cursor and import date start over. Orders already
 * imported stay: they are the merchant's history.
 */
export const forgetPreviousSellerStep = createStep(
  "amazon-forget-previous-seller",
  async (input: ForgetPreviousSellerInput, { container }) => {
    if (!input.replaced_seller) return new StepResponse({ listings: 0, changes: 0 }, null)
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const listings = await amazon.listAmazonListings({ store_id: input.store_id }, { select: ["id"] })
    const changes = await amazon.listAmazonListingChanges({ store_id: input.store_id, status: ["pending", "held"] }, { select: ["id"] })
    const marketplaces = await amazon.listAmazonMarketplaces(
      { store_id: input.store_id },
      { select: ["id", "orders_cursor", "listings_imported_at"] }
    )
    if (listings.length) await amazon.softDeleteAmazonListings(listings.map((l) => l.id))
    if (changes.length) await amazon.softDeleteAmazonListingChanges(changes.map((c) => c.id))
    if (marketplaces.length) {
      await amazon.updateAmazonMarketplaces(marketplaces.map((m) => ({ id: m.id, orders_cursor: null, listings_imported_at: null })))
    }
    return new StepResponse(
      { listings: listings.length, changes: changes.length },
      {
        listing_ids: listings.map((l) => l.id),
        change_ids: changes.map((c) => c.id),
        marketplaces: marketplaces.map((m) => ({ id: m.id, orders_cursor: m.orders_cursor, listings_imported_at: m.listings_imported_at })),
      }
    )
  },
  async (before, { container }) => {
    if (!before) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (before.listing_ids.length) await amazon.restoreAmazonListings(before.listing_ids)
    if (before.change_ids.length) await amazon.restoreAmazonListingChanges(before.change_ids)
    if (before.marketplaces.length) await amazon.updateAmazonMarketplaces(before.marketplaces)
  }
)
