import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { orderKeys } from "./query-keys"
import type { AmazonOrder, AmazonOrdersResponse } from "./types"

export type AmazonOrdersQuery = { import_status?: string[]; q?: string; limit: number; offset: number }

/** GET /admin/amazon/stores/:id/orders — refreshed every 30 s (the import runs every few minutes). */
export function useAmazonOrders(storeId: string, query: AmazonOrdersQuery) {
  return useQuery({
    queryKey: orderKeys.list(storeId, query),
    queryFn: () => sdk.client.fetch<AmazonOrdersResponse>(`/admin/amazon/stores/${storeId}/orders`, { query }),
    enabled: Boolean(storeId),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })
}

/** GET /admin/amazon/orders?order_id= — the Amazon side of one Medusa order (empty for other orders). */
export function useAmazonOrderOfMedusaOrder(orderId: string) {
  return useQuery({
    queryKey: orderKeys.ofMedusaOrder(orderId),
    queryFn: () => sdk.client.fetch<{ amazon_orders: AmazonOrder[] }>(`/admin/amazon/orders`, { query: { order_id: orderId } }),
    enabled: Boolean(orderId),
    // while a package is on its way to Amazon, look again soon
    refetchInterval: (q) =>
      q.state.data?.amazon_orders.some((o) => o.shipments?.some((s) => s.status === "pending" || s.status === "sending")) ? 10_000 : false,
  })
}

/** POST /admin/amazon/orders/:id/retry — import a held or failed order again, send its refused packages again. */
export function useRetryAmazonOrder() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<{ amazon_order: AmazonOrder }>(`/admin/amazon/orders/${id}/retry`, { method: "POST" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  })
}

/**
 * GET /admin/amazon/stores/:id/orders/export?format= as a download. Through the SDK's fetch (the session
 * cookie authenticates it), then handed to the browser as a file.
 */
export function useExportAmazonOrders(storeId: string) {
  return useMutation({
    mutationFn: async (format: "csv" | "xlsx") => {
      const response = await sdk.client.fetch<Response>(`/admin/amazon/stores/${storeId}/orders/export`, {
        query: { format },
        headers: { accept: format === "csv" ? "text/csv" : "application/octet-stream" },
      })
      const blob = response instanceof Response ? await response.blob() : new Blob([String(response)])
      const name =
        /filename="([^"]+)"/.exec(response instanceof Response ? (response.headers.get("content-disposition") ?? "") : "")?.[1] ??
        `amazon-orders.${format}`
      const url = URL.createObjectURL(blob)
      const link = document.createElement("a")
      link.href = url
      link.download = name
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    },
  })
}
