import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { saveStoreRuleWorkflow } from "../../../../../../workflows/rules"
import { refetchAmazonStore } from "../../../helpers"
import { LISTING_RULE_FIELDS } from "../../../rules-fields"
import type { AdminUpsertListingRuleType } from "../../../rules-validators"


/** The store's listing rules, in the order they are read (position; a marketplace's own first at equal position). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_listing_rule", fields: LISTING_RULE_FIELDS, filters: { store_id: req.params.id } })
  const rules = (data as Array<{ position: number; marketplace_id: string | null; id: string }>).sort(
    (a, b) => a.position - b.position || (a.marketplace_id ? 0 : 1) - (b.marketplace_id ? 0 : 1) || a.id.localeCompare(b.id)
  )
  res.json({ amazon_listing_rules: rules })
}

/** A new rule; the store's listings are recomputed (only what the rule changes is queued). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertListingRuleType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: { store_id: req.params.id, kind: "listing_rule", action: "upsert", data: { value: null, marketplace_id: null, ...req.validatedBody } },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [rule],
  } = await query.graph({ entity: "amazon_listing_rule", fields: LISTING_RULE_FIELDS, filters: { id: result.id } })
  res.json({ amazon_listing_rule: rule, counts: result.counts })
}
