import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { holdStoreLockStep, releaseStoreLockStep, storeLockKey } from "../sync/steps/store-lock"
import { confirmAmazonShipmentWorkflow } from "./confirm-amazon-shipment"
import { refreshShipmentFromFulfillmentStep } from "./steps/refresh-shipment-from-fulfillment"
import { resetShipmentAttemptsStep } from "./steps/reset-shipment-attempts"

/** How long the admin's retry waits for a shipments run that holds the store (each package takes about half a second). */
const RETRY_LOCK_WAIT_SECONDS = 30

/**
 * The admin's "retry" on a failed package: the package is read again from its fulfillment (a tracking
 * number added since is taken), attempts start over, and it is sent now — under the store's shipments
 * lock, like the job, so the two never send one package twice. When a run holds the store longer than the
 * retry waits, the package stays due and that run's successor sends it within a minute.
 */
export const retryAmazonShipmentWorkflow = createWorkflow("retry-amazon-shipment", (input: { id: string }) => {
  const refreshed = refreshShipmentFromFulfillmentStep(input.id)
  resetShipmentAttemptsStep(transform({ refreshed }, ({ refreshed }) => ({ id: refreshed.id, sendable: refreshed.sendable })))
  const held = holdStoreLockStep(
    transform({ refreshed }, ({ refreshed }) => ({
      key: storeLockKey("shipments", refreshed.store_id)!,
      max_hold_seconds: 120,
      wait_seconds: refreshed.sendable ? RETRY_LOCK_WAIT_SECONDS : 0,
    }))
  )
  const sent = when({ held, refreshed }, ({ held, refreshed }) => held.acquired && refreshed.sendable).then(() =>
    // the merchant may have confirmed it in Seller Central meanwhile: Amazon is looked at before sending
    confirmAmazonShipmentWorkflow.runAsStep({ input: { id: input.id, verify_first: true } })
  )
  releaseStoreLockStep(transform({ held, sent }, ({ held }) => held))
  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent ?? null))
})
