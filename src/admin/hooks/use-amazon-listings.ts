import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonListingsQuery, AmazonListingsResponse } from "../lib/types-listings"

/** GET /admin/amazon/stores/:id/listings?status=&marketplace_id=&q=&limit=&offset= */
export function useAmazonListings(storeId: string, query: AmazonListingsQuery) {
  return useQuery({
    queryKey: listingKeys.list(storeId, query),
    queryFn: () =>
      sdk.client.fetch<AmazonListingsResponse>(`/admin/amazon/stores/${storeId}/listings`, {
        // the route refuses an empty q; qs drops undefined
        query: { ...query, q: query.q?.trim() || undefined, status: query.status?.length ? query.status : undefined },
      }),
    enabled: Boolean(storeId),
    placeholderData: keepPreviousData,
    // a submitted listing turns active once its feed is read back: keep the table current while one waits
    refetchInterval: (q) =>
      q.state.data?.amazon_listings.some((l) => l.status === "pending" || l.status === "submitted") ? 10_000 : false,
  })
}
