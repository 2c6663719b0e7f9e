import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/**
 * Moves the searchOrders cursor of the marketplaces one call covered (one call reads them all). Runs
 * after the page it covers is in the ledger, in the same workflow, so no cursor gets ahead of what is
 * committed; a cursor already further on (a marketplace read on its own before) stays where it is.
 * Compensation: the previous cursors.
 */
export const advanceOrdersCursorStep = createStep(
  "amazon-advance-orders-cursor",
  async (input: { marketplace_row_ids: string[]; cursor: Date | string | null }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.listAmazonMarketplaces({ id: input.marketplace_row_ids }, { select: ["id", "orders_cursor"] })
    if (!input.cursor) return new StepResponse(null, [])
    const next = new Date(input.cursor)
    const behind = before.filter((m) => !m.orders_cursor || new Date(m.orders_cursor).getTime() < next.getTime())
    if (behind.length) await amazon.updateAmazonMarketplaces(behind.map((m) => ({ id: m.id, orders_cursor: next })))
    return new StepResponse(next, behind.map((m) => ({ id: m.id, orders_cursor: m.orders_cursor })))
  },
  async (before, { container }) => {
    if (!before?.length) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonMarketplaces(before)
  }
)
