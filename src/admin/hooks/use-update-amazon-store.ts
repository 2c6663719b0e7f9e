import { useMutation, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonStoreResponse, UpdateAmazonStoreBody } from "../lib/types"

/** POST /admin/amazon/stores/:id */
export function useUpdateAmazonStore(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateAmazonStoreBody) =>
      sdk.client.fetch<AmazonStoreResponse>(`/admin/amazon/stores/${id}`, { method: "POST", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(amazonKeys.store(id), data)
      void queryClient.invalidateQueries({ queryKey: amazonKeys.storeLists() })
    },
  })
}
