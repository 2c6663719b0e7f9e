import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { buildIssueReport } from "../../../../../../utils/listings/issue-report"
import { refetchAmazonStore } from "../../../helpers"

/** The error report: every listing issue (no barcode, no ASIN, zero stock, Amazon's own) with the field to fix. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "amazon_listing",
    fields: ["id", "sku", "asin", "marketplace_id", "variant_id", "product_id", "status", "issues"],
    filters: { store_id: req.params.id },
  })
  res.json(buildIssueReport(data as never))
}
