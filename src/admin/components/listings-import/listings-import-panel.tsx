import { Alert, Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { describeError } from "../../lib/errors"
import { formatRelative } from "../../lib/format"
import { listingsImportStrings as strings } from "../../lib/strings-listings-import"
import { type ListingsImportRun, useLastListingsImport, useStartListingsImport } from "./use-listings-import"

const COLORS: Record<string, "green" | "red" | "blue" | "grey"> = { succeeded: "green", failed: "red", running: "blue", queued: "grey" }
const SHOWN_PROBLEMS = 5

/**
 * "Listings in" for one store: the button that starts an import, and what the last one did — progress
 * while it runs, then linked / created / skipped (with why) and the first problems in Amazon's words.
 * Meant for the store's settings page: `<ListingsImportPanel storeId={store.id} />`.
 */
export function ListingsImportPanel({ storeId, disabled = false }: { storeId: string; disabled?: boolean }) {
  const { data: run } = useLastListingsImport(storeId)
  const start = useStartListingsImport(storeId)
  const busy = start.isPending || run?.status === "queued" || run?.status === "running"

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">{strings.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {strings.description}
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={busy} disabled={disabled || busy} onClick={() => start.mutate()}>
          {busy ? strings.importing : strings.importNow}
        </Button>
      </div>
      {start.isError && <StartError error={start.error} />}
      {run ? <RunSummary run={run} /> : <Text size="small" className="text-ui-fg-muted">{strings.never}</Text>}
    </Container>
  )
}

function StartError({ error }: { error: unknown }) {
  const described = describeError(error)
  return (
    <Alert variant="error" dismissible>
      <Text size="small" weight="plus">
        {strings.errorTitle}
      </Text>
      <Text size="small">{described.message}</Text>
      <Text size="small" className="text-ui-fg-subtle">
        {described.hint}
      </Text>
    </Alert>
  )
}

function RunSummary({ run }: { run: ListingsImportRun }) {
  const counts = run.counts ?? {}
  const running = run.status === "queued" || run.status === "running"
  const reasons = Object.entries(strings.skipped).filter(([key]) => (counts[key] ?? 0) > 0)
  const problems = run.errors ?? []
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex flex-wrap items-center gap-x-2">
        <Text size="small" weight="plus">
          {strings.lastRun}
        </Text>
        <StatusBadge color={COLORS[run.status] ?? "grey"}>{strings.status[run.status] ?? run.status}</StatusBadge>
        <Text size="small" className="text-ui-fg-subtle">
          {formatRelative(run.finished_at ?? run.started_at ?? run.created_at)}
        </Text>
      </div>
      {running && <Progress run={run} />}
      {!running && (
        <Text size="small">
          {(["linked", "created", "skipped"] as const).map((key) => `${(counts[key] ?? 0).toLocaleString()} ${strings.counts[key]}`).join(" · ")}
        </Text>
      )}
      {!running && (counts.family_children ?? 0) > 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          {strings.families(counts.families_created ?? 0, counts.family_children)}
        </Text>
      )}
      {reasons.length > 0 && (
        <ul className="text-ui-fg-subtle txt-small list-disc pl-5">
          {reasons.map(([key, label]) => (
            <li key={key}>
              {counts[key].toLocaleString()} {label}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <details>
          <summary className="txt-small text-ui-fg-subtle cursor-pointer">{strings.problems(counts.errors ?? problems.length)}</summary>
          <ul className="txt-small mt-1 flex flex-col gap-y-1 pl-2">
            {problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
              <li key={i}>{problem.message}</li>
            ))}
            {(counts.errors ?? problems.length) > SHOWN_PROBLEMS && (
              <li className="text-ui-fg-muted">{strings.moreProblems((counts.errors ?? problems.length) - SHOWN_PROBLEMS)}</li>
            )}
          </ul>
        </details>
      )}
    </div>
  )
}

function Progress({ run }: { run: ListingsImportRun }) {
  const { done, total } = run.progress
  if (!total) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {done ? strings.progress(done, null) : strings.waiting}
      </Text>
    )
  }
  const percent = Math.min(100, Math.round((done / total) * 100))
  return (
    <div className="flex flex-col gap-y-1">
      <div className="bg-ui-bg-subtle h-1.5 w-full overflow-hidden rounded-full" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="bg-ui-fg-interactive h-full" style={{ width: `${percent}%` }} />
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {[strings.progress(done, total), run.eta_seconds ? strings.eta(run.eta_seconds) : null].filter(Boolean).join(" · ")}
      </Text>
    </div>
  )
}
