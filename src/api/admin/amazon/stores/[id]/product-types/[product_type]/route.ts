import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getProductTypeWorkflow } from "../../../../../../../workflows/product-types"
import { refetchAmazonStore } from "../../../../helpers"

/** A product type's attributes, required ones first, for the attribute mapping. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const store = await refetchAmazonStore(req.params.id, req.scope, ["id", "marketplace_id"])
  const params = req.validatedQuery as { marketplace_id?: string }
  const { result } = await getProductTypeWorkflow(req.scope).run({
    input: {
      store_id: req.params.id,
      marketplace_id: params.marketplace_id ?? store.marketplace_id,
      product_type: req.params.product_type,
    },
  })
  res.json({ product_type: result })
}
