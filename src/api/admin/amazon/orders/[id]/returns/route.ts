import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { retrieveAmazonOrderRow } from "../../helpers"

export const AMAZON_RETURN_FIELDS = [
  "id",
  "amazon_rma_id",
  "amazon_order_id",
  "medusa_order_id",
  "lines",
  "status",
  "amazon_status",
  "requested_at",
  "received_at",
  "resolution",
  "refunded_amount",
  "currency",
  "tracking_id",
  "medusa_return_id",
  "medusa_status",
  "error",
  "synced_at",
]

/** GET /admin/amazon/orders/:id/returns — the buyer's returns of this Amazon order, as the returns report showed them. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const row = await retrieveAmazonOrderRow(req.scope, req.params.id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon order "${req.params.id}" not found`)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "amazon_return",
    fields: AMAZON_RETURN_FIELDS,
    filters: { store_id: row.store_id, amazon_order_id: row.amazon_order_id },
    pagination: { order: { requested_at: "ASC" } },
  })
  res.json({ returns: data })
}
