import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncAllFbaPools } from "../../../../../../../utils/fba/sync"
import { refetchAmazonStore } from "../../../../helpers"

/** Reads the store's FBA stock now (a full pass of each pool; nothing is sent to Amazon). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const results = await syncAllFbaPools(req.scope, { storeId: req.params.id, mode: "full" })
  res.json({ results })
}
