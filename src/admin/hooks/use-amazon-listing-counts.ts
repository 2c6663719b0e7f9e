import { useQueries } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonListingStatus, AmazonListingsResponse } from "../lib/types-listings"

/**
 * How many listings of a store are in each group of statuses: one
 * GET /admin/amazon/stores/:id/listings?status=…&limit=1 per group (the
 * route's count; there is no counts-by-status route).
 */
export function useAmazonListingCounts<K extends string>(storeId: string, groups: Record<K, readonly AmazonListingStatus[]>) {
  const keys = Object.keys(groups) as K[]
  const results = useQueries({
    queries: keys.map((key) => ({
      queryKey: listingKeys.count(storeId, groups[key]),
      queryFn: () =>
        sdk.client.fetch<AmazonListingsResponse>(`/admin/amazon/stores/${storeId}/listings`, {
          query: { status: groups[key].length ? [...groups[key]] : undefined, limit: 1, offset: 0 },
        }),
      enabled: Boolean(storeId),
    })),
  })
  const counts = Object.fromEntries(keys.map((key, i) => [key, results[i]?.data?.count ?? 0])) as Record<K, number>
  return {
    counts,
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  }
}
