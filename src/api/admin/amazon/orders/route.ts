import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AMAZON_ORDER_FIELDS, presentAmazonOrders } from "./helpers"
import type { AdminGetAmazonOrdersParamsType } from "./validators"

/**
 * GET /admin/amazon/orders?order_id= — the Amazon side of a Medusa order (the order page's widget): its
 * Amazon order, marketplace and every package with its confirmation state. Empty for other orders.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAmazonOrdersParamsType>, res: MedusaResponse) => {
  const { order_id } = req.validatedQuery as AdminGetAmazonOrdersParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "amazon_order", fields: AMAZON_ORDER_FIELDS, filters: { order_id } })
  res.json({ amazon_orders: await presentAmazonOrders(req.scope, data as Array<Record<string, any>>, { withShipments: true }) })
}
