import {
  Badge,
  DataTable,
  Heading,
  Select,
  Text,
  Tooltip,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { useAmazonListings } from "../../hooks/use-amazon-listings"
import { useProducts } from "../../hooks/use-products"
import { flag, formatDateTime, formatRelative } from "../../lib/format"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonListing, AmazonListingStatus } from "../../lib/types-listings"
import type { AmazonStore } from "../../lib/types"
import { ErrorAlert } from "../error-alert"
import { amazonProductUrl, formatMoney } from "./fix-link"
import { ListingDrawer } from "./listing-drawer"
import { ListingStatusBadge } from "./listing-status-badge"

const PAGE_SIZE = 20

/** The status filter's choices; "error" also covers what Amazon calls incomplete or suppressed. */
export const STATUS_FILTERS: { value: string; label: string; statuses: AmazonListingStatus[] }[] = [
  { value: "all", label: s.filters.all, statuses: [] },
  { value: "active", label: s.filters.active, statuses: ["active"] },
  { value: "in_progress", label: s.filters.inProgress, statuses: ["pending", "submitted", "accepted"] },
  { value: "error", label: s.filters.error, statuses: ["error", "incomplete", "suppressed"] },
  { value: "inactive", label: s.filters.inactive, statuses: ["inactive"] },
  { value: "draft", label: s.filters.draft, statuses: ["draft"] },
]

const ALL = "all"
const columnHelper = createDataTableColumnHelper<AmazonListing>()

/** Links inside a clickable row must not also open the drawer. */
const stop = (event: React.MouseEvent) => event.stopPropagation()

/**
 * The store's listings: SKU (→ product), marketplace, ASIN (→ Amazon), status,
 * price and stock as Amazon has them, last sync and the first problem. Status
 * and marketplace live in the address (?status=error) so the store page can
 * link straight to "what needs fixing". A row opens the listing's drawer.
 */
export function ListingsTable({ store }: { store: AmazonStore }) {
  const [params, setParams] = useSearchParams()
  const statusFilter = STATUS_FILTERS.find((f) => f.value === params.get("status")) ?? STATUS_FILTERS[0]
  const marketplaceId = params.get("marketplace") ?? ALL
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [selected, setSelected] = useState<AmazonListing | null>(null)

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value === ALL) next.delete(key)
    else next.set(key, value)
    setParams(next, { replace: true })
    setPagination((p) => ({ ...p, pageIndex: 0 }))
  }

  const { data, isPending, error } = useAmazonListings(store.id, {
    status: statusFilter.statuses,
    marketplace_id: marketplaceId === ALL ? undefined : marketplaceId,
    q: search || undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const listings = data?.amazon_listings ?? []

  // product titles for the SKU column: one call for the page's products
  const productIds = useMemo(
    () => [...new Set(listings.map((l) => l.product_id).filter((id): id is string => Boolean(id)))].sort(),
    [listings]
  )
  const products = useProducts(
    { id: productIds, limit: productIds.length || 1, offset: 0, fields: "id,title,thumbnail" },
    { enabled: productIds.length > 0 }
  )
  const titles = useMemo(
    () => new Map((products.data?.products ?? []).map((p) => [p.id, p.title])),
    [products.data]
  )

  const columns = useMemo(
    () => [
      columnHelper.accessor("sku", {
        header: s.table.sku,
        cell: ({ row }) => {
          const listing = row.original
          const title = listing.product_id ? titles.get(listing.product_id) : undefined
          return (
            <div className="flex min-w-0 max-w-[220px] flex-col">
              {listing.product_id ? (
                <Link
                  to={`/products/${listing.product_id}`}
                  onClick={stop}
                  aria-label={s.table.openProduct(listing.sku)}
                  className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate"
                >
                  {listing.sku}
                </Link>
              ) : (
                <Text size="small" leading="compact" weight="plus" className="truncate">
                  {listing.sku}
                </Text>
              )}
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                {title ?? (listing.product_id ? strings.common.dash : s.table.unknownProduct)}
              </Text>
            </div>
          )
        },
      }),
      columnHelper.accessor("marketplace_id", {
        header: s.table.marketplace,
        cell: ({ row }) => {
          const m = row.original.marketplace
          return (
            <Text size="small" leading="compact" className="truncate">
              {m ? `${flag(m.country_code)} ${m.country_code}` : row.original.marketplace_id}
            </Text>
          )
        },
      }),
      columnHelper.accessor("asin", {
        header: s.table.asin,
        cell: ({ row }) => {
          const { asin, marketplace } = row.original
          const url = amazonProductUrl(asin, marketplace?.domain)
          if (!asin) return <Text size="small" leading="compact" className="text-ui-fg-muted">{strings.common.dash}</Text>
          return url ? (
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              onClick={stop}
              aria-label={s.table.openOnAmazon(asin, marketplace?.domain ?? "")}
              className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
            >
              {asin}
            </a>
          ) : (
            <Text size="small" leading="compact" className="font-mono">
              {asin}
            </Text>
          )
        },
      }),
      columnHelper.accessor("status", {
        header: s.table.status,
        cell: ({ row }) => <ListingStatusBadge status={row.original.status} />,
      }),
      columnHelper.accessor("price", {
        header: s.table.price,
        cell: ({ row }) => (
          <Text size="small" leading="compact">
            {formatMoney(row.original.price, row.original.currency_code ?? row.original.marketplace?.currency_code)}
          </Text>
        ),
      }),
      columnHelper.accessor("quantity", {
        header: s.table.quantity,
        cell: ({ row }) => (
          <Text size="small" leading="compact">
            {row.original.quantity ?? strings.common.dash}
          </Text>
        ),
      }),
      columnHelper.accessor("synced_at", {
        header: s.table.synced,
        cell: ({ row }) => {
          const at = row.original.synced_at ?? row.original.submitted_at
          return (
            <Tooltip content={formatDateTime(at)}>
              <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
                {formatRelative(at)}
              </Text>
            </Tooltip>
          )
        },
      }),
      columnHelper.accessor("issues", {
        header: s.table.issues,
        cell: ({ row }) => {
          const issues = row.original.issues ?? []
          if (!issues.length) {
            return (
              <Text size="small" leading="compact" className="text-ui-fg-muted">
                {s.table.noIssues}
              </Text>
            )
          }
          const first = issues.find((i) => i.severity === "error") ?? issues[0]
          return (
            <div className="flex w-full min-w-0 items-center gap-x-2 overflow-hidden">
              <Badge size="2xsmall" className="shrink-0" color={issues.some((i) => i.severity === "error") ? "red" : "orange"}>
                {issues.length}
              </Badge>
              <Text size="small" leading="compact" className="max-w-[300px] truncate" title={first.message}>
                {first.message}
              </Text>
            </div>
          )
        },
      }),
    ],
    [titles]
  )

  const table = useDataTable({
    data: listings,
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    // the UI kit hands over its row object; its `original` is the listing
    onRowClick: (_event, row) => setSelected((row as unknown as { original?: AmazonListing }).original ?? row),
  })

  const filtered = statusFilter.value !== ALL || marketplaceId !== ALL || Boolean(search)
  const emptyContent = filtered
    ? { heading: s.table.filteredTitle, description: s.table.filteredDescription }
    : { heading: s.table.emptyTitle, description: s.table.emptyDescription }
  const marketplaces = (store.marketplaces ?? []).filter((m) => m.enabled || m.listings_export)

  return (
    <div data-testid="amazon-listings-table">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <Heading level="h2">{s.page.tabs.listings}</Heading>
          <div className="flex w-full flex-wrap items-center gap-2 md:w-auto">
            <Select size="small" value={statusFilter.value} onValueChange={(v) => setParam("status", v)}>
              <Select.Trigger aria-label={s.filters.statusAria} className="w-[180px]">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {STATUS_FILTERS.map((f) => (
                  <Select.Item key={f.value} value={f.value}>
                    {f.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            {marketplaces.length > 1 && (
              <Select size="small" value={marketplaceId} onValueChange={(v) => setParam("marketplace", v)}>
                <Select.Trigger aria-label={s.filters.marketplace} className="w-[180px]">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ALL}>{s.filters.allMarketplaces}</Select.Item>
                  {marketplaces.map((m) => (
                    <Select.Item key={m.marketplace_id} value={m.marketplace_id}>
                      {`${flag(m.marketplace?.country_code)} ${m.marketplace?.name ?? m.marketplace_id}`}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
            <DataTable.Search placeholder={s.filters.search} />
          </div>
        </DataTable.Toolbar>
        {error ? (
          <div className="px-6 py-4">
            <ErrorAlert error={error} title={s.page.loadError} />
          </div>
        ) : (
          <>
            <DataTable.Table emptyState={{ empty: emptyContent, filtered: emptyContent }} />
            <DataTable.Pagination translations={s.table.pagination} />
          </>
        )}
      </DataTable>
      <ListingDrawer listing={selected} storeId={store.id} onOpenChange={(open) => !open && setSelected(null)} />
    </div>
  )
}
