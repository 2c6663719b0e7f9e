import { Badge, Button, Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { useAmazonListingIssues } from "../../hooks/use-amazon-listing-issues"
import { flag } from "../../lib/format"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonStore } from "../../lib/types"
import type { AmazonIssueRow } from "../../lib/types-listings"
import { ErrorAlert } from "../error-alert"
import { fixLink } from "./fix-link"

/** Rows shown per kind before "Show all". */
const SHOWN = 5

type Group = { code: string; severity: "error" | "warning"; rows: AmazonIssueRow[] }

/**
 * The error report (GET …/issues), as Shoper and ASC show theirs: one block
 * per kind of problem — no barcode, invalid barcode, no price, no ASIN, zero
 * stock, Amazon's own codes — with how many listings it hits, what it means,
 * and per listing the message, the field and where to fix it.
 */
export function ErrorReport({ store }: { store: AmazonStore }) {
  const { data, isPending, error, refetch } = useAmazonListingIssues(store.id)
  const groups = useMemo(() => {
    const byCode = new Map<string, Group>()
    for (const row of data?.issues ?? []) {
      const group = byCode.get(row.code) ?? { code: row.code, severity: row.severity, rows: [] }
      if (row.severity === "error") group.severity = "error"
      group.rows.push(row)
      byCode.set(row.code, group)
    }
    return [...byCode.values()].sort((a, b) =>
      a.severity === b.severity ? b.rows.length - a.rows.length : a.severity === "error" ? -1 : 1
    )
  }, [data])
  const marketplaces = useMemo(
    () => new Map((store.marketplaces ?? []).map((m) => [m.marketplace_id, m.marketplace])),
    [store.marketplaces]
  )

  return (
    <Container className="divide-y p-0" data-testid="amazon-error-report">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">{s.report.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {s.report.subtitle}
          </Text>
        </div>
        {data && data.issues.length > 0 && (
          <Text size="small" weight="plus" className="text-ui-fg-subtle">
            {s.report.summary(data.errors, data.warnings)}
          </Text>
        )}
      </div>
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : error ? (
        <div className="flex flex-col items-start gap-y-2 px-6 py-4">
          <ErrorAlert error={error} title={s.report.loadError} className="w-full" />
          <Button size="small" variant="secondary" onClick={() => void refetch()}>
            {strings.common.retry}
          </Button>
        </div>
      ) : groups.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle">
            {s.report.empty}
          </Text>
        </div>
      ) : (
        groups.map((group) => (
          <IssueGroup key={group.code} group={group} storeId={store.id} marketplaces={marketplaces} />
        ))
      )}
    </Container>
  )
}

function IssueGroup({
  group,
  storeId,
  marketplaces,
}: {
  group: Group
  storeId: string
  marketplaces: Map<string, { country_code: string; name: string } | null>
}) {
  const [expanded, setExpanded] = useState(false)
  const rows = expanded ? group.rows : group.rows.slice(0, SHOWN)
  return (
    <section className="flex flex-col" data-testid={`amazon-issue-group-${group.code}`}>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge size="2xsmall" color={group.severity === "error" ? "red" : "orange"}>
            {s.issues.severity(group.severity)}
          </Badge>
          <Text size="small" weight="plus" leading="compact">
            {s.issues.title(group.code)}
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            · {s.report.group(group.rows.length)}
          </Text>
        </div>
        <Text size="small" className="text-ui-fg-subtle max-w-[720px]">
          {s.issues.help(group.code)}
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-[200px]">{s.report.sku}</Table.HeaderCell>
              <Table.HeaderCell>{s.report.message}</Table.HeaderCell>
              <Table.HeaderCell className="w-[160px]">{s.report.field}</Table.HeaderCell>
              <Table.HeaderCell className="w-[180px]">{s.report.fix}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row, index) => {
              const link = fixLink(row.field, { product_id: row.product_id, variant_id: row.variant_id, storeId })
              const m = marketplaces.get(row.marketplace_id)
              return (
                <Table.Row key={`${row.listing_id}-${index}`}>
                  <Table.Cell className="py-2">
                    <div className="flex flex-col">
                      <Text size="small" leading="compact" weight="plus" className="truncate">
                        {row.sku}
                      </Text>
                      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                        {m ? `${flag(m.country_code)} ${m.name}` : row.marketplace_id}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell className="whitespace-normal py-2">
                    <Text size="small" leading="compact">
                      {row.message}
                    </Text>
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Text size="small" leading="compact" className="text-ui-fg-subtle">
                      {row.field ? s.issues.field(row.field) : strings.common.dash}
                    </Text>
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    {link ? (
                      <Link
                        to={link.to}
                        className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                      >
                        {link.label}
                      </Link>
                    ) : (
                      <Text size="small" className="text-ui-fg-muted">
                        {strings.common.dash}
                      </Text>
                    )}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      {group.rows.length > SHOWN && (
        <div className="px-6 py-3">
          <Button size="small" variant="transparent" onClick={() => setExpanded((v) => !v)}>
            {expanded ? s.report.showLess : s.report.showAll(group.rows.length)}
          </Button>
        </div>
      )}
    </section>
  )
}
