import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { MAX_SHIPMENT_ATTEMPTS } from "../../../utils/orders/shipment-backoff"
import { ABANDONED_AFTER_MS } from "./claim-shipment"

/** Connected stores with a package to confirm now. Reads only. */
export const findStoresWithDueShipmentsStep = createStep(
  "amazon-find-stores-with-due-shipments",
  async (input: { now?: Date | string }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const due = await amazon.listAmazonShipments(
      {
        $or: [
          { status: "pending" },
          { status: "failed", attempts: { $lt: MAX_SHIPMENT_ATTEMPTS }, next_attempt_at: { $lte: now } },
          { status: "sending", updated_at: { $lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
        ],
      } as never,
      { select: ["store_id"] }
    )
    const storeIds = [...new Set(due.map((s) => s.store_id))]
    if (!storeIds.length) return new StepResponse([] as string[])
    const connected = await amazon.listAmazonStores({ id: storeIds, status: "connected" }, { select: ["id"] })
    return new StepResponse(connected.map((s) => s.id))
  }
)
