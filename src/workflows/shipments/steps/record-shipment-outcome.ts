import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { safeErrorMessage } from "../../../utils/db-error"
import { nextShipmentAttemptAt } from "../../../utils/orders/shipment-backoff"
import type { ShipmentOutcome } from "./send-shipment-confirmation"

/**
 * What Amazon answered: confirmed, or failed with Amazon's code and message and the time of the next
 * attempt (backoff; none once the attempts are used up — the admin's retry starts over). No compensation:
 * it records a call that cannot be undone.
 */
export const recordShipmentOutcomeStep = createStep(
  "amazon-record-shipment-outcome",
  async (input: ShipmentOutcome & { now?: Date | string }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const update = input.confirmed
      ? {
          id: input.id,
          status: "confirmed" as const,
          confirmed_at: now,
          error: null,
          next_attempt_at: null,
          ...(input.package_reference_id ? { package_reference_id: input.package_reference_id } : {}),
        }
      : {
          id: input.id,
          status: "failed" as const,
          error: { ...input.error, message: safeErrorMessage(input.error.message), at: now.toISOString() } as Record<string, unknown>,
          next_attempt_at: nextShipmentAttemptAt(input.attempts, now),
        }
    return new StepResponse(await amazon.updateAmazonShipments(update))
  }
)
