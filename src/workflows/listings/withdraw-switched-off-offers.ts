import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_LISTING_CHANGES_QUEUED } from "./refresh-listings"
import { withdrawSwitchedOffOffersStep, type WithdrawSwitchedOffOffersInput } from "./steps/withdraw-switched-off-offers"

/**
 * A marketplace switched off (or the store's sales channel deleted): its merchant offers are zeroed (or
 * deleted) through the outbox, and the sender is woken up at once.
 */
export const withdrawSwitchedOffOffersWorkflow = createWorkflow(
  "withdraw-switched-off-amazon-offers",
  (input: WithdrawSwitchedOffOffersInput) => {
    const result = withdrawSwitchedOffOffersStep(input)
    when({ result }, ({ result }) => result.store_ids.length > 0).then(() => {
      emitEventStep({
        eventName: AMAZON_LISTING_CHANGES_QUEUED,
        data: transform({ result }, ({ result }) => ({ store_ids: result.store_ids })),
      })
    })
    return new WorkflowResponse(result)
  }
)
