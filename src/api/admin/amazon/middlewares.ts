import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listAmazonStoresQueryConfig, retrieveAmazonStoreQueryConfig } from "./query-config"
import {
  AdminCreateAmazonStore,
  AdminGetAmazonStoreParams,
  AdminGetAmazonStoresParams,
  AdminGetAmazonListingsParams,
  AdminGetProductTypeParams,
  AdminResolveHeldChanges,
  AdminSendToAmazon,
  AdminGetSyncRunsParams,
  AdminRequestAmazonSync,
  AdminListAttributeMappingsParams,
  AdminSearchProductTypesParams,
  AdminSetAmazonCredentials,
  AdminUpdateAmazonMarketplace,
  AdminUpdateAmazonStore,
  AdminUpsertAttributeMapping,
  AdminUpsertCategoryMapping,
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
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/credentials",
    middlewares: [
      validateAndTransformBody(AdminSetAmazonCredentials),
      validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/marketplaces/:marketplace_id",
    middlewares: [validateAndTransformBody(AdminUpdateAmazonMarketplace)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/category-mappings",
    middlewares: [validateAndTransformBody(AdminUpsertCategoryMapping)],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/attribute-mappings",
    middlewares: [validateAndTransformQuery(AdminListAttributeMappingsParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/attribute-mappings",
    middlewares: [validateAndTransformBody(AdminUpsertAttributeMapping)],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/product-types",
    middlewares: [validateAndTransformQuery(AdminSearchProductTypesParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/product-types/:product_type",
    middlewares: [validateAndTransformQuery(AdminGetProductTypeParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/sync",
    middlewares: [validateAndTransformBody(AdminRequestAmazonSync)],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/sync-runs",
    middlewares: [validateAndTransformQuery(AdminGetSyncRunsParams, { defaults: [], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/listings",
    middlewares: [validateAndTransformQuery(AdminGetAmazonListingsParams, { defaults: [], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/listings",
    middlewares: [validateAndTransformBody(AdminSendToAmazon)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/listings/held",
    middlewares: [validateAndTransformBody(AdminResolveHeldChanges)],
  },
]
