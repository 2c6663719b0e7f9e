import { StatusBadge, Text } from "@medusajs/ui"
import { formatCounts, formatRelative } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonRunCounts } from "../lib/types"

const GOOD = new Set(["succeeded", "done"])
const BAD = new Set(["failed", "fatal", "canceled", "cancelled"])

/** "● Succeeded · 5 minutes ago · 3 created, 1 skipped", or "None yet". */
export function RunResult({
  run,
}: {
  run: { status: string; at: string | null; counts: AmazonRunCounts | null } | null | undefined
}) {
  if (!run) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-muted">
        {strings.runs.none}
      </Text>
    )
  }
  // skipped: another run of the same kind was under way and did the work — neither a failure nor news
  const color = GOOD.has(run.status) ? "green" : BAD.has(run.status) ? "red" : run.status === "skipped" ? "grey" : "blue"
  const counts = formatCounts(run.counts)
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusBadge color={color}>{strings.runs.status(run.status)}</StatusBadge>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {[run.at ? formatRelative(run.at) : null, counts || null].filter(Boolean).join(" · ")}
      </Text>
    </div>
  )
}
