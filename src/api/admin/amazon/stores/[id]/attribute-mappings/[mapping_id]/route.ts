import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteMappingWorkflow } from "../../../../../../../workflows/mappings"

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteMappingWorkflow(req.scope).run({
    input: { store_id: req.params.id, id: req.params.mapping_id, kind: "attribute" },
  })
  res.json({ id: req.params.mapping_id, object: "amazon_attribute_mapping", deleted: true })
}
