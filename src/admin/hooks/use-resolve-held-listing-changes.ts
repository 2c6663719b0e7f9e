import { useMutation, useQueryClient } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { ResolveHeldBody, ResolveHeldResponse } from "../lib/types-listings"

/** POST /admin/amazon/stores/:id/listings/held { action: "release" | "discard" } — the safety hold's two answers. */
export function useResolveHeldListingChanges(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ResolveHeldBody) =>
      sdk.client.fetch<ResolveHeldResponse>(`/admin/amazon/stores/${storeId}/listings/held`, { method: "POST", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: listingKeys.store(storeId) })
      void queryClient.invalidateQueries({ queryKey: listingKeys.syncRuns(storeId, "listings") })
    },
  })
}
