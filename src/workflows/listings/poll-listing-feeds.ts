import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pollListingFeedsStep } from "./steps/poll-listing-feeds"

/** Reads back the results of a store's submitted feeds, under the same lock as sending. */
export const pollListingFeedsWorkflow = createWorkflow("poll-amazon-listing-feeds", (input: { store_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `amazon:listings:${input.store_id}`)
  acquireLockStep({ key: lockKey, ttl: 5 * 60, timeout: 0 })
  const result = pollListingFeedsStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(result)
})
