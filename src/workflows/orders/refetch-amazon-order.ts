import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { fetchAmazonOrderStep } from "./steps/fetch-amazon-order"
import { quarantineAmazonOrdersStep } from "./steps/quarantine-amazon-orders"
import { upsertAmazonOrdersStep } from "./steps/upsert-amazon-orders"

/**
 * An order quarantined as malformed, asked for again with getOrder: readable now → its ledger row is
 * written from Amazon's answer (and can be imported); still malformed → it stays quarantined with what is
 * wrong now. The caller imports it afterwards (importAmazonOrderWorkflow) when the outcome is "fetched".
 */
export const refetchAmazonOrderWorkflow = createWorkflow("refetch-amazon-order", (input: { row_id: string }) => {
  const fetched = fetchAmazonOrderStep(input)
  when({ fetched }, ({ fetched }) => fetched.outcome === "fetched").then(() => {
    upsertAmazonOrdersStep(
      transform({ fetched }, ({ fetched }) => ({ store_id: fetched.store_id, orders: fetched.outcome === "fetched" ? [fetched.order] : [] }))
    )
  })
  when({ fetched }, ({ fetched }) => fetched.outcome === "malformed").then(() => {
    quarantineAmazonOrdersStep(
      transform({ fetched }, ({ fetched }) => ({ store_id: fetched.store_id, orders: fetched.outcome === "malformed" ? [fetched.quarantine] : [] }))
    )
  })
  return new WorkflowResponse(fetched)
})
