import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { advanceOrdersCursorStep } from "./steps/advance-orders-cursor"
import { type SealedAmazonOrder, upsertAmazonOrdersStep } from "./steps/upsert-amazon-orders"

export type CommitAmazonOrdersPageInput = {
  store_id: string
  /** the marketplaces the page's call covered: their cursors move together */
  marketplace_row_ids: string[]
  orders: SealedAmazonOrder[]
  /** where the cursor may go once these orders are stored */
  cursor: Date | string | null
}

/** One searchOrders page into the ledger, then the cursor past it — together or not at all. */
export const commitAmazonOrdersPageWorkflow = createWorkflow(
  "commit-amazon-orders-page",
  (input: CommitAmazonOrdersPageInput) => {
    const upserted = upsertAmazonOrdersStep(
      transform({ input }, ({ input }) => ({ store_id: input.store_id, orders: input.orders }))
    )
    advanceOrdersCursorStep(
      transform({ input, upserted }, ({ input }) => ({ marketplace_row_ids: input.marketplace_row_ids, cursor: input.cursor }))
    )
    return new WorkflowResponse(upserted)
  }
)
