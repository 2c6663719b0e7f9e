/** A usage plan: a token bucket refilled at `rate` tokens per second, holding at most `burst` tokens. */
export interface RateLimit {
  /** Requests per second, sustained. */
  rate: number
  /** Bucket size: requests that may be sent at once after a quiet period. */
  burst: number
}

/**
 * Amazon's default usage plans for every operation the client calls: the "Usage Plan" table in each
 * operation's description in amzn/selling-partner-api-models @ 34dc93f (copied in ../shared/amazon-sp-api,
 * summarised in design notes §2; the bizon clients' `clientRateLimits` carry the same numbers). Read once
 * here, never from the models at runtime. The `x-amzn-RateLimit-Limit` response header overrides `rate`
 * per selling partner (see rate-limiter.ts).
 */
export const DEFAULT_RATE_LIMITS = {
  // Sellers v1 — sellers.json
  getMarketplaceParticipations: { rate: 0.016, burst: 15 },

  // Orders 2026-01-01 — orders_2026-01-01.json (searchOrders ≈ one call every 180 s sustained)
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },

  // Orders v0 — ordersV0.json
  confirmShipment: { rate: 2, burst: 10 },

  // Feeds 2021-06-30 — feeds_2021-06-30.json (createFeed ≈ one call every 120 s sustained;
  // JSON_LISTINGS_FEED also has its own 5 feeds / 5 min / region plan, enforced by Amazon, not here)
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  getFeeds: { rate: 0.0222, burst: 10 },
  cancelFeed: { rate: 2, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },

  // Catalog Items 2022-04-01 — catalogItems_2022-04-01.json (20 identifiers a call)
  searchCatalogItems: { rate: 2, burst: 2 },
  getCatalogItem: { rate: 2, burst: 2 },

  // Listings Items 2021-08-01 — listingsItems_2021-08-01.json
  getListingsItem: { rate: 5, burst: 10 },
  putListingsItem: { rate: 5, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  deleteListingsItem: { rate: 5, burst: 5 },
  searchListingsItems: { rate: 5, burst: 5 },

  // Reports 2021-06-30 — reports_2021-06-30.json
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReports: { rate: 0.0222, burst: 10 },
  cancelReport: { rate: 0.0222, burst: 10 },
  getReportDocument: { rate: 0.0167, burst: 15 },

  // Finances v0 — financesV0.json
  listFinancialEvents: { rate: 0.5, burst: 30 },
  listFinancialEventsByOrderId: { rate: 0.5, burst: 30 },

  // FBA Inventory v1 — fbaInventory.json
  getInventorySummaries: { rate: 2, burst: 2 },

  // Fulfillment Outbound 2020-07-01 — fulfillmentOutbound_2020-07-01.json
  getFulfillmentPreview: { rate: 2, burst: 30 },
  createFulfillmentOrder: { rate: 2, burst: 30 },
  getFulfillmentOrder: { rate: 2, burst: 30 },
  cancelFulfillmentOrder: { rate: 2, burst: 30 },
  getPackageTrackingDetails: { rate: 2, burst: 30 },

  // Product Type Definitions 2020-09-01 — definitionsProductTypes_2020-09-01.json
  searchDefinitionsProductTypes: { rate: 5, burst: 10 },
  getDefinitionsProductType: { rate: 5, burst: 10 },
} as const satisfies Record<string, RateLimit>

/** Every operation the client can call, by Amazon's operation id. */
export type SpApiOperation = keyof typeof DEFAULT_RATE_LIMITS

/** Used only for an operation missing from the table (a caller-supplied name): one call at a time, 1 rps. */
export const FALLBACK_RATE_LIMIT: RateLimit = { rate: 1, burst: 1 }
