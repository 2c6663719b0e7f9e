import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { upsertCategoryMappingWorkflow } from "../../../../../../workflows/mappings"
import { refetchAmazonStore } from "../../../helpers"
import type { AdminUpsertCategoryMappingType } from "../../../validators"

const FIELDS = ["id", "category_id", "marketplace_id", "product_type", "created_at", "updated_at"]

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "amazon_category_mapping",
    fields: FIELDS,
    filters: { store_id: req.params.id },
  })
  res.json({ amazon_category_mappings: data })
}

/** Upsert: one product type per category (and marketplace). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertCategoryMappingType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await upsertCategoryMappingWorkflow(req.scope).run({
    input: { store_id: req.params.id, ...req.validatedBody },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [mapping],
  } = await query.graph({ entity: "amazon_category_mapping", fields: FIELDS, filters: { id: (result as { id: string }).id } })
  res.json({ amazon_category_mapping: mapping })
}
