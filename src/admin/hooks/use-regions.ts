import { useQuery } from "@tanstack/react-query"
import { coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** GET /admin/regions */
export function useRegions() {
  return useQuery({
    queryKey: coreKeys.regions(),
    queryFn: () => sdk.admin.region.list({ limit: 1000, fields: "id,name,currency_code" }),
  })
}
