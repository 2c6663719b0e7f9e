import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_LISTING_CHANGES_QUEUED } from "../listings/refresh-listings"
import { computeListingChangesStep } from "../listings/steps/compute-listing-changes"
import { saveStoreRuleStep, type SaveStoreRuleInput } from "./steps/save-store-rule"

/**
 * A listing rule, pricing rule or exchange rate written (or deleted), then every listing of the store
 * recomputed: the desired-state hash moves only where the rule changes what is sent, so only those SKUs
 * get a change (a price patch, a switch-off, a new offer) — nothing else is sent. The sender is woken.
 */
export const saveStoreRuleWorkflow = createWorkflow("save-amazon-store-rule", (input: SaveStoreRuleInput) => {
  const saved = saveStoreRuleStep(input)
  const computed = computeListingChangesStep(transform({ input, saved }, ({ input }) => ({ store_ids: [input.store_id], all: true })))
  when({ computed }, ({ computed }) => computed.store_ids.length > 0).then(() => {
    emitEventStep({
      eventName: AMAZON_LISTING_CHANGES_QUEUED,
      data: transform({ computed }, ({ computed }) => ({ store_ids: computed.store_ids })),
    }).config({ name: "amazon-store-rule-changes-queued" })
  })
  return new WorkflowResponse(transform({ saved, computed }, ({ saved, computed }) => ({ id: saved.id, counts: computed.counts })))
})
