import { Button, Container, Heading, Skeleton, StatusBadge, Table, Text, Tooltip, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { useAmazonSyncRun } from "../../hooks/use-amazon-sync-run"
import { useAmazonSyncRuns } from "../../hooks/use-amazon-sync-runs"
import { useStartAmazonSync } from "../../hooks/use-start-amazon-sync"
import { errorToast } from "../../lib/errors"
import { formatDateTime, formatRelative } from "../../lib/format"
import { amazonKeys, listingKeys } from "../../lib/query-keys"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonSyncRun } from "../../lib/types-listings"
import { ErrorAlert } from "../error-alert"

const COLORS: Record<string, "green" | "red" | "blue" | "grey" | "orange"> = {
  queued: "grey",
  running: "blue",
  succeeded: "green",
  failed: "red",
  canceled: "orange",
  // another send was under way and took the request: not a failure
  skipped: "grey",
}
const ACTIVE = new Set(["queued", "running"])
const SHOWN_RUNS = 10

/** A scheduled run that sent nothing and met no error. */
function isIdle(run: AmazonSyncRun): boolean {
  return (
    run.trigger === "schedule" &&
    (run.status === "succeeded" || run.status === "skipped") &&
    !(run.errors ?? []).length &&
    !Object.values(run.counts ?? {}).some((v) => typeof v === "number" && v > 0)
  )
}
/** A run still queued after this long did not get the store's send lock (another send had it) and will not start. */
const STALE_QUEUED_MS = 60_000

function isStaleQueued(run: AmazonSyncRun, now = Date.now()): boolean {
  return run.status === "queued" && now - new Date(run.created_at ?? run.started_at ?? now).getTime() > STALE_QUEUED_MS
}

/** "3 sent in feeds, 2 ASINs found" from a run's counts; zero and non-numeric entries are left out. */
export function formatRunCounts(counts: Record<string, unknown> | null | undefined): string {
  if (!counts) return ""
  return Object.entries(counts)
    .filter(([, value]) => typeof value === "number" && value > 0)
    .map(([key, value]) => `${(value as number).toLocaleString()} ${s.runs.countLabel(key)}`)
    .join(", ")
}

/** A run that finished but reported errors (Amazon refused part of it) is not shown as a plain success. */
export function RunStatusBadge({ status, hasErrors = false }: { status: string; hasErrors?: boolean }) {
  const partly = status === "succeeded" && hasErrors
  return (
    <StatusBadge
      color={partly ? "orange" : (COLORS[status] ?? "grey")}
      className="whitespace-nowrap"
      data-testid="amazon-sync-run-status"
    >
      {partly ? s.runs.withErrors : s.runs.status(status)}
    </StatusBadge>
  )
}

/** The same message from every round of a run, once, with how often. */
function distinctErrors(errors: Array<{ code: string; message: string }>) {
  const seen = new Map<string, number>()
  for (const e of errors) seen.set(e.message, (seen.get(e.message) ?? 0) + 1)
  return [...seen.entries()].map(([message, times]) => ({ message, times }))
}

/** done/total as a bar, with the ETA the run reports (rate-limit aware on the server). */
export function RunProgress({ run }: { run: AmazonSyncRun }) {
  const { done, total } = run.progress
  if (run.status === "queued") {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {isStaleQueued(run) ? s.runs.stale : s.runs.waiting}
      </Text>
    )
  }
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : null
  return (
    <div className="flex min-w-[160px] flex-col gap-y-1">
      {percent !== null && (
        <div
          className="bg-ui-bg-component shadow-borders-base h-1.5 w-full overflow-hidden rounded-full"
          role="progressbar"
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      )}
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        {[s.runs.progress(done, total), run.eta_seconds ? s.runs.eta(run.eta_seconds) : null].filter(Boolean).join(" · ")}
      </Text>
    </div>
  )
}

/**
 * "Send now" (POST …/sync { type: "listings" }) and the run it started,
 * polled until it is over; then the listings, the error report and the next
 * send are read again, since the run may have changed all three.
 */
export function SendNowButton({ storeId, disabled }: { storeId: string; disabled?: boolean }) {
  const queryClient = useQueryClient()
  const start = useStartAmazonSync(storeId, "listings")
  const [runId, setRunId] = useState<string | null>(null)
  const { data } = useAmazonSyncRun(runId)
  const run = data?.amazon_sync_run
  // our request joined a send under way: follow that send instead (it does the work)
  useEffect(() => {
    if (run?.status === "skipped" && run.joined_run_id) setRunId(run.joined_run_id)
  }, [run])
  // a run left queued (another send held the lock) does not block the button for good
  const busy = start.isPending || Boolean(run && ACTIVE.has(run.status) && !isStaleQueued(run))

  const finished = useRef<string | null>(null)
  useEffect(() => {
    if (!run || ACTIVE.has(run.status) || finished.current === run.id) return
    finished.current = run.id
    void queryClient.invalidateQueries({ queryKey: listingKeys.store(storeId) })
    void queryClient.invalidateQueries({ queryKey: listingKeys.syncRuns(storeId, "listings") })
    void queryClient.invalidateQueries({ queryKey: listingKeys.products() })
    void queryClient.invalidateQueries({ queryKey: amazonKeys.store(storeId) })
  }, [run, storeId, queryClient])

  const onClick = () =>
    start.mutate(undefined, {
      onSuccess: ({ amazon_sync_run }) => {
        setRunId(amazon_sync_run.id)
        if (amazon_sync_run.joined) toast.info(s.runs.joinedStarted, { description: s.runs.joinedHint })
        else toast.info(s.runs.started, { description: s.runs.sendNowHint })
      },
      onError: (error) => {
        const { title, description } = errorToast(error)
        toast.error(s.runs.startError, { description: `${title} ${description}` })
      },
    })

  return (
    <Tooltip content={s.runs.sendNowHint}>
      <Button size="small" variant="secondary" onClick={onClick} isLoading={busy} disabled={disabled || busy}>
        {busy ? s.runs.sending : s.runs.sendNow}
      </Button>
    </Tooltip>
  )
}

/** The last listing sends: status, what triggered them, progress and ETA, counts, and errors in Amazon's words. */
export function SyncRunsPanel({ storeId }: { storeId: string }) {
  const { data, isPending, error, refetch } = useAmazonSyncRuns(storeId, "listings", SHOWN_RUNS * 3)
  const [showIdle, setShowIdle] = useState(false)
  const all = data?.amazon_sync_runs ?? []
  // the minute job records a run even when there was nothing to send; those are noise unless asked for
  const runs = (showIdle ? all : all.filter((run) => !isIdle(run))).slice(0, SHOWN_RUNS)
  const idle = all.filter(isIdle).length

  return (
    <Container className="divide-y p-0" data-testid="amazon-sync-runs">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">{s.runs.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {s.runs.subtitle}
          </Text>
        </div>
        {idle > 0 && (
          <Button size="small" variant="transparent" onClick={() => setShowIdle((v) => !v)}>
            {showIdle ? s.runs.hideIdle : s.runs.showIdle(idle)}
          </Button>
        )}
      </div>
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : error ? (
        <div className="flex flex-col items-start gap-y-2 px-6 py-4">
          <ErrorAlert error={error} title={s.runs.loadError} className="w-full" />
          <Button size="small" variant="secondary" onClick={() => void refetch()}>
            {strings.common.retry}
          </Button>
        </div>
      ) : runs.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle">
            {s.runs.empty}
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-[140px]">{s.table.status}</Table.HeaderCell>
                <Table.HeaderCell className="w-[200px]">{s.runs.started_at}</Table.HeaderCell>
                <Table.HeaderCell>{s.runs.result}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {runs.map((run) => (
                <Table.Row key={run.id} data-testid="amazon-sync-run-row">
                  <Table.Cell className="py-3 align-top">
                    <RunStatusBadge status={run.status} hasErrors={(run.errors ?? []).length > 0} />
                  </Table.Cell>
                  <Table.Cell className="py-3 align-top">
                    <div className="flex flex-col">
                      <Tooltip content={formatDateTime(run.started_at ?? run.created_at)}>
                        <Text size="small" leading="compact">
                          {formatRelative(run.started_at ?? run.created_at)}
                        </Text>
                      </Tooltip>
                      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                        {s.runs.trigger(run.trigger)}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell className="whitespace-normal py-3 align-top">
                    <RunOutcome run={run} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

function RunOutcome({ run }: { run: AmazonSyncRun }) {
  if (ACTIVE.has(run.status)) return <RunProgress run={run} />
  if (run.status === "skipped") {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {s.runs.joined}
      </Text>
    )
  }
  const counts = formatRunCounts(run.counts)
  const errors = run.errors ?? []
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" leading="compact" className={counts ? undefined : "text-ui-fg-subtle"}>
        {counts || s.runs.nothing}
      </Text>
      {errors.length > 0 && (
        <ul className="flex flex-col gap-y-0.5">
          {distinctErrors(errors).map(({ message, times }) => (
            <li key={message}>
              <Text size="small" leading="compact" className="text-ui-fg-error">
                {times > 1 ? s.runs.repeated(message, times) : message}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
