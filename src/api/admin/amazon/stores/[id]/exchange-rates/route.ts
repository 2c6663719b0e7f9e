import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { saveStoreRuleWorkflow } from "../../../../../../workflows/rules"
import { refetchAmazonStore } from "../../../helpers"
import { EXCHANGE_RATE_FIELDS, rateResponse } from "../../../rules-fields"
import type { AdminUpsertExchangeRateType } from "../../../rules-validators"


/** The store's rate table (1 base = rate quote, as of rate_date), what pricing rules convert with. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_exchange_rate", fields: EXCHANGE_RATE_FIELDS, filters: { store_id: req.params.id } })
  res.json({ amazon_exchange_rates: (data as Array<Record<string, unknown>>).map(rateResponse) })
}

/** A manual rate (replaces the pair's row); listings recomputed, only moved prices are sent. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertExchangeRateType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const body = req.validatedBody
  const { result } = await saveStoreRuleWorkflow(req.scope).run({
    input: {
      store_id: req.params.id,
      kind: "exchange_rate",
      action: "upsert",
      data: { ...body, rate_date: body.rate_date ?? new Date().toISOString().slice(0, 10), source: "manual" },
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [rate],
  } = await query.graph({ entity: "amazon_exchange_rate", fields: EXCHANGE_RATE_FIELDS, filters: { id: result.id } })
  res.json({ amazon_exchange_rate: rateResponse(rate as Record<string, unknown>), counts: result.counts })
}
