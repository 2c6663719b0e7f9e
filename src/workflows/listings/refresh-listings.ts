import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeListingChangesStep } from "./steps/compute-listing-changes"
import { readBackListingStatusesStep } from "./steps/read-back-listing-statuses"
import { resolveVariantIdsStep, type ListingTriggerInput } from "./steps/resolve-variant-ids"

export const AMAZON_LISTING_CHANGES_QUEUED = "amazon.listing_changes_queued"

export type RefreshListingsWorkflowInput = ListingTriggerInput & {
  store_ids?: string[]
  /** every variant of every store (reconciliation) */
  all?: boolean
  /** queue even unchanged listings ("Send to Amazon") */
  force?: boolean
}

/**
 * Something in Medusa changed → the listings it touches get their desired
 * state recomputed, and an outbox row where it moved. Then the sender is
 * woken up for the stores that have new changes. Reconciliation (`all`) also
 * reads back what Amazon says of every offer it took (status is Amazon's).
 */
export const refreshListingsWorkflow = createWorkflow("refresh-amazon-listings", (input: RefreshListingsWorkflowInput) => {
  const variantIds = resolveVariantIdsStep(input)
  const computed = computeListingChangesStep(
    transform({ input, variantIds }, ({ input, variantIds }) => ({
      variant_ids: variantIds,
      store_ids: input.store_ids,
      all: input.all,
      force: input.force,
    }))
  )
  when({ computed }, ({ computed }) => computed.store_ids.length > 0).then(() => {
    emitEventStep({
      eventName: AMAZON_LISTING_CHANGES_QUEUED,
      data: transform({ computed }, ({ computed }) => ({ store_ids: computed.store_ids })),
    })
  })
  when({ input }, ({ input }) => !!input.all).then(() => {
    readBackListingStatusesStep(transform({ input }, ({ input }) => ({ store_ids: input.store_ids })))
  })
  return new WorkflowResponse(computed)
})
