import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteAmazonStoreWorkflow, updateAmazonStoreWorkflow } from "../../../../../workflows/stores"
import { refetchAmazonStore } from "../../helpers"
import type { AdminUpdateAmazonStoreType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const amazonStore = await refetchAmazonStore(req.params.id, req.scope, req.queryConfig.fields, { withSummary: true })
  res.json({ amazon_store: amazonStore })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAmazonStoreType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  await updateAmazonStoreWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const amazonStore = await refetchAmazonStore(req.params.id, req.scope, req.queryConfig.fields, { withSummary: true })
  res.json({ amazon_store: amazonStore })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  await deleteAmazonStoreWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "amazon_store", deleted: true })
}
