import {
  Badge,
  Button,
  DataTable,
  Heading,
  Select,
  Text,
  Tooltip,
  createDataTableColumnHelper,
  toast,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { errorToast } from "../../lib/errors"
import { flag, formatDateTime, formatRelative } from "../../lib/format"
import { ordersStrings as s } from "../../lib/strings-orders"
import { ErrorAlert } from "../error-alert"
import { formatMoney } from "../listings/fix-link"
import { useAmazonOrders, useRetryAmazonOrder } from "./hooks"
import { ImportStatusBadge, ShipmentStatusBadge } from "./order-badges"
import type { AmazonOrder } from "./types"

const PAGE_SIZE = 20
const ALL = "all"

/** The import-status filter; "needs attention" also shows orders that failed. */
export const ORDER_FILTERS: { value: string; label: string; statuses: string[] }[] = [
  { value: ALL, label: s.filters.all, statuses: [] },
  { value: "attention", label: s.filters.needsAttention, statuses: ["needs_attention", "failed"] },
  { value: "imported", label: s.filters.imported, statuses: ["imported"] },
  { value: "pending", label: s.filters.pending, statuses: ["pending"] },
  { value: "canceled", label: s.filters.canceled, statuses: ["canceled"] },
  { value: "skipped", label: s.filters.skipped, statuses: ["skipped"] },
]

const columnHelper = createDataTableColumnHelper<AmazonOrder>()

function RetryButton({ order }: { order: AmazonOrder }) {
  const retry = useRetryAmazonOrder()
  const retryable = order.import_status === "needs_attention" || order.import_status === "failed" || order.shipment_status === "failed"
  if (!retryable) return null
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={retry.isPending}
      onClick={() =>
        retry.mutate(order.id, {
          onSuccess: ({ amazon_order }) =>
            toast.success(s.table.retried, { description: s.importStatus(amazon_order.import_status) }),
          onError: (error) => toast.error(errorToast(error).title, { description: errorToast(error).description }),
        })
      }
    >
      {retry.isPending ? s.table.retrying : s.table.retry}
    </Button>
  )
}

/**
 * A store's Amazon orders: Amazon's id and status, the Medusa order it became (a link), how it is
 * fulfilled, the total, whether Amazon has its tracking, and what holds it up — with a retry button once
 * the merchant fixed it. The filter lives in the address (?status=attention) so the store page can link
 * straight to it.
 */
export function OrdersTable({ storeId }: { storeId: string }) {
  const [params, setParams] = useSearchParams()
  const filter = ORDER_FILTERS.find((f) => f.value === params.get("status")) ?? ORDER_FILTERS[0]
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })

  const setFilter = (value: string) => {
    const next = new URLSearchParams(params)
    if (value === ALL) next.delete("status")
    else next.set("status", value)
    setParams(next, { replace: true })
    setPagination((p) => ({ ...p, pageIndex: 0 }))
  }

  const { data, isPending, error } = useAmazonOrders(storeId, {
    import_status: filter.statuses.length ? filter.statuses : undefined,
    q: search || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("amazon_order_id", {
        header: s.table.amazonOrder,
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col">
            <Text size="small" leading="compact" weight="plus" className="font-mono">
              {row.original.amazon_order_id}
            </Text>
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
              {row.original.marketplace ? `${flag(row.original.marketplace.country_code)} ${row.original.marketplace.name}` : row.original.marketplace_id}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("purchased_at", {
        header: s.table.purchased,
        cell: ({ row }) => (
          <Tooltip content={formatDateTime(row.original.purchased_at)}>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {formatRelative(row.original.purchased_at)}
            </Text>
          </Tooltip>
        ),
      }),
      columnHelper.accessor("order_id", {
        header: s.table.medusaOrder,
        cell: ({ row }) => {
          const order = row.original.order
          if (!order) return <Text size="small" className="text-ui-fg-muted">{s.table.notImported}</Text>
          return (
            <Link
              to={`/orders/${order.id}`}
              aria-label={s.table.openOrder(order.display_id)}
              className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            >
              {`#${order.display_id}`}
            </Link>
          )
        },
      }),
      columnHelper.accessor("amazon_status", {
        header: s.table.amazonStatus,
        cell: ({ row }) => <Text size="small" leading="compact">{s.amazonStatus(row.original.amazon_status)}</Text>,
      }),
      columnHelper.accessor("import_status", {
        header: s.table.importStatus,
        cell: ({ row }) => {
          const request = row.original.buyer_cancel_request
          const open = request && row.original.amazon_status !== "CANCELLED"
          return (
            <div className="flex items-center gap-x-1">
              <ImportStatusBadge status={row.original.import_status} />
              {open && (
                <Tooltip content={s.buyerCancelHint(request.reason)}>
                  <Badge size="2xsmall" color="red" className="shrink-0 whitespace-nowrap" data-testid="amazon-order-buyer-cancel-badge">
                    {s.buyerCancelBadge}
                  </Badge>
                </Tooltip>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("fulfillment_channel", {
        header: s.table.channel,
        cell: ({ row }) => <Text size="small" leading="compact">{s.channel(row.original.fulfillment_channel)}</Text>,
      }),
      columnHelper.accessor("total", {
        header: s.table.total,
        cell: ({ row }) => <Text size="small" leading="compact">{formatMoney(row.original.total, row.original.currency_code)}</Text>,
      }),
      columnHelper.accessor("shipment_status", {
        header: s.table.shipment,
        cell: ({ row }) => <ShipmentStatusBadge status={row.original.shipment_status} />,
      }),
      columnHelper.accessor("issues", {
        header: s.table.issues,
        cell: ({ row }) => {
          const issues = row.original.issues ?? []
          if (!issues.length) return <Text size="small" className="text-ui-fg-muted">{s.table.noIssues}</Text>
          return (
            <div className="flex w-full min-w-0 items-center gap-x-2 overflow-hidden">
              <Badge size="2xsmall" color={row.original.import_status === "failed" ? "red" : "orange"} className="shrink-0">
                {issues.length}
              </Badge>
              <Text size="small" leading="compact" className="max-w-[320px] truncate" title={issues.map((i) => i.message).join("\n")}>
                {issues[0].message}
              </Text>
            </div>
          )
        },
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => <RetryButton order={row.original} />,
      }),
    ],
    []
  )

  const table = useDataTable({
    data: data?.amazon_orders ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  const filtered = filter.value !== ALL || Boolean(search)
  const empty = filtered
    ? { heading: s.table.filteredTitle, description: s.table.filteredDescription }
    : { heading: s.table.emptyTitle, description: s.table.emptyDescription }

  return (
    <div data-testid="amazon-orders-table">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <Heading level="h2">{s.page.title}</Heading>
          <div className="flex w-full flex-wrap items-center gap-2 md:w-auto">
            <Select size="small" value={filter.value} onValueChange={setFilter}>
              <Select.Trigger aria-label={s.filters.statusAria} className="w-[190px]">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {ORDER_FILTERS.map((f) => (
                  <Select.Item key={f.value} value={f.value}>
                    {f.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <DataTable.Search placeholder={s.filters.search} />
          </div>
        </DataTable.Toolbar>
        {error ? (
          <div className="px-6 py-4">
            <ErrorAlert error={error} title={s.page.loadError} />
          </div>
        ) : (
          <>
            <DataTable.Table emptyState={{ empty, filtered: empty }} />
            <DataTable.Pagination translations={s.table.pagination} />
          </>
        )}
      </DataTable>
    </div>
  )
}
