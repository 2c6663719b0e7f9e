import { Button, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useAmazonSyncRuns } from "../../hooks/use-amazon-sync-runs"
import { useStartAmazonSync } from "../../hooks/use-start-amazon-sync"
import { errorToast } from "../../lib/errors"
import { formatRelative } from "../../lib/format"
import { ordersStrings as s } from "../../lib/strings-orders"
import { orderKeys } from "./query-keys"

/** "Import now" (POST …/sync { type: "orders" }) and when the last import ran. */
export function ImportNowButton({ storeId, disabled }: { storeId: string; disabled?: boolean }) {
  const queryClient = useQueryClient()
  const start = useStartAmazonSync(storeId, "orders")
  const runs = useAmazonSyncRuns(storeId, "orders", 1)
  const last = runs.data?.amazon_sync_runs[0]
  const running = last?.status === "running" || last?.status === "queued"

  const onClick = () =>
    start.mutate(undefined, {
      onSuccess: ({ amazon_sync_run }) => {
        if (amazon_sync_run.joined) toast.info(s.page.importJoined, { description: s.page.importJoinedDescription })
        else toast.success(s.page.importQueued, { description: s.page.importQueuedDescription })
        setTimeout(() => void queryClient.invalidateQueries({ queryKey: orderKeys.store(storeId) }), 5_000)
      },
      onError: (error) => toast.error(errorToast(error).title, { description: errorToast(error).description }),
    })

  return (
    <div className="flex items-center gap-x-3">
      <Text size="small" className={last?.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
        {!last ? s.page.neverRun : last.status === "failed" ? s.page.lastRunFailed : s.page.lastRun(formatRelative(last.finished_at ?? last.started_at))}
      </Text>
      <Button size="small" variant="secondary" onClick={onClick} isLoading={start.isPending || running} disabled={disabled || running}>
        {running ? s.page.importing : s.page.importNow}
      </Button>
    </div>
  )
}
