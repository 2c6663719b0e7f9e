import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { confirmAmazonShipmentWorkflow } from "./confirm-amazon-shipment"
import { resetShipmentAttemptsStep } from "./steps/reset-shipment-attempts"

/** The admin's "retry" on a failed package: attempts start over and it is sent now. */
export const retryAmazonShipmentWorkflow = createWorkflow("retry-amazon-shipment", (input: { id: string }) => {
  resetShipmentAttemptsStep(input.id)
  return new WorkflowResponse(confirmAmazonShipmentWorkflow.runAsStep({ input }))
})
