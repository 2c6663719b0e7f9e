import { ArrowLeft } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Skeleton, Tabs, Text } from "@medusajs/ui"
import { Link, useParams, useSearchParams } from "react-router-dom"
import { ErrorAlert } from "../../../../../components/error-alert"
import { DryRunPanel } from "../../../../../components/listings/dry-run-panel"
import { ErrorReport } from "../../../../../components/listings/error-report"
import { HeldChangesBanner } from "../../../../../components/listings/held-changes-banner"
import { ListingsTable } from "../../../../../components/listings/listings-table"
import { SendNowButton, SyncRunsPanel } from "../../../../../components/listings/sync-runs-panel"
import { AmazonStatusBadge } from "../../../../../components/status-badge"
import { useAmazonListingIssues } from "../../../../../hooks/use-amazon-listing-issues"
import { useAmazonListingsDryRun } from "../../../../../hooks/use-amazon-listings-dry-run"
import { useAmazonStore } from "../../../../../hooks/use-amazon-store"
import { flag } from "../../../../../lib/format"
import { strings } from "../../../../../lib/strings"
import { listingsStrings as s } from "../../../../../lib/strings-listings"

const TABS = ["listings", "issues", "next-send", "runs"] as const
type Tab = (typeof TABS)[number]

/**
 * One store's listings: the table (what was sent, what Amazon said, what to
 * fix), the error report, the next send as a dry run, and the sync runs with
 * "Send now". The tab lives in the address (?tab=issues) so other pages can
 * link to it.
 */
const AmazonListingsPage = () => {
  const { id = "" } = useParams()
  const { data, isPending, error, refetch } = useAmazonStore(id)
  const [params, setParams] = useSearchParams()
  const tab: Tab = (TABS as readonly string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as Tab) : "listings"
  const issues = useAmazonListingIssues(id)
  const dryRun = useAmazonListingsDryRun(id)
  const store = data?.amazon_store

  const setTab = (value: string) => {
    const next = new URLSearchParams(params)
    if (value === "listings") next.delete("tab")
    else next.set("tab", value)
    setParams(next, { replace: true })
  }

  if (isPending) {
    return (
      <div className="flex flex-col gap-y-3">
        <Skeleton className="h-[88px] w-full rounded-lg" />
        <Skeleton className="h-[420px] w-full rounded-lg" />
      </div>
    )
  }

  if (error || !store) {
    return (
      <Container className="flex flex-col items-start gap-y-3 px-6 py-4">
        <ErrorAlert error={error} title={strings.store.loadError} className="w-full" />
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => void refetch()}>
            {strings.common.retry}
          </Button>
          <Button size="small" variant="transparent" asChild>
            <Link to="/settings/amazon">{strings.store.back}</Link>
          </Button>
        </div>
      </Container>
    )
  }

  const issueCount = issues.data?.issues.length ?? 0
  const changeCount = dryRun.data?.counts.total ?? 0

  return (
    <div className="flex flex-col gap-y-3" data-testid="amazon-listings-page">
      <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Link
            to={`/settings/amazon/${store.id}`}
            className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base inline-flex items-center gap-x-1"
          >
            <ArrowLeft />
            {s.page.back}
          </Link>
          <div className="flex min-w-0 items-center gap-x-3">
            <span className="text-2xl leading-none" aria-hidden>
              {flag(store.marketplace?.country_code)}
            </span>
            <Heading className="truncate">{`${s.page.title} · ${store.name}`}</Heading>
            <AmazonStatusBadge status={store.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {s.page.subtitle(store.name)}
          </Text>
        </div>
        <SendNowButton storeId={store.id} disabled={store.status !== "connected"} />
      </Container>

      <HeldChangesBanner storeId={store.id} />

      <Tabs value={tab} onValueChange={setTab}>
        <Tabs.List>
          <Tabs.Trigger value="listings">{s.page.tabs.listings}</Tabs.Trigger>
          <Tabs.Trigger value="issues">
            {s.page.tabs.issues}
            {issueCount > 0 && (
              <Badge size="2xsmall" color={(issues.data?.errors ?? 0) > 0 ? "red" : "orange"} className="ml-1.5">
                {issueCount}
              </Badge>
            )}
          </Tabs.Trigger>
          <Tabs.Trigger value="next-send">
            {s.page.tabs.dryRun}
            {changeCount > 0 && (
              <Badge size="2xsmall" color={(dryRun.data?.counts.held ?? 0) > 0 ? "red" : "blue"} className="ml-1.5">
                {changeCount}
              </Badge>
            )}
          </Tabs.Trigger>
          <Tabs.Trigger value="runs">{s.page.tabs.runs}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="listings" className="mt-3">
          <Container className="overflow-hidden p-0">
            <ListingsTable store={store} />
          </Container>
        </Tabs.Content>
        <Tabs.Content value="issues" className="mt-3">
          <ErrorReport store={store} />
        </Tabs.Content>
        <Tabs.Content value="next-send" className="mt-3">
          <DryRunPanel store={store} />
        </Tabs.Content>
        <Tabs.Content value="runs" className="mt-3">
          <SyncRunsPanel storeId={store.id} />
        </Tabs.Content>
      </Tabs>
    </div>
  )
}

/** The store's own crumb comes from the store page's route; this one only adds "Listings". */
export const handle = {
  breadcrumb: () => s.route.breadcrumb,
}

export default AmazonListingsPage
