import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimShipmentStep } from "./steps/claim-shipment"
import { recordShipmentOutcomeStep } from "./steps/record-shipment-outcome"
import { sendShipmentConfirmationStep } from "./steps/send-shipment-confirmation"

/** One queued package to Amazon: claim it, confirm it (irreversible, last), record Amazon's answer. */
export const confirmAmazonShipmentWorkflow = createWorkflow(
  "confirm-amazon-shipment",
  (input: { id: string; now?: Date | string; verify_first?: boolean }) => {
    const claim = claimShipmentStep(transform({ input }, ({ input }) => ({ id: input.id, verify_first: input.verify_first })))
    const recorded = when({ claim }, ({ claim }) => !!claim).then(() => {
      const outcome = sendShipmentConfirmationStep(transform({ claim }, ({ claim }) => claim!))
      return recordShipmentOutcomeStep(transform({ outcome, input }, ({ outcome, input }) => ({ ...outcome, now: input.now })))
    })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded ?? null))
  }
)
