import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { chooseListingAsinWorkflow } from "../../../../../../../../workflows/listings/choose-listing-asin"
import { refetchAmazonStore } from "../../../../../helpers"
import type { AdminChooseListingAsinType } from "../../../../../validators"

/** Settles an ambiguous barcode: the listing is offered on the chosen candidate ASIN. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminChooseListingAsinType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  await chooseListingAsinWorkflow(req.scope).run({
    input: { store_id: req.params.id, listing_id: req.params.listing_id, asin: req.validatedBody.asin },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_listing", fields: ["*"], filters: { id: req.params.listing_id } })
  res.json({ amazon_listing: data[0] })
}
