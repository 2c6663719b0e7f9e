import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { holdStoreLockStep, releaseStoreLockStep } from "../sync/steps/store-lock"
import { pollListingFeedsStep } from "./steps/poll-listing-feeds"

/** Reads back the results of a store's submitted feeds, under the same lock as sending. */
export const pollListingFeedsWorkflow = createWorkflow("poll-amazon-listing-feeds", (input: { store_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `amazon:listings:${input.store_id}`)
  const held = holdStoreLockStep(transform({ lockKey }, ({ lockKey }) => ({ key: lockKey, max_hold_seconds: 5 * 60, on_busy: "fail" as const })))
  const result = pollListingFeedsStep(input)
  releaseStoreLockStep(transform({ held, result }, ({ held }) => held))
  return new WorkflowResponse(result)
})
