import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findBuyerDataDueStep } from "./steps/find-buyer-data-due"
import { purgeAmazonOrderBuyerDataStep } from "./steps/purge-amazon-order-buyer-data"
import { purgeFulfillmentBuyerDataStep } from "./steps/purge-fulfillment-buyer-data"
import { purgeMedusaOrderBuyerDataStep } from "./steps/purge-medusa-order-buyer-data"
import { purgeOrderChangeBuyerDataStep } from "./steps/purge-order-change-buyer-data"

export type PurgeAmazonBuyerDataInput = {
  /** the clock (tests inject it); default now */
  now?: Date | string
  store_id?: string
  /** orders per run; the daily job runs until none is due */
  limit?: number
}

/**
 * Amazon's Data Protection Policy (notes §9): buyer name, address, phone and e-mail are gone 30 days
 * after delivery — from the Medusa order, its fulfillments, its change history and our ledger — while the order, amounts, SKUs and country
 * stay. Both purges are irreversible; ours goes last so that nothing is marked purged that is not.
 */
export const purgeAmazonBuyerDataWorkflow = createWorkflow(
  "purge-amazon-buyer-data",
  (input: PurgeAmazonBuyerDataInput) => {
    const now = transform({ input }, ({ input }) => new Date(input.now ?? Date.now()).toISOString())
    const due = findBuyerDataDueStep(
      transform({ input, now }, ({ input, now }) => ({ now, store_id: input.store_id, limit: input.limit ?? 500 }))
    )
    purgeMedusaOrderBuyerDataStep(due)
    purgeFulfillmentBuyerDataStep(due)
    purgeOrderChangeBuyerDataStep(due)
    const purged = purgeAmazonOrderBuyerDataStep(transform({ due, now }, ({ due, now }) => ({ due, now })))
    return new WorkflowResponse(transform({ purged, due }, ({ purged, due }) => ({ purged, order_ids: due.map((d) => d.order_id) })))
  }
)
