import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonAttributeMapping, UpsertAttributeMappingBody } from "../lib/types"

/** GET /admin/amazon/stores/:id/attribute-mappings?product_type= */
export function useAttributeMappings(storeId: string, productType: string | null) {
  return useQuery({
    queryKey: amazonKeys.attributeMappings(storeId, productType ?? ""),
    queryFn: () =>
      sdk.client.fetch<{ amazon_attribute_mappings: AmazonAttributeMapping[] }>(
        `/admin/amazon/stores/${storeId}/attribute-mappings`,
        { query: { product_type: productType } }
      ),
    enabled: Boolean(productType),
  })
}

/** POST /admin/amazon/stores/:id/attribute-mappings (upsert on product type × attribute × marketplace) */
export function useUpsertAttributeMapping(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpsertAttributeMappingBody) =>
      sdk.client.fetch<{ amazon_attribute_mapping: AmazonAttributeMapping }>(
        `/admin/amazon/stores/${storeId}/attribute-mappings`,
        { method: "POST", body }
      ),
    onSuccess: (_data, body) =>
      queryClient.invalidateQueries({ queryKey: amazonKeys.attributeMappings(storeId, body.product_type) }),
  })
}

/** DELETE /admin/amazon/stores/:id/attribute-mappings/:mapping_id */
export function useDeleteAttributeMapping(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (mapping: Pick<AmazonAttributeMapping, "id" | "product_type">) =>
      sdk.client.fetch<unknown>(`/admin/amazon/stores/${storeId}/attribute-mappings/${mapping.id}`, {
        method: "DELETE",
      }),
    onSuccess: (_data, mapping) =>
      queryClient.invalidateQueries({ queryKey: amazonKeys.attributeMappings(storeId, mapping.product_type) }),
  })
}
