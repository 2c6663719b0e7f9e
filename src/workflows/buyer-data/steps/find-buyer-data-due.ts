import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { purgeCutoff } from "../../../utils/orders/buyer-data-purge"

export type BuyerDataDue = { row_id: string; order_id: string | null }

/**
 * Amazon orders whose buyer data must go now: delivered more than 30 days ago, or — with no delivery
 * recorded — past Amazon's latest delivery date by 30 days. Reads only.
 */
export const findBuyerDataDueStep = createStep(
  "amazon-find-buyer-data-due",
  async (input: { now: Date | string; store_id?: string; limit: number }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const cutoff = purgeCutoff(new Date(input.now))
    const rows = await amazon.listAmazonOrders(
      {
        ...(input.store_id ? { store_id: input.store_id } : {}),
        buyer_data_purged_at: null,
        $or: [
          { delivered_at: { $lte: cutoff } },
          { delivered_at: null, latest_delivery_at: { $lte: cutoff } },
        ],
      } as never,
      { select: ["id", "order_id"], take: input.limit, order: { purchased_at: "ASC" } }
    )
    return new StepResponse<BuyerDataDue[]>(rows.map((row) => ({ row_id: row.id, order_id: row.order_id ?? null })))
  }
)
