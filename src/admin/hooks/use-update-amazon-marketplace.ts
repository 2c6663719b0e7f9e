import { useMutation, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonMarketplaceResponse, AmazonMarketplaceUpdate, AmazonStoreResponse } from "../lib/types"

type Variables = { marketplaceId: string; update: AmazonMarketplaceUpdate }

/**
 * POST /admin/amazon/stores/:id/marketplaces/:marketplace_id with just the
 * field that changed. Optimistic: the switch moves at once and moves back if
 * the server says no.
 */
export function useUpdateAmazonMarketplace(storeId: string) {
  const queryClient = useQueryClient()
  const key = amazonKeys.store(storeId)

  const patch = (data: AmazonStoreResponse | undefined, marketplaceId: string, update: AmazonMarketplaceUpdate) =>
    data && {
      amazon_store: {
        ...data.amazon_store,
        marketplaces: data.amazon_store.marketplaces?.map((row) =>
          row.marketplace_id === marketplaceId ? { ...row, ...update } : row
        ),
      },
    }

  return useMutation({
    mutationFn: ({ marketplaceId, update }: Variables) =>
      sdk.client.fetch<AmazonMarketplaceResponse>(
        `/admin/amazon/stores/${storeId}/marketplaces/${encodeURIComponent(marketplaceId)}`,
        { method: "POST", body: update }
      ),
    onMutate: async ({ marketplaceId, update }) => {
      await queryClient.cancelQueries({ queryKey: key })
      const previous = queryClient.getQueryData<AmazonStoreResponse>(key)
      queryClient.setQueryData<AmazonStoreResponse | undefined>(key, (data) => patch(data, marketplaceId, update))
      return { previous }
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous)
    },
    onSuccess: ({ amazon_marketplace }, { marketplaceId }) => {
      if (!amazon_marketplace) return
      // the server's row is the truth (marketplace facts are kept from the store answer)
      queryClient.setQueryData<AmazonStoreResponse | undefined>(key, (data) => {
        const { marketplace: _facts, ...row } = amazon_marketplace
        return patch(data, marketplaceId, row)
      })
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key })
    },
  })
}
