import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getMarketplace } from "../../../../../../lib/sp-api"
import { refreshListingsWorkflow } from "../../../../../../workflows/listings"
import { refetchAmazonStore } from "../../../helpers"
import { AMAZON_LISTING_FIELDS as LISTING_FIELDS } from "../../../query-config"
import type { AdminSendToAmazonType } from "../../../validators"


/** The store's listings, filterable by status, marketplace and SKU/ASIN text. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { status, marketplace_id, q } = req.validatedQuery as { status?: string | string[]; marketplace_id?: string; q?: string }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { store_id: req.params.id }
  if (status) filters.status = status
  if (marketplace_id) filters.marketplace_id = marketplace_id
  if (q) filters.$or = [{ sku: { $ilike: `%${q}%` } }, { asin: { $ilike: `%${q}%` } }]
  const { data, metadata } = await query.graph({
    entity: "amazon_listing",
    fields: LISTING_FIELDS,
    filters: filters as never,
    pagination: { ...req.queryConfig.pagination, order: { sku: "ASC" } },
  })
  res.json({
    amazon_listings: data.map((l: { marketplace_id: string }) => ({ ...l, marketplace: getMarketplace(l.marketplace_id) ?? null })),
    count: metadata?.count ?? data.length,
    limit: req.queryConfig.pagination.take,
    offset: req.queryConfig.pagination.skip,
  })
}

/** "Send to Amazon": recompute and queue these products/variants now, even if nothing changed. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendToAmazonType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { result } = await refreshListingsWorkflow(req.scope).run({
    input: { ...req.validatedBody, store_ids: [req.params.id], force: true },
  })
  res.json({ queued: result.counts.queued, blocked: result.counts.blocked })
}
