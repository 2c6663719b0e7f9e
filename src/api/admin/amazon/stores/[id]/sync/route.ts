import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queueSyncRunWorkflow } from "../../../../../../workflows/sync"
import { refetchAmazonStore } from "../../../helpers"
import { presentSyncRun } from "../../../sync-runs/helpers"
import type { AdminRequestAmazonSyncType } from "../../../validators"

/**
 * "Sync now": 202 with the queued run; poll GET /admin/amazon/sync-runs/:id for progress. When a run of the
 * same kind is already under way for the store, that run is answered with `joined: true` (it does the work).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRequestAmazonSyncType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await queueSyncRunWorkflow(req.scope).run({
    input: { store_id: req.params.id, ...req.validatedBody },
  })
  res.status(202).json({ amazon_sync_run: { ...presentSyncRun(result.run), joined: result.joined } })
}
