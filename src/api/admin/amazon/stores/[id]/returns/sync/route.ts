import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncStoreReturns } from "../../../../../../../utils/returns/sync-returns"
import { refetchAmazonStore } from "../../../../helpers"

/** Reads the store's returns report now and brings its returns to Medusa (the job does it every 6 hours). Never refunds. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const result = await syncStoreReturns(req.scope, { storeId: req.params.id })
  res.json({ result })
}
