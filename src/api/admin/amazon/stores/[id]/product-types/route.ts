import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchProductTypesWorkflow } from "../../../../../../workflows/product-types"
import { refetchAmazonStore } from "../../../helpers"

/** Amazon product types matching keywords (or an item name), for the category mapping. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const store = await refetchAmazonStore(req.params.id, req.scope, ["id", "marketplace_id"])
  const params = req.validatedQuery as { keywords?: string; item_name?: string; marketplace_id?: string }
  const { result } = await searchProductTypesWorkflow(req.scope).run({
    input: { store_id: req.params.id, marketplace_id: params.marketplace_id ?? store.marketplace_id, ...params },
  })
  res.json({ product_types: result })
}
