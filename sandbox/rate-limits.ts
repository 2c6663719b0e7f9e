/**
 * Default usage plans (rate in requests/second, burst) per operation. Values are the "Usage Plan" tables in
 * the operations' descriptions in amzn/selling-partner-api-models @ 34dc93f, as collected in
 * shared/design/amazon-sp-api-notes.md §2. Kept in code (not read from the models at runtime) so throttling
 * works even when the models folder is absent.
 */
export interface UsagePlan {
  rate: number
  burst: number
}

export const RATE_LIMITS: Readonly<Record<string, UsagePlan>> = {
  // Sellers v1 (sellers.json)
  getMarketplaceParticipations: { rate: 0.016, burst: 15 }, // notes §2: 0.016 / 15
  getAccount: { rate: 0.016, burst: 15 }, // notes §2: 0.016 / 15
  // Orders 2026-01-01 (orders_2026-01-01.json)
  searchOrders: { rate: 0.0056, burst: 20 }, // notes §2: ≈ 1 call / 180 s sustained
  getOrder: { rate: 0.5, burst: 30 }, // notes §2: 0.5 / 30 (same plan in v0)
  // Orders v0 (ordersV0.json)
  confirmShipment: { rate: 2, burst: 10 }, // notes §2: 2 / 10
  updateShipmentStatus: { rate: 5, burst: 15 }, // notes §2: 5 / 15
  getOrders: { rate: 0.0167, burst: 20 }, // notes §2: deprecated v0 read
  getOrderItems: { rate: 0.5, burst: 30 }, // notes §2: deprecated v0 read
  // Feeds 2021-06-30 (feeds_2021-06-30.json)
  createFeed: { rate: 0.0083, burst: 15 }, // notes §2: ≈ 1 call / 120 s; JSON_LISTINGS_FEED has its own limit below
  createFeedDocument: { rate: 0.5, burst: 15 }, // notes §2: 0.5 / 15
  getFeed: { rate: 2, burst: 15 }, // notes §2: 2 / 15
  getFeeds: { rate: 0.0222, burst: 10 }, // notes §2: 0.0222 / 10
  cancelFeed: { rate: 2, burst: 15 }, // notes §2: 2 / 15
  getFeedDocument: { rate: 0.0222, burst: 10 }, // notes §2: 0.0222 / 10
  // Reports 2021-06-30 (reports_2021-06-30.json)
  createReport: { rate: 0.0167, burst: 15 }, // notes §2: 0.0167 / 15
  getReport: { rate: 2, burst: 15 }, // notes §2: 2 / 15
  getReports: { rate: 0.0222, burst: 10 }, // notes §2: 0.0222 / 10
  cancelReport: { rate: 0.0222, burst: 10 }, // notes §2: 0.0222 / 10
  getReportDocument: { rate: 0.0167, burst: 15 }, // notes §2: 0.0167 / 15
  // Catalog Items 2022-04-01 (catalogItems_2022-04-01.json)
  searchCatalogItems: { rate: 2, burst: 2 }, // notes §2: 2 / 2, ≤ 20 identifiers a call
  getCatalogItem: { rate: 2, burst: 2 }, // notes §2: 2 / 2
  // Listings Items 2021-08-01 (listingsItems_2021-08-01.json)
  getListingsItem: { rate: 5, burst: 10 }, // notes §2: 5 / 10
  putListingsItem: { rate: 5, burst: 10 }, // notes §2: 5 / 10
  patchListingsItem: { rate: 5, burst: 5 }, // notes §2: 5 / 5
  deleteListingsItem: { rate: 5, burst: 5 }, // notes §2: 5 / 5
  searchListingsItems: { rate: 5, burst: 5 }, // notes §2: 5 / 5
  // Product Type Definitions 2020-09-01 (definitionsProductTypes_2020-09-01.json)
  searchDefinitionsProductTypes: { rate: 5, burst: 10 }, // notes §2: 5 / 10
  getDefinitionsProductType: { rate: 5, burst: 10 }, // notes §2: 5 / 10
  // FBA Inventory v1 (fbaInventory.json)
  getInventorySummaries: { rate: 2, burst: 2 }, // research Appendix B: 2 / 2
  // Fulfillment Outbound 2020-07-01 (fulfillmentOutbound_2020-07-01.json): 2 / 30
  getFulfillmentPreview: { rate: 2, burst: 30 },
  createFulfillmentOrder: { rate: 2, burst: 30 },
  getFulfillmentOrder: { rate: 2, burst: 30 },
  cancelFulfillmentOrder: { rate: 2, burst: 30 },
  getPackageTrackingDetails: { rate: 2, burst: 30 },
  // Finances v0 (financesV0.json): 0.5 / 30
  listFinancialEvents: { rate: 0.5, burst: 30 },
  listFinancialEventsByOrderId: { rate: 0.5, burst: 30 },
  // Tokens 2021-03-01
  createRestrictedDataToken: { rate: 1, burst: 10 }, // notes §2: 1 / 10
}

/** Amazon's static sandbox endpoints throttle every operation at 5 rps / burst 15 (notes §7, [G21]). */
export const STATIC_SANDBOX_PLAN: UsagePlan = { rate: 5, burst: 15 }

/** Operations missing from the table get the static-sandbox plan rather than no limit at all. */
export const DEFAULT_PLAN: UsagePlan = STATIC_SANDBOX_PLAN

/**
 * JSON_LISTINGS_FEED's own limit on top of createFeed's usage plan: 5 feeds per 5 minutes per region per
 * seller (developer-docs changelog 2025-05-06, notes §0.4). Window is in simulated seconds.
 */
export const JSON_LISTINGS_FEED_LIMIT = { feeds: 5, windowSeconds: 300 }

export function usagePlan(operationId: string): UsagePlan {
  return RATE_LIMITS[operationId] ?? DEFAULT_PLAN
}
