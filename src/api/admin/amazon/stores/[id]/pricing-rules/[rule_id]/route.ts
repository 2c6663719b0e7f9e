import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveStoreRuleWorkflow } from "../../../../../../../workflows/rules"

/** The marketplace goes back to its base price as it is; listings recomputed. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: { store_id: req.params.id, kind: "pricing_rule", action: "delete", id: req.params.rule_id },
  })
  res.json({ id: req.params.rule_id, object: "amazon_pricing_rule", deleted: true, counts: result.counts })
}
