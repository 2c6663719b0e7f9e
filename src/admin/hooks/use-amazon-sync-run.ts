import { useQuery } from "@tanstack/react-query"
import { listingKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AmazonSyncRunResponse } from "../lib/types-listings"

const ACTIVE = new Set(["queued", "running"])
/** A run still "queued" after this long will not start by itself (another send held the store's lock); stop asking. */
const GIVE_UP_MS = 10 * 60 * 1000

/** GET /admin/amazon/sync-runs/:id — polled every 2 s while the run is queued or running. */
export function useAmazonSyncRun(runId: string | null | undefined) {
  return useQuery({
    queryKey: listingKeys.syncRun(runId ?? ""),
    queryFn: () => sdk.client.fetch<AmazonSyncRunResponse>(`/admin/amazon/sync-runs/${runId}`),
    enabled: Boolean(runId),
    refetchInterval: (q) => {
      const run = q.state.data?.amazon_sync_run
      if (!run || !ACTIVE.has(run.status)) return false
      const since = new Date(run.started_at ?? run.created_at ?? Date.now()).getTime()
      return Date.now() - since > GIVE_UP_MS ? false : 2_000
    },
  })
}
