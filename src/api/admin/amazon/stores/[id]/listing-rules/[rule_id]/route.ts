import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { saveStoreRuleWorkflow } from "../../../../../../../workflows/rules"
import type { AdminUpsertListingRuleType } from "../../../../rules-validators"
import { LISTING_RULE_FIELDS } from "../../../../rules-fields"

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertListingRuleType>, res: MedusaResponse) => {
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: { store_id: req.params.id, kind: "listing_rule", action: "upsert", id: req.params.rule_id, data: { value: null, marketplace_id: null, ...req.validatedBody } },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [rule],
  } = await query.graph({ entity: "amazon_listing_rule", fields: LISTING_RULE_FIELDS, filters: { id: result.id } })
  res.json({ amazon_listing_rule: rule, counts: result.counts })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: { store_id: req.params.id, kind: "listing_rule", action: "delete", id: req.params.rule_id },
  })
  res.json({ id: req.params.rule_id, object: "amazon_listing_rule", deleted: true, counts: result.counts })
}
