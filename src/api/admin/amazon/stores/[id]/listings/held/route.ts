import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveHeldListingChangesWorkflow } from "../../../../../../../workflows/listings/resolve-held-listing-changes"
import { refetchAmazonStore } from "../../../../helpers"
import type { AdminResolveHeldChangesType } from "../../../../validators"

/** The safety hold: a human confirms the held stock drops (release) or drops them (discard). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminResolveHeldChangesType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await resolveHeldListingChangesWorkflow(req.scope).run({
    input: { store_id: req.params.id, action: req.validatedBody.action },
  })
  res.json(result)
}
