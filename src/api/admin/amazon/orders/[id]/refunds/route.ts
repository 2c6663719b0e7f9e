import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ledgerOf, requestAmazonRefund } from "../../../../../../workflows/order-feeds/order-feeds"
import { retrieveAmazonOrderRow } from "../../helpers"
import type { AdminCreateAmazonRefundType } from "../../refund-validators"

async function orderRow(req: AuthenticatedMedusaRequest) {
  const row = await retrieveAmazonOrderRow(req.scope, req.params.id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon order "${req.params.id}" not found`)
  return row
}

/** GET /admin/amazon/orders/:id/refunds — the order's refund ledger: refunds and cancellations, both ways. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const row = await orderRow(req)
  res.json({ refunds: await ledgerOf(req.scope, row.store_id, row.amazon_order_id) })
}

/**
 * POST /admin/amazon/orders/:id/refunds[?preview=true] — "Refund on Amazon". With preview: the plan (per item, capped,
 * and what is refused and why) and the XML that would be sent. Without: the refund is queued in the ledger and goes in
 * the next POST_PAYMENT_ADJUSTMENT_DATA feed; Medusa records it once Amazon accepted. A request Amazon would refuse
 * (or that refunds what Amazon already refunded) is answered 400 with the reasons, and nothing is queued. A request
 * without request_id that overlaps an outbound refund still on its way to Amazon is answered 409 and not queued: it is
 * taken for the same refund sent twice (a second refund carries its own request_id and must fit what is left).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAmazonRefundType>, res: MedusaResponse) => {
  const row = await orderRow(req)
  const preview = (req.query as { preview?: string }).preview === "true"
  const answer = await requestAmazonRefund(req.scope, row as never, req.validatedBody, { preview, actor: req.auth_context?.actor_id ?? null })
  if (!preview && answer.conflict) {
    // Medusa's error handler words every CONFLICT alike; this one says which refund is on its way
    res.status(409).json({ type: "conflict", code: "refund_in_flight", message: answer.conflict.message, refund_id: answer.conflict.refund_id })
    return
  }
  if (!preview && !answer.refund) {
    const reasons = answer.plan.refused.map((r) => (r.amazon_order_item_id ? `${r.amazon_order_item_id}: ${r.reason}` : r.reason))
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, reasons.length ? reasons.join(" ") : "Nothing to refund.")
  }
  res.status(preview || answer.duplicate ? 200 : 201).json(answer)
}
