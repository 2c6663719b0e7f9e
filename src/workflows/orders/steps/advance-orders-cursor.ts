import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/**
 * Moves a marketplace's searchOrders cursor. Runs after the page it covers is in the ledger, in the
 * same workflow, so the cursor never gets ahead of what is committed.
 * Compensation: the previous cursor.
 */
export const advanceOrdersCursorStep = createStep(
  "amazon-advance-orders-cursor",
  async (input: { marketplace_row_id: string; cursor: Date | string | null }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonMarketplace(input.marketplace_row_id, { select: ["id", "orders_cursor"] })
    if (!input.cursor) return new StepResponse(before.orders_cursor, null)
    const next = new Date(input.cursor)
    if (before.orders_cursor && new Date(before.orders_cursor).getTime() >= next.getTime()) {
      return new StepResponse(before.orders_cursor, null)
    }
    await amazon.updateAmazonMarketplaces({ id: input.marketplace_row_id, orders_cursor: next })
    return new StepResponse(next, { id: input.marketplace_row_id, orders_cursor: before.orders_cursor })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonMarketplaces(before)
  }
)
