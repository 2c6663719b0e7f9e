import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncInboundRefunds } from "../../../../../../../utils/refunds-inbound/sync-inbound-refunds"

/**
 * POST /admin/amazon/stores/:id/refunds-inbound/sync — "Read Amazon's refunds now": one Finances pass for the store
 * (what the job does every 30 minutes). Each Amazon event is recorded in Medusa once; a rerun changes nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ result: await syncInboundRefunds(req.scope, { storeId: req.params.id }) })
}
