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

/** Medusa's own lists the pages pick from (sales channels, regions, …). */
export const coreKeys = {
  salesChannels: () => ["amazon-admin", "core", "sales-channels"] as const,
  regions: () => ["amazon-admin", "core", "regions"] as const,
  shippingOptions: () => ["amazon-admin", "core", "shipping-options"] as const,
  paymentProviders: () => ["amazon-admin", "core", "payment-providers"] as const,
  productCategories: () => ["amazon-admin", "core", "product-categories"] as const,
}
