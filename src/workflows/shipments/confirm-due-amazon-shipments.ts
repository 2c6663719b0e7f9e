import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findStoresWithDueShipmentsStep } from "./steps/find-stores-with-due-shipments"
import { runShipmentConfirmationsStep } from "./steps/run-shipment-confirmations"

/** The job's workflow: every connected store with a package due for confirmShipment. */
export const confirmDueAmazonShipmentsWorkflow = createWorkflow(
  "confirm-due-amazon-shipments",
  (input: { now?: Date | string }) => {
    const storeIds = findStoresWithDueShipmentsStep(input)
    return new WorkflowResponse(
      runShipmentConfirmationsStep(transform({ storeIds, input }, ({ storeIds, input }) => ({ store_ids: storeIds, now: input.now })))
    )
  }
)
