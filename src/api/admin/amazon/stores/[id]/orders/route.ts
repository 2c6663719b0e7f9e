import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchAmazonStore } from "../../../helpers"
import { AMAZON_ORDER_FIELDS, presentAmazonOrders } from "../../../orders/helpers"
import type { AdminGetStoreAmazonOrdersParamsType } from "../../../orders/validators"

/** GET /admin/amazon/stores/:id/orders — the store's Amazon orders, newest first, with issues and confirmation state. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetStoreAmazonOrdersParamsType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const { import_status, q } = req.validatedQuery as AdminGetStoreAmazonOrdersParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "amazon_order",
    fields: AMAZON_ORDER_FIELDS,
    filters: {
      store_id: req.params.id,
      ...(import_status ? { import_status } : {}),
      ...(q ? { amazon_order_id: { $ilike: `%${q}%` } } : {}),
    },
    pagination: { ...req.queryConfig.pagination, order: { purchased_at: "DESC" } },
  })
  res.json({
    amazon_orders: await presentAmazonOrders(req.scope, data as Array<Record<string, any>>),
    count: metadata?.count ?? data.length,
    limit: req.queryConfig.pagination.take,
    offset: req.queryConfig.pagination.skip,
  })
}
