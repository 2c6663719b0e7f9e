import { ArrowLongRight } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Skeleton, Table, Text, Tooltip, clx, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { useAmazonListingsDryRun } from "../../hooks/use-amazon-listings-dry-run"
import { useValidateListingsDryRun } from "../../hooks/use-validate-listings-dry-run"
import { errorToast } from "../../lib/errors"
import { flag } from "../../lib/format"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonStore } from "../../lib/types"
import type { AmazonDryRunChange, AmazonDryRunField } from "../../lib/types-listings"
import { ErrorAlert } from "../error-alert"
import { formatMoney } from "./fix-link"

/** One side of a field's change as a person reads it: "€19.99", "EAN 4006381333931", "2 days". */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return strings.common.dash
  if (field === "price" && typeof value === "object") {
    const price = value as { amount?: number; currency?: string }
    return formatMoney(price.amount ?? null, price.currency)
  }
  if (field === "identifier" && typeof value === "object") {
    const id = value as { type?: string; value?: string }
    return [id.type, id.value].filter(Boolean).join(" ")
  }
  if (field === "withdrawn") return s.dryRun.onSale(Boolean(value))
  if (field === "handling_days" && typeof value === "number") return s.dryRun.days(value)
  if (field === "package_weight_kg" && typeof value === "number") return s.dryRun.kg(value)
  if (typeof value === "object") return JSON.stringify(value)
  return String(value)
}

function FieldChange({ change }: { change: AmazonDryRunField }) {
  return (
    <div className="flex flex-wrap items-center gap-x-1.5">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {s.dryRun.field(change.field)}
      </Text>
      <Text size="small" leading="compact" className="text-ui-fg-muted line-through decoration-1">
        {formatFieldValue(change.field, change.old)}
      </Text>
      <ArrowLongRight className="text-ui-fg-muted" />
      <Text size="small" leading="compact" weight="plus">
        {formatFieldValue(change.field, change.new)}
      </Text>
    </div>
  )
}

/**
 * "Next send" (GET …/listings/dry-run): per listing the fields old → new,
 * whether it goes instantly (fast path) or in a feed, and held rows marked.
 * Old is what Amazon last accepted, so a listing with no old values is new on Amazon.
 */
export function DryRunPanel({ store }: { store: AmazonStore }) {
  const { data, isPending, error, refetch } = useAmazonListingsDryRun(store.id)
  const validate = useValidateListingsDryRun(store.id)
  const verdicts = useMemo(
    () => new Map((validate.data?.changes ?? []).flatMap((c) => (c.amazon_validation ? [[c.change_id, c.amazon_validation] as const] : []))),
    [validate.data]
  )
  const check = () =>
    validate.mutate(undefined, {
      onSuccess: (result) => toast.info(s.dryRun.validated(result.validated ?? 0)),
      onError: (e) => {
        const { title, description } = errorToast(e)
        toast.error(s.dryRun.validateError, { description: `${title} ${description}` })
      },
    })
  const marketplaces = useMemo(
    () => new Map((store.marketplaces ?? []).map((m) => [m.marketplace_id, m.marketplace])),
    [store.marketplaces]
  )
  const changes = useMemo(
    () => [...(data?.changes ?? [])].sort((a, b) => Number(b.held) - Number(a.held) || a.sku.localeCompare(b.sku)),
    [data]
  )

  return (
    <Container className="divide-y p-0" data-testid="amazon-dry-run">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">{s.dryRun.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {s.dryRun.subtitle}
          </Text>
        </div>
        {data && data.counts.total > 0 && (
          <div className="flex items-center gap-x-3">
            <Text size="small" weight="plus" className="text-ui-fg-subtle" data-testid="amazon-dry-run-summary">
              {s.dryRun.summary(data.counts.total, data.counts.fast_path, data.counts.feed, data.counts.held)}
            </Text>
            <Tooltip content={s.dryRun.validateHint}>
              <Button size="small" variant="secondary" onClick={check} isLoading={validate.isPending} data-testid="amazon-dry-run-validate">
                {s.dryRun.validate}
              </Button>
            </Tooltip>
          </div>
        )}
      </div>
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : error ? (
        <div className="flex flex-col items-start gap-y-2 px-6 py-4">
          <ErrorAlert error={error} title={s.dryRun.loadError} className="w-full" />
          <Button size="small" variant="secondary" onClick={() => void refetch()}>
            {strings.common.retry}
          </Button>
        </div>
      ) : changes.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle">
            {s.dryRun.empty}
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-[220px]">{s.dryRun.sku}</Table.HeaderCell>
                <Table.HeaderCell>{s.dryRun.changes}</Table.HeaderCell>
                <Table.HeaderCell className="w-[160px]">{s.dryRun.path}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {changes.map((change) => (
                <ChangeRow
                  key={change.change_id}
                  change={change}
                  marketplace={marketplaces.get(change.marketplace_id) ?? null}
                  verdict={verdicts.get(change.change_id)}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

function ChangeRow({
  change,
  marketplace,
  verdict,
}: {
  change: AmazonDryRunChange
  marketplace: { country_code: string; name: string } | null
  verdict?: AmazonDryRunChange["amazon_validation"]
}) {
  const isNew = change.operation === "update" && change.fields.length > 0 && change.fields.every((f) => f.old === null)
  return (
    <Table.Row className={clx(change.held && "bg-ui-bg-subtle")} data-testid="amazon-dry-run-row">
      <Table.Cell className="py-3 align-top">
        <div className="flex flex-col gap-y-1">
          {change.product_id ? (
            <Link
              to={`/products/${change.product_id}`}
              className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate"
            >
              {change.sku}
            </Link>
          ) : (
            <Text size="small" leading="compact" weight="plus">
              {change.sku}
            </Text>
          )}
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
            {marketplace ? `${flag(marketplace.country_code)} ${marketplace.name}` : change.marketplace_id}
          </Text>
          <div className="flex flex-wrap gap-1">
            {change.held && (
              <Badge size="2xsmall" color="red">
                {s.dryRun.held}
              </Badge>
            )}
            {isNew && (
              <Badge size="2xsmall" color="blue">
                {s.dryRun.newListing}
              </Badge>
            )}
          </div>
        </div>
      </Table.Cell>
      <Table.Cell className="whitespace-normal py-3 align-top">
        {change.fields.length ? (
          <div className="flex flex-col gap-y-1">
            {change.fields.map((field) => (
              <FieldChange key={field.field} change={field} />
            ))}
          </div>
        ) : (
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {s.dryRun.noFieldChange}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell className="py-3 align-top">
        <div className="flex flex-col items-start gap-y-1">
          <Tooltip content={s.dryRun.pathHint(change.path)}>
            <Badge size="2xsmall" color={change.path === "fast_path" ? "green" : "grey"}>
              {s.dryRun.pathLabel(change.path)}
            </Badge>
          </Tooltip>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
            {s.dryRun.operation(change.operation)}
          </Text>
          {verdict && (
            <div className="flex flex-col gap-y-1" data-testid="amazon-dry-run-verdict">
              <Badge size="2xsmall" color={verdict.status === "VALID" ? "green" : "red"}>
                {verdict.status === "VALID" ? s.dryRun.valid : s.dryRun.invalid(verdict.issues.filter((i) => i.severity === "error").length)}
              </Badge>
              {verdict.issues.map((issue, i) => (
                <Text key={i} size="xsmall" leading="compact" className={issue.severity === "error" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                  {issue.message}
                </Text>
              ))}
            </div>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}
