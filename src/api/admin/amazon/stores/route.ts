import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAmazonStoreWorkflow } from "../../../../workflows/stores"
import { loadStoreSummary, presentAmazonStore, refetchAmazonStore } from "../helpers"
import type { AdminCreateAmazonStoreType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "amazon_store",
    fields: req.queryConfig.fields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    amazon_stores: await Promise.all(
      data.map(async (store) => ({ ...presentAmazonStore(store), summary: await loadStoreSummary(req.scope, store) }))
    ),
    count: metadata?.count ?? data.length,
    limit: metadata?.take ?? req.queryConfig.pagination.take,
    offset: metadata?.skip ?? req.queryConfig.pagination.skip,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAmazonStoreType>, res: MedusaResponse) => {
  const { result } = await createAmazonStoreWorkflow(req.scope).run({ input: req.validatedBody })
  const amazonStore = await refetchAmazonStore(result.id, req.scope, req.queryConfig.fields, { withSummary: true })
  res.status(200).json({ amazon_store: amazonStore })
}
