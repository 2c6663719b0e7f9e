import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { upsertAttributeMappingWorkflow } from "../../../../../../workflows/mappings"
import { refetchAmazonStore } from "../../../helpers"
import type { AdminUpsertAttributeMappingType } from "../../../validators"

const FIELDS = ["id", "product_type", "attribute", "source_type", "source_value", "marketplace_id", "created_at", "updated_at"]

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const productType = (req.validatedQuery as { product_type?: string }).product_type
  const { data } = await query.graph({
    entity: "amazon_attribute_mapping",
    fields: FIELDS,
    filters: { store_id: req.params.id, ...(productType ? { product_type: productType } : {}) },
  })
  res.json({ amazon_attribute_mappings: data })
}

/** Upsert: one source per attribute of a product type (and marketplace). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertAttributeMappingType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await upsertAttributeMappingWorkflow(req.scope).run({
    input: { store_id: req.params.id, ...req.validatedBody },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [mapping],
  } = await query.graph({ entity: "amazon_attribute_mapping", fields: FIELDS, filters: { id: (result as { id: string }).id } })
  res.json({ amazon_attribute_mapping: mapping })
}
