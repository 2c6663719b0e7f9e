import { useQuery } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonMarketplacesResponse } from "../lib/types"

/** GET /admin/amazon/marketplaces — Amazon's table; it changes with releases, not at runtime. */
export function useAmazonMarketplaces() {
  return useQuery({
    queryKey: amazonKeys.marketplaces(),
    queryFn: () => sdk.client.fetch<AmazonMarketplacesResponse>("/admin/amazon/marketplaces"),
    staleTime: Infinity,
  })
}
