import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/**
 * A failed package back to the start of its backoff (the merchant fixed what Amazon refused, or wants it
 * tried now) — unless what is missing is still missing (`sendable: false`). Whether the last attempt may
 * have reached Amazon is kept, so it is still checked first.
 * Compensation: the previous attempts and status.
 */
export const resetShipmentAttemptsStep = createStep(
  "amazon-reset-shipment-attempts",
  async (input: { id: string; sendable: boolean }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const id = input.id
    const before = await amazon.retrieveAmazonShipment(id, { select: ["id", "status", "attempts", "next_attempt_at"] })
    if (!input.sendable || before.status !== "failed") return new StepResponse(undefined, null)
    await amazon.updateAmazonShipments({ id, status: "pending", attempts: 0, next_attempt_at: new Date() })
    return new StepResponse(undefined, { id, status: before.status, attempts: before.attempts, next_attempt_at: before.next_attempt_at })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonShipments(before)
  }
)
