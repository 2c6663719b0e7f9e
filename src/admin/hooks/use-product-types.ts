import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonProductTypeDefinition, AmazonProductTypeSummary } from "../lib/types"

const HOUR = 60 * 60 * 1000

/** GET /admin/amazon/stores/:id/product-types?keywords= (Amazon's searchDefinitionsProductTypes) */
export function useProductTypeSearch(storeId: string, keywords: string) {
  const trimmed = keywords.trim()
  return useQuery({
    queryKey: amazonKeys.productTypeSearch(storeId, trimmed.toLowerCase()),
    queryFn: () =>
      sdk.client.fetch<{ product_types: AmazonProductTypeSummary[] }>(`/admin/amazon/stores/${storeId}/product-types`, {
        query: { keywords: trimmed },
      }),
    enabled: trimmed.length >= 2,
    placeholderData: keepPreviousData,
    // Amazon's product type list changes rarely; each search costs a quota-limited call
    staleTime: HOUR,
  })
}

/** GET /admin/amazon/stores/:id/product-types/:product_type?marketplace_id= */
export function useProductTypeDefinition(storeId: string, productType: string | null, marketplaceId: string | null) {
  return useQuery({
    queryKey: amazonKeys.productType(storeId, productType ?? "", marketplaceId),
    queryFn: () =>
      sdk.client.fetch<{ product_type: AmazonProductTypeDefinition }>(
        `/admin/amazon/stores/${storeId}/product-types/${encodeURIComponent(productType ?? "")}`,
        { query: marketplaceId ? { marketplace_id: marketplaceId } : {} }
      ),
    enabled: Boolean(productType),
    staleTime: HOUR,
  })
}
