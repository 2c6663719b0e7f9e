import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchAmazonStore } from "../../../helpers"
import { AMAZON_SYNC_RUN_FIELDS } from "../../../query-config"
import { presentSyncRun } from "../../../sync-runs/helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { type, status } = req.validatedQuery as {
    type?: "orders" | "listings" | "listings_import" | "shipments" | "reconcile" | "health" | "purge"
    status?: "queued" | "running" | "succeeded" | "failed" | "canceled" | "skipped"
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "amazon_sync_run",
    fields: AMAZON_SYNC_RUN_FIELDS,
    filters: { store_id: req.params.id, ...(type ? { type } : {}), ...(status ? { status } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC" } },
  })
  res.json({
    amazon_sync_runs: data.map(presentSyncRun),
    count: metadata?.count ?? data.length,
    limit: req.queryConfig.pagination.take,
    offset: req.queryConfig.pagination.skip,
  })
}
