import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { saveStoreRuleWorkflow } from "../../../../../../workflows/rules"
import { refetchAmazonStore } from "../../../helpers"
import { PRICING_RULE_FIELDS, pricingRuleResponse } from "../../../rules-fields"
import type { AdminUpsertPricingRuleType } from "../../../rules-validators"


/** One pricing rule per marketplace of the store. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_pricing_rule", fields: PRICING_RULE_FIELDS, filters: { store_id: req.params.id } })
  res.json({ amazon_pricing_rules: (data as Array<Record<string, unknown>>).map(pricingRuleResponse) })
}

/**
 * Upsert the marketplace's rule; the store's listings are recomputed and only the SKUs whose sent price
 * moves get a price change (`counts.queued`).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertPricingRuleType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const body = req.validatedBody
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: {
      store_id: req.params.id,
      kind: "pricing_rule",
      action: "upsert",
      data: {
        marketplace_id: body.marketplace_id,
        name: body.name,
        source_currency: body.source_currency ?? null,
        percent: body.percent ?? 0,
        fixed_amount: body.fixed_amount ?? 0,
        rounding: body.rounding ?? "none",
        min_price: body.min_price ?? null,
        max_price: body.max_price ?? null,
      },
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [rule],
  } = await query.graph({ entity: "amazon_pricing_rule", fields: PRICING_RULE_FIELDS, filters: { id: result.id } })
  res.json({ amazon_pricing_rule: pricingRuleResponse(rule as Record<string, unknown>), counts: result.counts })
}
