import { useMutation, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonStoreResponse, SetAmazonCredentialsBody } from "../lib/types"

/** POST /admin/amazon/stores/:id/credentials — 400 carries Amazon's reason in `message`. */
export function useSetAmazonCredentials(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SetAmazonCredentialsBody) =>
      sdk.client.fetch<AmazonStoreResponse>(`/admin/amazon/stores/${id}/credentials`, { method: "POST", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(amazonKeys.store(id), data)
      void queryClient.invalidateQueries({ queryKey: amazonKeys.store(id) })
      void queryClient.invalidateQueries({ queryKey: amazonKeys.storeLists() })
    },
  })
}
