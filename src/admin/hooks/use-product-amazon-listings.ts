import { useQuery } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonProductListingsResponse } from "../lib/types-listings"

/** GET /admin/amazon/products/:id/listings — the product's listings in every store and marketplace. */
export function useProductAmazonListings(productId: string | undefined) {
  return useQuery({
    queryKey: listingKeys.product(productId ?? ""),
    queryFn: () => sdk.client.fetch<AmazonProductListingsResponse>(`/admin/amazon/products/${productId}/listings`),
    enabled: Boolean(productId),
    // right after "Send to Amazon" the listings move pending → submitted → active
    refetchInterval: (q) =>
      q.state.data?.amazon_listings.some((l) => l.status === "pending" || l.status === "submitted") ? 10_000 : false,
  })
}
