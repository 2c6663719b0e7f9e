import { useQuery } from "@tanstack/react-query"
import { coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** GET /admin/sales-channels */
export function useSalesChannels() {
  return useQuery({
    queryKey: coreKeys.salesChannels(),
    queryFn: () => sdk.admin.salesChannel.list({ limit: 1000, fields: "id,name,is_disabled" }),
  })
}
