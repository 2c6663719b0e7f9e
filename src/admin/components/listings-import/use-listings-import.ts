import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"

export type ListingsImportRun = {
  id: string
  status: "queued" | "running" | "succeeded" | "failed" | "canceled" | "skipped"
  trigger: string
  progress: { done: number; total: number | null }
  eta_seconds: number | null
  counts: Record<string, number> | null
  errors: Array<{ code: string; message: string; line?: number }> | null
  started_at: string | null
  finished_at: string | null
  created_at: string
}

/** Keys of this panel, under the admin extension's root so "invalidate amazon" reaches them too. */
export const listingsImportKeys = {
  lastRun: (storeId: string) => [...amazonKeys.all, "sync-runs", storeId, "listings_import", "last"] as const,
}

const ACTIVE = new Set(["queued", "running"])

/** GET /admin/amazon/stores/:id/sync-runs?type=listings_import&limit=1 — polled every 2 s while a run is under way. */
export function useLastListingsImport(storeId: string) {
  return useQuery({
    queryKey: listingsImportKeys.lastRun(storeId),
    queryFn: async () => {
      const { amazon_sync_runs } = await sdk.client.fetch<{ amazon_sync_runs: ListingsImportRun[] }>(
        `/admin/amazon/stores/${storeId}/sync-runs`,
        { query: { type: "listings_import", limit: 1 } }
      )
      return amazon_sync_runs[0] ?? null
    },
    refetchInterval: (query) => (query.state.data && ACTIVE.has(query.state.data.status) ? 2000 : false),
  })
}

/** POST /admin/amazon/stores/:id/sync { type: "listings_import" } */
export function useStartListingsImport(storeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ amazon_sync_run: ListingsImportRun }>(`/admin/amazon/stores/${storeId}/sync`, {
        method: "POST",
        body: { type: "listings_import" },
      }),
    onSuccess: ({ amazon_sync_run }) => {
      queryClient.setQueryData(listingsImportKeys.lastRun(storeId), amazon_sync_run)
    },
  })
}
