import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/**
 * Notes when an Amazon order was delivered: the buyer data purge counts its 30 days from here.
 * Compensation: the previous date.
 */
export const recordOrderDeliveryStep = createStep(
  "amazon-record-order-delivery",
  async (input: { row_id: string; delivered_at: Date | string }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonOrder(input.row_id, { select: ["id", "delivered_at"] })
    const at = new Date(input.delivered_at)
    // the last package's delivery counts
    if (before.delivered_at && new Date(before.delivered_at).getTime() >= at.getTime()) return new StepResponse(undefined, null)
    await amazon.updateAmazonOrders({ id: input.row_id, delivered_at: at })
    return new StepResponse(undefined, { id: before.id, delivered_at: before.delivered_at })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonOrders(before)
  }
)
