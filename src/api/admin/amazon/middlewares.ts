import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listAmazonStoresQueryConfig, retrieveAmazonStoreQueryConfig } from "./query-config"
import {
  AdminCreateAmazonStore,
  AdminGetAmazonStoreParams,
  AdminGetAmazonStoresParams,
  AdminUpdateAmazonStore,
} from "./validators"

export const adminAmazonMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores",
    middlewares: [validateAndTransformQuery(AdminGetAmazonStoresParams, listAmazonStoresQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores",
    middlewares: [
      validateAndTransformBody(AdminCreateAmazonStore),
      validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id",
    middlewares: [validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateAmazonStore),
      validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig),
    ],
  },
]
