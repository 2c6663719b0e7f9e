import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonCategoryMapping, UpsertCategoryMappingBody } from "../lib/types"

/** GET /admin/amazon/stores/:id/category-mappings */
export function useCategoryMappings(storeId: string) {
  return useQuery({
    queryKey: amazonKeys.categoryMappings(storeId),
    queryFn: () =>
      sdk.client.fetch<{ amazon_category_mappings: AmazonCategoryMapping[] }>(
        `/admin/amazon/stores/${storeId}/category-mappings`
      ),
  })
}

/** POST /admin/amazon/stores/:id/category-mappings (upsert on category × marketplace) */
export function useUpsertCategoryMapping(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpsertCategoryMappingBody) =>
      sdk.client.fetch<{ amazon_category_mapping: AmazonCategoryMapping }>(
        `/admin/amazon/stores/${storeId}/category-mappings`,
        { method: "POST", body }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: amazonKeys.categoryMappings(storeId) }),
  })
}

/** DELETE /admin/amazon/stores/:id/category-mappings/:mapping_id */
export function useDeleteCategoryMapping(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (mappingId: string) =>
      sdk.client.fetch<unknown>(`/admin/amazon/stores/${storeId}/category-mappings/${mappingId}`, {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: amazonKeys.categoryMappings(storeId) }),
  })
}
