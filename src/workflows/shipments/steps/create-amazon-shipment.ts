import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { isUniqueViolation } from "../../../utils/db-error"
import { nextPackageReferenceId } from "../../../utils/orders/package-reference-id"
import type { ShipmentToQueue } from "../../../utils/orders/to-shipment-confirmation"

export type CreateAmazonShipmentInput = ShipmentToQueue & { store_id: string; amazon_order_id: string; fulfillment_id: string }

/** Tries at numbering a package before giving up (each loses only to a package queued in the same instant). */
const NUMBERING_TRIES = 5

/**
 * Queues a package for confirmShipment. One per fulfillment (unique key): a second event for the same
 * fulfillment finds it queued. Its number is unique per order (unique key): when a package of another
 * fulfillment of the same order took it in the same instant, the next free number is taken instead.
 * A package Amazon cannot be told about yet (no tracking number) is stored failed with the reason, so
 * the admin shows it and its retry reads the fulfillment again.
 * Compensation: the queued row is deleted.
 */
export const createAmazonShipmentStep = createStep(
  "amazon-create-shipment",
  async (input: CreateAmazonShipmentInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const { problem, ...shipment } = input
    let packageReferenceId = shipment.package_reference_id
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await amazon.createAmazonShipments({
          ...shipment,
          package_reference_id: packageReferenceId,
          items: shipment.items as unknown as Record<string, unknown>,
          status: problem ? "failed" : "pending",
          next_attempt_at: problem ? null : new Date(),
          error: problem ? ({ code: "not_confirmable", message: problem } as Record<string, unknown>) : null,
        })
        return new StepResponse<{ id: string; status: string } | null, string | null>(created, created.id)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        const [existing] = await amazon.listAmazonShipments({ fulfillment_id: input.fulfillment_id })
        if (existing) return new StepResponse<{ id: string; status: string } | null, string | null>(existing, null)
        if (attempt >= NUMBERING_TRIES) throw error
        // the number went to another package of this order a moment ago: take the next free one
        const taken = await amazon.listAmazonShipments(
          { store_id: input.store_id, amazon_order_id: input.amazon_order_id },
          { select: ["package_reference_id"], withDeleted: true } as never
        )
        packageReferenceId = nextPackageReferenceId(taken.map((s) => s.package_reference_id))
      }
    }
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).deleteAmazonShipments(id)
  }
)
