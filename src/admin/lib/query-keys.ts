/**
 * Query keys, one factory for the whole admin extension. Hooks read with
 * these and mutations invalidate with them, so a key is never spelled twice.
 * Mappings and product types sit under their own roots: saving a store must not
 * refetch Amazon's product type definitions.
 */
export const amazonKeys = {
  all: ["amazon"] as const,

  stores: () => [...amazonKeys.all, "stores"] as const,
  storeLists: () => [...amazonKeys.stores(), "list"] as const,
  storeList: (query: { limit: number; offset: number }) => [...amazonKeys.storeLists(), query] as const,
  storeDetails: () => [...amazonKeys.stores(), "detail"] as const,
  store: (id: string) => [...amazonKeys.storeDetails(), id] as const,

  marketplaces: () => [...amazonKeys.all, "marketplaces"] as const,

  categoryMappings: (storeId: string) => [...amazonKeys.all, "category-mappings", storeId] as const,

  attributeMappingsOfStore: (storeId: string) => [...amazonKeys.all, "attribute-mappings", storeId] as const,
  attributeMappings: (storeId: string, productType: string) =>
    [...amazonKeys.attributeMappingsOfStore(storeId), productType] as const,

  productTypeSearch: (storeId: string, keywords: string) =>
    [...amazonKeys.all, "product-types", storeId, "search", keywords] as const,
  productType: (storeId: string, productType: string, marketplaceId: string | null) =>
    [...amazonKeys.all, "product-types", storeId, "detail", productType, marketplaceId] as const,
}

/**
 * Listings out (the listings page, the product widgets, the store summary).
 * Everything of one store's listings sits under `listingKeys.store(id)`, so a
 * send or a released hold refreshes the table, the report and the dry run at once.
 */
export const listingKeys = {
  all: [...amazonKeys.all, "listings"] as const,
  store: (storeId: string) => [...listingKeys.all, "store", storeId] as const,
  list: (storeId: string, query: Record<string, unknown>) => [...listingKeys.store(storeId), "list", query] as const,
  count: (storeId: string, statuses: readonly string[]) => [...listingKeys.store(storeId), "count", statuses] as const,
  issues: (storeId: string) => [...listingKeys.store(storeId), "issues"] as const,
  dryRun: (storeId: string) => [...listingKeys.store(storeId), "dry-run"] as const,
  products: () => [...listingKeys.all, "product"] as const,
  product: (productId: string) => [...listingKeys.products(), productId] as const,
  syncRuns: (storeId: string, type: string) => [...amazonKeys.all, "sync-runs", storeId, type] as const,
  syncRun: (runId: string) => [...amazonKeys.all, "sync-run", runId] as const,
}

/** Medusa's own lists the pages pick from (sales channels, regions, …). */
export const coreKeys = {
  salesChannels: () => ["amazon-admin", "core", "sales-channels"] as const,
  regions: () => ["amazon-admin", "core", "regions"] as const,
  shippingOptions: () => ["amazon-admin", "core", "shipping-options"] as const,
  paymentProviders: () => ["amazon-admin", "core", "payment-providers"] as const,
  productCategories: () => ["amazon-admin", "core", "product-categories"] as const,
  products: (query: Record<string, unknown>) => ["amazon-admin", "core", "products", query] as const,
}
