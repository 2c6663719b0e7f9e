import { useQuery } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonDryRun } from "../lib/types-listings"

/** GET /admin/amazon/stores/:id/listings/dry-run — what the next send would change; sends nothing. */
export function useAmazonListingsDryRun(storeId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: listingKeys.dryRun(storeId),
    queryFn: () => sdk.client.fetch<AmazonDryRun>(`/admin/amazon/stores/${storeId}/listings/dry-run`),
    enabled: Boolean(storeId) && enabled,
    // queued changes go out within a minute: keep the preview (and the hold banner) current while there are some
    refetchInterval: (q) => ((q.state.data?.counts.total ?? 0) > 0 ? 10_000 : 60_000),
  })
}
