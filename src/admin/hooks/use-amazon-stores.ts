import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonStoreListResponse } from "../lib/types"

/** GET /admin/amazon/stores */
export function useAmazonStores(query: { limit: number; offset: number } = { limit: 50, offset: 0 }) {
  return useQuery({
    queryKey: amazonKeys.storeList(query),
    queryFn: () => sdk.client.fetch<AmazonStoreListResponse>("/admin/amazon/stores", { query }),
    placeholderData: keepPreviousData,
  })
}
