import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { retryAmazonOrderWorkflow } from "../../../../../../workflows/orders/retry-amazon-order"
import { presentAmazonOrders, retrieveAmazonOrderRow } from "../../helpers"

/**
 * POST /admin/amazon/orders/:id/retry — the admin's retry button: an order held or failed is imported
 * again (after the merchant mapped its SKU, say), and its failed packages are sent to Amazon again.
 * Answers with the order as it is afterwards; what still stands in the way is in its issues.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const row = await retrieveAmazonOrderRow(req.scope, req.params.id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon order "${req.params.id}" not found`)
  await retryAmazonOrderWorkflow(req.scope).run({ input: { id: row.id } })
  const [amazon_order] = await presentAmazonOrders(req.scope, [(await retrieveAmazonOrderRow(req.scope, row.id))!], { withShipments: true })
  res.json({ amazon_order })
}
