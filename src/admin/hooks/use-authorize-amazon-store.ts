import { useMutation } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AmazonAuthorizeResponse } from "../lib/types"

/**
 * POST /admin/amazon/stores/:id/authorize → the Seller Central consent URL
 * (with a signed, single-use state). The caller sends the browser there.
 */
export function useAuthorizeAmazonStore(id: string) {
  return useMutation({
    // replace_seller: the admin confirmed that the consent may switch the store to another seller account
    mutationFn: (body?: { replace_seller: true }) =>
      sdk.client.fetch<AmazonAuthorizeResponse>(`/admin/amazon/stores/${id}/authorize`, { method: "POST", ...(body ? { body } : {}) }),
  })
}
