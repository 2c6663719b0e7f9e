import { useMutation, useQueryClient } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonListing } from "../lib/types-listings"

/** POST /admin/amazon/stores/:id/listings/:listing_id/asin { asin } — settles an ambiguous barcode. */
export function useChooseListingAsin(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ listingId, asin }: { listingId: string; asin: string }) =>
      sdk.client.fetch<{ amazon_listing: AmazonListing }>(`/admin/amazon/stores/${storeId}/listings/${listingId}/asin`, {
        method: "POST",
        body: { asin },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: listingKeys.store(storeId) })
    },
  })
}
