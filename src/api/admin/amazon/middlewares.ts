import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AMAZON_POLICY } from "../../../policies/amazon"
import { listAmazonStoresQueryConfig, retrieveAmazonStoreQueryConfig } from "./query-config"
import {
  AdminAuthorizeAmazonStore,
  AdminCreateAmazonStore,
  AdminGetAmazonStoreParams,
  AdminGetAmazonStoresParams,
  AdminGetAmazonListingsParams,
  AdminGetProductTypeParams,
  AdminResolveHeldChanges,
  AdminChooseListingAsin,
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
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminGetAmazonStoresParams, listAmazonStoresQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores",
    policies: [AMAZON_POLICY.createStores],
    middlewares: [
      validateAndTransformBody(AdminCreateAmazonStore),
      validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id",
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [
      validateAndTransformBody(AdminUpdateAmazonStore),
      validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/credentials",
    policies: [AMAZON_POLICY.connectStores],
    middlewares: [
      validateAndTransformBody(AdminSetAmazonCredentials),
      validateAndTransformQuery(AdminGetAmazonStoreParams, retrieveAmazonStoreQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/marketplaces/:marketplace_id",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminUpdateAmazonMarketplace)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/category-mappings",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminUpsertCategoryMapping)],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/attribute-mappings",
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminListAttributeMappingsParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/attribute-mappings",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminUpsertAttributeMapping)],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/product-types",
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminSearchProductTypesParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/product-types/:product_type",
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminGetProductTypeParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/sync",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminRequestAmazonSync)],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/sync-runs",
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminGetSyncRunsParams, { defaults: [], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/listings",
    policies: [AMAZON_POLICY.readStores],
    middlewares: [validateAndTransformQuery(AdminGetAmazonListingsParams, { defaults: [], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/listings",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminSendToAmazon)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/listings/held",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminResolveHeldChanges)],
  },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/listings/:listing_id/asin",
    policies: [AMAZON_POLICY.updateStores],
    middlewares: [validateAndTransformBody(AdminChooseListingAsin)],
  },
  // routes without validation middlewares: only their policies
  { method: ["DELETE"], matcher: "/admin/amazon/stores/:id", policies: [AMAZON_POLICY.deleteStores] },
  {
    method: ["POST"],
    matcher: "/admin/amazon/stores/:id/authorize",
    policies: [AMAZON_POLICY.connectStores],
    middlewares: [validateAndTransformBody(AdminAuthorizeAmazonStore)],
  },
  { method: ["GET"], matcher: "/admin/amazon/marketplaces", policies: [AMAZON_POLICY.readStores] },
  { method: ["GET"], matcher: "/admin/amazon/products/:id/listings", policies: [AMAZON_POLICY.readStores] },
  { method: ["GET"], matcher: "/admin/amazon/sync-runs/:id", policies: [AMAZON_POLICY.readStores] },
  { method: ["GET"], matcher: "/admin/amazon/stores/:id/issues", policies: [AMAZON_POLICY.readStores] },
  { method: ["GET"], matcher: "/admin/amazon/stores/:id/listings/dry-run", policies: [AMAZON_POLICY.readStores] },
  { method: ["GET"], matcher: "/admin/amazon/stores/:id/category-mappings", policies: [AMAZON_POLICY.readStores] },
  { method: ["DELETE"], matcher: "/admin/amazon/stores/:id/category-mappings/:mapping_id", policies: [AMAZON_POLICY.updateStores] },
  { method: ["DELETE"], matcher: "/admin/amazon/stores/:id/attribute-mappings/:mapping_id", policies: [AMAZON_POLICY.updateStores] },
]
