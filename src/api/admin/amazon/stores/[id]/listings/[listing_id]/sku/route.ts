import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { chooseListingSkuWorkflow } from "../../../../../../../../workflows/listings/choose-listing-sku"
import { refetchAmazonStore } from "../../../../../helpers"
import type { AdminChooseListingSkuType } from "../../../../../validators"

/** Settles several seller offers on one ASIN: the listing becomes the chosen SKU's offer (patched, never a second SKU). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminChooseListingSkuType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  await chooseListingSkuWorkflow(req.scope).run({
    input: { store_id: req.params.id, listing_id: req.params.listing_id, sku: req.validatedBody.sku },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_listing", fields: ["*"], filters: { id: req.params.listing_id } })
  res.json({ amazon_listing: data[0] })
}
