/**
 * The SP-API client: pure TypeScript, no Medusa import (STYLE §2). See README.md in this folder.
 */
export { SpApiClient, createSpApiClient } from "./client"
export {
  CLIENT_VERSION,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  resolveConfig,
  type ResolvedSpApiConfig,
  type SpApiClientConfig,
} from "./config"
export { LwaClient, type LwaClientOptions, type LwaTokenSet } from "./lwa"
export {
  RateLimiterRegistry,
  TokenBucket,
  type RateLimiterBucketState,
  type RateLimiterRegistryOptions,
  type TokenBucketOptions,
  type TokenBucketState,
} from "./rate-limiter"
export { DEFAULT_RATE_LIMITS, FALLBACK_RATE_LIMIT, type RateLimit, type SpApiOperation } from "./rate-limits"
export { DEFAULT_RETRY_POLICY, backoffDelay, isRetryable, type RetryPolicy } from "./retry"
export {
  SpApiAuthError,
  SpApiError,
  SpApiNetworkError,
  SpApiThrottledError,
  type AmazonApiError,
  type LwaErrorCode,
  type SpApiErrorInit,
} from "./errors"
export { REDACTED, Redactor, redactText, redactValue } from "./redact"
export { createSafeLogger, noopLogger, type SpApiLogger } from "./logger"
export { decodeDocument, DEFAULT_DOCUMENT_LIMITS, untrustedDocumentUrl, type DocumentLimits, type DocumentLocation } from "./documents"
export * from "./types"
export * from "./marketplaces"
export { SellersOperations } from "./apis/sellers"
export type {
  GetMarketplaceParticipationsResponse,
  MarketplaceParticipation,
  SellersMarketplace,
  SellersParticipation,
} from "./apis/sellers"
export { OrdersOperations, type SearchOrdersParams } from "./apis/orders"
export { OrdersV0Operations, type ConfirmShipmentPayload } from "./apis/orders-v0"
export { FeedsOperations, type CreateFeedParams, type GetFeedsParams } from "./apis/feeds"
export {
  CATALOG_IDENTIFIERS_PER_CALL,
  CatalogItemsOperations,
  type GetCatalogItemParams,
  type SearchCatalogItemsByIdentifiersParams,
  type SearchCatalogItemsParams,
} from "./apis/catalog-items"
export {
  ListingsItemsOperations,
  type DeleteListingsItemParams,
  type GetListingsItemParams,
  type PatchListingsItemParams,
  type PutListingsItemParams,
  type SearchListingsItemsParams,
} from "./apis/listings-items"
export { ReportsOperations, type CreateReportParams, type GetReportsParams } from "./apis/reports"
export {
  ProductTypeDefinitionsOperations,
  type GetDefinitionsProductTypeParams,
  type SearchDefinitionsProductTypesParams,
} from "./apis/product-type-definitions"

/** Amazon's response types, re-exported from the generated bizon clients under one roof. */
export type * as OrdersTypes from "@sp-api-sdk/orders-api-2026-01-01"
export type * as OrdersV0Types from "@sp-api-sdk/orders-api-v0"
export type * as FeedsTypes from "@sp-api-sdk/feeds-api-2021-06-30"
export type * as CatalogItemsTypes from "@sp-api-sdk/catalog-items-api-2022-04-01"
export type * as ListingsItemsTypes from "@sp-api-sdk/listings-items-api-2021-08-01"
export type * as ReportsTypes from "@sp-api-sdk/reports-api-2021-06-30"
export type * as ProductTypeDefinitionsTypes from "@sp-api-sdk/product-type-definitions-api-2020-09-01"
