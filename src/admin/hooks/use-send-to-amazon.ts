import { useMutation, useQueryClient } from "@tanstack/react-query"
import { amazonKeys, listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { SendToAmazonResponse } from "../lib/types-listings"
import { fetchProductIdsOfSalesChannel } from "./use-products"

/** Ids per request: the route takes up to 10,000, but one request per 500 keeps each workflow run short. */
export const SEND_CHUNK = 500

type Variables = {
  storeId: string
  /** the products to send, or … */
  product_ids?: string[]
  /** … every product of this sales channel (read page by page from GET /admin/products first), or … */
  sales_channel_id?: string
  /** … single variants (a listing's "Send again") */
  variant_ids?: string[]
  onProgress?: (done: number, total: number) => void
}

/**
 * POST /admin/amazon/stores/:id/listings { product_ids } — "Send to Amazon":
 * recompute and queue these products' listings now. Large selections go in
 * chunks of 500, one after the other; the answer is the sum. The route has
 * no "whole sales channel" option, so that choice is resolved to ids here.
 */
export function useSendToAmazon() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ storeId, sales_channel_id, variant_ids, onProgress, ...rest }: Variables): Promise<SendToAmazonResponse> => {
      if (variant_ids?.length) {
        return sdk.client.fetch<SendToAmazonResponse>(`/admin/amazon/stores/${storeId}/listings`, {
          method: "POST",
          body: { variant_ids },
        })
      }
      const product_ids = sales_channel_id ? await fetchProductIdsOfSalesChannel(sales_channel_id) : (rest.product_ids ?? [])
      const total = { queued: 0, blocked: 0 }
      for (let i = 0; i < product_ids.length; i += SEND_CHUNK) {
        const chunk = product_ids.slice(i, i + SEND_CHUNK)
        const answer = await sdk.client.fetch<SendToAmazonResponse>(`/admin/amazon/stores/${storeId}/listings`, {
          method: "POST",
          body: { product_ids: chunk },
        })
        total.queued += answer.queued
        total.blocked += answer.blocked
        onProgress?.(Math.min(i + SEND_CHUNK, product_ids.length), product_ids.length)
      }
      return total
    },
    onSuccess: (_data, { storeId }) => {
      void queryClient.invalidateQueries({ queryKey: listingKeys.store(storeId) })
      void queryClient.invalidateQueries({ queryKey: listingKeys.products() })
      void queryClient.invalidateQueries({ queryKey: listingKeys.syncRuns(storeId, "listings") })
      // the store card's open-issues count
      void queryClient.invalidateQueries({ queryKey: amazonKeys.stores() })
    },
  })
}
