import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AMAZON_POLICY } from "../../../policies/amazon"
import { AdminExportStoreAmazonOrdersParams, AdminGetAmazonOrdersParams, AdminGetStoreAmazonOrdersParams } from "./orders/validators"

/** Orders in, tracking out: the admin routes' query validation. */
export const adminAmazonOrdersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/orders",
    policies: [AMAZON_POLICY.readOrders],
    middlewares: [validateAndTransformQuery(AdminGetStoreAmazonOrdersParams, { defaults: [], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/orders/export",
    policies: [AMAZON_POLICY.exportOrders],
    middlewares: [validateAndTransformQuery(AdminExportStoreAmazonOrdersParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/orders",
    policies: [AMAZON_POLICY.readOrders],
    middlewares: [validateAndTransformQuery(AdminGetAmazonOrdersParams, {})],
  },
  { method: ["POST"], matcher: "/admin/amazon/orders/:id/retry", policies: [AMAZON_POLICY.updateOrders] },
]
