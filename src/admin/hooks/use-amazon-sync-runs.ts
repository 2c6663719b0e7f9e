import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonSyncRun, AmazonSyncRunsResponse } from "../lib/types-listings"

/** A run still queued after a minute did not get the store's lock and will not start (see sync-runs-panel). */
const STALE_QUEUED_MS = 60_000

const underWay = (run: AmazonSyncRun) =>
  run.status === "running" ||
  (run.status === "queued" && Date.now() - new Date(run.created_at ?? Date.now()).getTime() < STALE_QUEUED_MS)

/**
 * GET /admin/amazon/stores/:id/sync-runs?type=&limit= — newest first. Polled
 * every 3 s while a run is under way, and every 30 s otherwise so the
 * minute job's and change-triggered sends show up.
 */
export function useAmazonSyncRuns(storeId: string, type: string, limit = 10) {
  return useQuery({
    queryKey: [...listingKeys.syncRuns(storeId, type), { limit }],
    queryFn: () =>
      sdk.client.fetch<AmazonSyncRunsResponse>(`/admin/amazon/stores/${storeId}/sync-runs`, {
        query: { type, limit, offset: 0 },
      }),
    enabled: Boolean(storeId),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.amazon_sync_runs.some(underWay) ? 3_000 : 30_000),
  })
}
