import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteMappingWorkflow } from "../../../../../../../workflows/mappings"

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteMappingWorkflow(req.scope).run({
    input: { store_id: req.params.id, id: req.params.mapping_id, kind: "category" },
  })
  res.json({ id: req.params.mapping_id, object: "amazon_category_mapping", deleted: true })
}
