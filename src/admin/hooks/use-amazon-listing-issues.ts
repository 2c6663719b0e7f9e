import { useQuery } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonIssueReport } from "../lib/types-listings"

/** GET /admin/amazon/stores/:id/issues — the error report. */
export function useAmazonListingIssues(storeId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: listingKeys.issues(storeId),
    queryFn: () => sdk.client.fetch<AmazonIssueReport>(`/admin/amazon/stores/${storeId}/issues`),
    enabled: Boolean(storeId) && enabled,
    // Amazon's verdicts arrive when feeds are read back (every minute)
    refetchInterval: 30_000,
  })
}
