import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

export type ProductsQuery = {
  q?: string
  id?: string[]
  sales_channel_id?: string[]
  limit: number
  offset: number
  fields?: string
}

/** GET /admin/products (Medusa's own route) — the product picker, and titles for the listings table. */
export function useProducts(query: ProductsQuery, { enabled = true }: { enabled?: boolean } = {}) {
  const params = {
    ...query,
    q: query.q?.trim() || undefined,
    fields: query.fields ?? "id,title,thumbnail,status",
  }
  return useQuery({
    queryKey: coreKeys.products(params),
    queryFn: () => sdk.admin.product.list(params),
    enabled,
    placeholderData: keepPreviousData,
  })
}

/** Every product id of a sales channel, page by page ("select all in this store's sales channel"). */
export async function fetchProductIdsOfSalesChannel(salesChannelId: string): Promise<string[]> {
  const ids: string[] = []
  const limit = 1000
  for (let offset = 0; ; offset += limit) {
    const page = await sdk.admin.product.list({ sales_channel_id: [salesChannelId], fields: "id", limit, offset })
    ids.push(...page.products.map((p) => p.id))
    if (page.products.length < limit || ids.length >= page.count) return ids
  }
}
