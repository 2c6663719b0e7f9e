import { useMutation } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AmazonDryRun } from "../lib/types-listings"

/** GET /admin/amazon/stores/:id/listings/dry-run?validate=true — Amazon's VALIDATION_PREVIEW of the next send's full listings. */
export function useValidateListingsDryRun(storeId: string) {
  return useMutation({
    mutationFn: () => sdk.client.fetch<AmazonDryRun>(`/admin/amazon/stores/${storeId}/listings/dry-run`, { query: { validate: "true" } }),
  })
}
