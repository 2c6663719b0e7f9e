import { Button, Container, Heading, Text, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useAmazonListingCounts } from "../../hooks/use-amazon-listing-counts"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonListingStatus } from "../../lib/types-listings"
import { ErrorAlert } from "../error-alert"

/** The groups the summary counts; each links to the listings table filtered the same way (listings-table STATUS_FILTERS). */
const GROUPS = {
  active: ["active"],
  in_progress: ["pending", "submitted", "accepted"],
  error: ["error", "incomplete", "suppressed"],
  inactive: ["inactive"],
  draft: ["draft"],
} satisfies Record<string, AmazonListingStatus[]>

const LABELS: Record<keyof typeof GROUPS, string> = {
  active: s.summary.counts.active,
  in_progress: s.summary.counts.inProgress,
  error: s.summary.counts.error,
  inactive: s.summary.counts.inactive,
  draft: s.summary.counts.draft,
}

/** On the store page: how many listings are where, with links to the listings page and the Amazon orders page. */
export function ListingsSummary({ storeId }: { storeId: string }) {
  const { counts, isPending, error } = useAmazonListingCounts(storeId, GROUPS)
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  const base = `/settings/amazon/${storeId}`

  return (
    <Container className="divide-y p-0" data-testid="amazon-listings-summary">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">{s.summary.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {isPending || total === 0 ? s.summary.subtitle : `${s.summary.subtitle} ${s.summary.total(total)}.`}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to={`${base}/orders`}>{s.summary.orders}</Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to={`${base}/rules`}>{s.summary.rules}</Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to={`${base}/listings`}>{s.summary.open}</Link>
          </Button>
        </div>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={error} title={s.summary.loadError} />
        </div>
      ) : !isPending && total === 0 ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {s.summary.none}
          </Text>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-5">
          {(Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((key) => (
            <Link
              key={key}
              to={`${base}/listings?status=${key}`}
              className="bg-ui-bg-subtle hover:bg-ui-bg-subtle-hover focus-visible:shadow-borders-focus flex flex-col gap-y-1 rounded-lg px-3 py-2 outline-none transition-colors"
              data-testid={`amazon-listings-count-${key}`}
            >
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                {LABELS[key]}
              </Text>
              <Text
                size="xlarge"
                weight="plus"
                leading="compact"
                className={clx(key === "error" && counts[key] > 0 && "text-ui-fg-error")}
              >
                {isPending ? "–" : counts[key].toLocaleString()}
              </Text>
            </Link>
          ))}
        </div>
      )}
    </Container>
  )
}
