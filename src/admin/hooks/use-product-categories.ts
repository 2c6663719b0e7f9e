import { useQuery } from "@tanstack/react-query"
import { coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** GET /admin/product-categories?limit=1000 */
export function useProductCategories() {
  return useQuery({
    queryKey: coreKeys.productCategories(),
    queryFn: () => sdk.admin.productCategory.list({ limit: 1000, fields: "id,name,handle,parent_category_id" }),
  })
}
