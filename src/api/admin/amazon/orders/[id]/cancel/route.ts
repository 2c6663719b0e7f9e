import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requestAmazonCancel } from "../../../../../../workflows/order-feeds/order-feeds"
import { retrieveAmazonOrderRow } from "../../helpers"
import type { AdminCancelAmazonOrderType } from "../../refund-validators"

/**
 * POST /admin/amazon/orders/:id/cancel — "Cancel on Amazon" for an unshipped merchant-fulfilled order: queued in the
 * ledger and sent as POST_ORDER_ACKNOWLEDGEMENT_DATA (StatusCode Failure, the reason per item). The Medusa order is
 * canceled only once Amazon accepted; a refusal is shown in Amazon's words. BuyerCanceled only when the buyer asked.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCancelAmazonOrderType>, res: MedusaResponse) => {
  const row = await retrieveAmazonOrderRow(req.scope, req.params.id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon order "${req.params.id}" not found`)
  const answer = await requestAmazonCancel(req.scope, row as never, req.validatedBody ?? {}, { actor: req.auth_context?.actor_id ?? null })
  res.status(answer.duplicate ? 200 : 201).json(answer)
}
