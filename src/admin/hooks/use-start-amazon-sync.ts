import { useMutation, useQueryClient } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonSyncRunResponse } from "../lib/types-listings"

/** POST /admin/amazon/stores/:id/sync { type } → 202 with the queued run ("Send now"). */
export function useStartAmazonSync(storeId: string, type: "listings" | "orders" | "listings_import" | "shipments") {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AmazonSyncRunResponse>(`/admin/amazon/stores/${storeId}/sync`, { method: "POST", body: { type } }),
    onSuccess: ({ amazon_sync_run }) => {
      queryClient.setQueryData(listingKeys.syncRun(amazon_sync_run.id), { amazon_sync_run })
      void queryClient.invalidateQueries({ queryKey: listingKeys.syncRuns(storeId, type) })
    },
  })
}
