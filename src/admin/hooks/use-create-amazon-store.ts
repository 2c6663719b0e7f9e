import { useMutation, useQueryClient } from "@tanstack/react-query"
import { amazonKeys, coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonStoreResponse, CreateAmazonStoreBody } from "../lib/types"

/** POST /admin/amazon/stores */
export function useCreateAmazonStore() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateAmazonStoreBody) =>
      sdk.client.fetch<AmazonStoreResponse>("/admin/amazon/stores", { method: "POST", body }),
    onSuccess: ({ amazon_store }) => {
      queryClient.setQueryData(amazonKeys.store(amazon_store.id), { amazon_store })
      void queryClient.invalidateQueries({ queryKey: amazonKeys.storeLists() })
      // "Create a new sales channel" added one
      void queryClient.invalidateQueries({ queryKey: coreKeys.salesChannels() })
    },
  })
}
