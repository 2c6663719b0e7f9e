import { useQuery } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonStoreResponse } from "../lib/types"

/** GET /admin/amazon/stores/:id */
export function useAmazonStore(id: string | undefined) {
  return useQuery({
    queryKey: amazonKeys.store(id ?? ""),
    queryFn: () => sdk.client.fetch<AmazonStoreResponse>(`/admin/amazon/stores/${id}`),
    enabled: Boolean(id),
    // a missing store does not come back by asking again
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  })
}
