import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveStoreRuleWorkflow } from "../../../../../../../workflows/rules"

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: { store_id: req.params.id, kind: "exchange_rate", action: "delete", id: req.params.rate_id },
  })
  res.json({ id: req.params.rate_id, object: "amazon_exchange_rate", deleted: true, counts: result.counts })
}
