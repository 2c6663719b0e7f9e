import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_LISTING_CHANGES_QUEUED } from "../listings/refresh-listings"
import { withdrawSwitchedOffOffersStep } from "../listings/steps/withdraw-switched-off-offers"
import { readMarketplaceSellingStep } from "./steps/read-marketplace-selling"
import { updateAmazonMarketplaceStep, type UpdateAmazonMarketplaceInput } from "./steps/update-amazon-marketplace"
import { validateRegionStep } from "./steps/validate-region"

/**
 * Per-marketplace toggles. Switching "sell here" or "export listings" off zeroes (or deletes, by the store's
 * switch_off_offers setting) the marketplace's merchant offers: left alone they would stay buyable with stock
 * nobody updates any more. FBA offers stay.
 */
export const updateAmazonMarketplaceWorkflow = createWorkflow(
  "update-amazon-marketplace",
  (input: UpdateAmazonMarketplaceInput) => {
    when({ input }, ({ input }) => !!input.region_id).then(() => {
      validateRegionStep(transform({ input }, ({ input }) => input.region_id!))
    })
    const before = readMarketplaceSellingStep(transform({ input }, ({ input }) => ({ store_id: input.store_id, marketplace_id: input.marketplace_id })))
    const updated = updateAmazonMarketplaceStep(input)
    // listings stopped going out here: the step queues the zeros (or deletes); it does nothing when they still go out
    const withdrawn = withdrawSwitchedOffOffersStep(
      transform({ input, before, updated }, ({ input, before, updated }) => ({
        store_id: input.store_id,
        marketplace_ids: [input.marketplace_id],
        skip: !(before.selling && !(updated.enabled && updated.listings_export)),
      }))
    )
    when({ withdrawn }, ({ withdrawn }) => withdrawn.store_ids.length > 0).then(() => {
      emitEventStep({
        eventName: AMAZON_LISTING_CHANGES_QUEUED,
        data: transform({ withdrawn }, ({ withdrawn }) => ({ store_ids: withdrawn.store_ids })),
      })
    })
    return new WorkflowResponse(updated)
  }
)
