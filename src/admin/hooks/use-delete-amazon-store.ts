import { useMutation, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonStoreDeleteResponse } from "../lib/types"

/** DELETE /admin/amazon/stores/:id */
export function useDeleteAmazonStore(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<AmazonStoreDeleteResponse>(`/admin/amazon/stores/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: amazonKeys.store(id) })
      queryClient.removeQueries({ queryKey: amazonKeys.categoryMappings(id) })
      queryClient.removeQueries({ queryKey: amazonKeys.attributeMappingsOfStore(id) })
      void queryClient.invalidateQueries({ queryKey: amazonKeys.storeLists() })
    },
  })
}
