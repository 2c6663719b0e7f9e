import axios from "axios"
import { CatalogItemsOperations } from "./apis/catalog-items"
import { FeedsOperations } from "./apis/feeds"
import { FbaInventoryOperations } from "./apis/fba-inventory"
import { FinancesV0Operations } from "./apis/finances"
import { FulfillmentOutboundOperations } from "./apis/fulfillment-outbound"
import { ListingsItemsOperations } from "./apis/listings-items"
import { OrdersOperations } from "./apis/orders"
import { OrdersV0Operations } from "./apis/orders-v0"
import { ProductTypeDefinitionsOperations } from "./apis/product-type-definitions"
import { ReportsOperations } from "./apis/reports"
import { SellersOperations } from "./apis/sellers"
import { type ResolvedSpApiConfig, resolveConfig, type SpApiClientConfig } from "./config"
import type { DocumentTransferContext } from "./documents"
import { createSafeLogger } from "./logger"
import { LwaClient } from "./lwa"
import { RateLimiterRegistry } from "./rate-limiter"
import { Redactor } from "./redact"
import { SpApiTransport } from "./transport"

/**
 * The SP-API for one seller in one region, grouped by Amazon's API names:
 * `client.orders.searchOrdersPages(…)`, `client.feeds.getFeed(…)`, … Plain config in, typed objects out,
 * `SpApiError`s thrown. Cheap to create; share `lwa` and `rateLimiter` between the clients of a process.
 */
export class SpApiClient {
  readonly sellers: SellersOperations
  readonly orders: OrdersOperations
  readonly ordersV0: OrdersV0Operations
  readonly feeds: FeedsOperations
  readonly catalogItems: CatalogItemsOperations
  readonly listingsItems: ListingsItemsOperations
  readonly reports: ReportsOperations
  readonly financesV0: FinancesV0Operations
  readonly fulfillmentOutbound: FulfillmentOutboundOperations
  readonly fbaInventory: FbaInventoryOperations
  readonly productTypeDefinitions: ProductTypeDefinitionsOperations
  /** The token cache in use (the shared one when `config.lwa` was given). */
  readonly lwa: LwaClient
  /** The rate-limit buckets in use (the shared registry when `config.rateLimiter` was given). */
  readonly rateLimiter: RateLimiterRegistry
  /** The configuration after defaults, without the secrets. */
  readonly settings: Omit<ResolvedSpApiConfig, "clientSecret" | "refreshToken">

  constructor(config: SpApiClientConfig) {
    const resolved = resolveConfig(config)
    const redactor = new Redactor([resolved.clientSecret, resolved.refreshToken])
    const logger = createSafeLogger(config.logger, redactor)
    if (config.lwa && config.lwa.clientId !== resolved.clientId) {
      throw new TypeError("SP-API client config: the shared LWA client belongs to another clientId")
    }
    this.lwa =
      config.lwa ??
      new LwaClient({
        clientId: resolved.clientId,
        clientSecret: resolved.clientSecret,
        tokenUrl: resolved.lwaTokenUrl,
        timeoutMs: resolved.timeoutMs,
        userAgent: resolved.userAgent,
        logger: config.logger,
        retry: resolved.retry,
        unrefTimers: resolved.unrefTimers,
      })
    this.rateLimiter = config.rateLimiter ?? new RateLimiterRegistry({ unrefTimers: resolved.unrefTimers })
    const http = axios.create({
      // The presigned document URLs and SP-API itself never redirect; a redirect would resend the token.
      maxRedirects: 0,
      maxContentLength: Infinity,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: true },
    })
    const transport = new SpApiTransport({ config: resolved, lwa: this.lwa, limiter: this.rateLimiter, redactor, logger, http })
    const documents: DocumentTransferContext = {
      http,
      timeoutMs: resolved.timeoutMs,
      retry: resolved.retry,
      unrefTimers: resolved.unrefTimers,
      logger,
      redactor,
      // a configured endpoint (the sandbox) serves its own documents; Amazon's come from *.amazonaws.com
      trustedOrigin: config.endpoint ? new URL(resolved.endpoint).origin : undefined,
      limits: config.documentLimits,
    }

    this.sellers = new SellersOperations(transport)
    this.orders = new OrdersOperations(transport)
    this.ordersV0 = new OrdersV0Operations(transport)
    this.feeds = new FeedsOperations(transport, documents)
    this.catalogItems = new CatalogItemsOperations(transport)
    this.listingsItems = new ListingsItemsOperations(transport, resolved.sellingPartnerId)
    this.reports = new ReportsOperations(transport, documents)
    this.financesV0 = new FinancesV0Operations(transport)
    this.fulfillmentOutbound = new FulfillmentOutboundOperations(transport)
    this.fbaInventory = new FbaInventoryOperations(transport)
    this.productTypeDefinitions = new ProductTypeDefinitionsOperations(transport, documents)

    const { clientSecret: _secret, refreshToken: _token, ...settings } = resolved
    this.settings = Object.freeze(settings)
  }
}

export function createSpApiClient(config: SpApiClientConfig): SpApiClient {
  return new SpApiClient(config)
}
