import { useQuery } from "@tanstack/react-query"
import { coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** GET /admin/shipping-options */
export function useShippingOptions() {
  return useQuery({
    queryKey: coreKeys.shippingOptions(),
    queryFn: () => sdk.admin.shippingOption.list({ limit: 1000, fields: "id,name" }),
  })
}
