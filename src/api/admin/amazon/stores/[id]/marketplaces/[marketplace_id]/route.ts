import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getMarketplace } from "../../../../../../../lib/sp-api"
import { updateAmazonMarketplaceWorkflow } from "../../../../../../../workflows/stores"
import { refetchAmazonStore } from "../../../../helpers"
import type { AdminUpdateAmazonMarketplaceType } from "../../../../validators"

/** Per-marketplace toggles (sell here, export/import listings, include inactive, import orders) and region. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAmazonMarketplaceType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await updateAmazonMarketplaceWorkflow(req.scope).run({
    input: { store_id: req.params.id, marketplace_id: req.params.marketplace_id, ...req.validatedBody },
  })
  const { store: _store, ...row } = result as typeof result & { store?: unknown }
  res.json({ amazon_marketplace: { ...row, marketplace: getMarketplace(result.marketplace_id) ?? null } })
}
