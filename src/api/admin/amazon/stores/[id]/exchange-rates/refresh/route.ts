import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshExchangeRatesWorkflow } from "../../../../../../../workflows/rules"
import { refetchAmazonStore } from "../../../../helpers"
import type { AdminRefreshExchangeRatesType } from "../../../../rules-validators"

/** Today's rates from the provider (ECB daily reference rates) into the store's table; listings recomputed. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRefreshExchangeRatesType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await refreshExchangeRatesWorkflow(req.scope).run({ input: { store_id: req.params.id, provider: req.validatedBody.provider } })
  res.json(result)
}
