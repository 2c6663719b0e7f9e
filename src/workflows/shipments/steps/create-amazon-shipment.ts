import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ShipmentToQueue } from "../../../utils/orders/to-shipment-confirmation"

export type CreateAmazonShipmentInput = ShipmentToQueue & { store_id: string; amazon_order_id: string; fulfillment_id: string }

/**
 * Queues a package for confirmShipment. One per fulfillment (unique key): a second event for the same
 * fulfillment finds it queued. A package Amazon cannot be told about yet (no tracking number) is stored
 * failed with the reason, so the admin shows it.
 * Compensation: the queued row is deleted.
 */
export const createAmazonShipmentStep = createStep(
  "amazon-create-shipment",
  async (input: CreateAmazonShipmentInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const { problem, ...shipment } = input
    let created: { id: string; status: string }
    try {
      created = await amazon.createAmazonShipments({
        ...shipment,
        items: shipment.items as unknown as Record<string, unknown>,
        status: problem ? "failed" : "pending",
        next_attempt_at: problem ? null : new Date(),
        error: problem ? ({ code: "not_confirmable", message: problem } as Record<string, unknown>) : null,
      })
    } catch (error) {
      if (!/23505|unique|already exists/i.test(String((error as Error)?.message ?? error))) throw error
      const [existing] = await amazon.listAmazonShipments({ fulfillment_id: input.fulfillment_id })
      return new StepResponse<{ id: string; status: string } | null, string | null>(existing ?? null, null)
    }
    return new StepResponse<{ id: string; status: string } | null, string | null>(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).deleteAmazonShipments(id)
  }
)
