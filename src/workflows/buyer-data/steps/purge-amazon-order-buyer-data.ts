import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { BuyerDataDue } from "./find-buyer-data-due"

/**
 * Drops the sealed buyer data from the ledger rows and records when. Runs after the Medusa orders are
 * purged, so a failure there leaves these rows due and the next run tries again. The row keeps Amazon's
 * ids, status, amounts, SKUs and the ship-to country.
 * Irreversible: no compensation.
 */
export const purgeAmazonOrderBuyerDataStep = createStep(
  "amazon-purge-order-buyer-data",
  async (input: { due: BuyerDataDue[]; now: Date | string }, { container }) => {
    if (!input.due.length) return new StepResponse(0)
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const at = new Date(input.now)
    await amazon.updateAmazonOrders(input.due.map((d) => ({ id: d.row_id, buyer_data_ciphertext: null, buyer_data_purged_at: at })))
    return new StepResponse(input.due.length)
  }
)
