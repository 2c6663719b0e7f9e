import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_LISTING_CHANGES_QUEUED } from "../listings/refresh-listings"
import { computeListingChangesStep } from "../listings/steps/compute-listing-changes"
import { fetchExchangeRatesStep } from "./steps/fetch-exchange-rates"
import { upsertExchangeRatesStep } from "./steps/upsert-exchange-rates"

/** The store's rate table refreshed from a provider (ECB), then its listings recomputed: only SKUs whose price moves are sent. */
export const refreshExchangeRatesWorkflow = createWorkflow("refresh-amazon-exchange-rates", (input: { store_id: string; provider: "ecb" }) => {
  const rates = fetchExchangeRatesStep({ provider: input.provider })
  const saved = upsertExchangeRatesStep(transform({ input, rates }, ({ input, rates }) => ({ store_id: input.store_id, rates })))
  const computed = computeListingChangesStep(transform({ input, saved }, ({ input }) => ({ store_ids: [input.store_id], all: true })))
  when({ computed }, ({ computed }) => computed.store_ids.length > 0).then(() => {
    emitEventStep({
      eventName: AMAZON_LISTING_CHANGES_QUEUED,
      data: transform({ computed }, ({ computed }) => ({ store_ids: computed.store_ids })),
    }).config({ name: "amazon-rates-changes-queued" })
  })
  return new WorkflowResponse(transform({ saved, computed }, ({ saved, computed }) => ({ rates: saved.count, counts: computed.counts })))
})
