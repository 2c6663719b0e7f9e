import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminExportStoreAmazonOrdersParams, AdminGetAmazonOrdersParams, AdminGetStoreAmazonOrdersParams } from "./orders/validators"

/** Orders in, tracking out: the admin routes' query validation. */
export const adminAmazonOrdersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/orders",
    middlewares: [validateAndTransformQuery(AdminGetStoreAmazonOrdersParams, { defaults: [], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/orders/export",
    middlewares: [validateAndTransformQuery(AdminExportStoreAmazonOrdersParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/orders",
    middlewares: [validateAndTransformQuery(AdminGetAmazonOrdersParams, {})],
  },
]
