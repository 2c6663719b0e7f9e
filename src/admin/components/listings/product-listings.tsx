import { BuildingStorefront } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { useAmazonStores } from "../../hooks/use-amazon-stores"
import { useProductAmazonListings } from "../../hooks/use-product-amazon-listings"
import { flag } from "../../lib/format"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonStore } from "../../lib/types"
import type { AmazonProductListing } from "../../lib/types-listings"
import { ErrorAlert } from "../error-alert"
import { AmazonStatusBadge } from "../status-badge"
import { amazonProductUrl, formatMoney } from "./fix-link"
import { IssueList } from "./issue-list"
import { ListingStatusBadge } from "./listing-status-badge"
import { SendToAmazonButton } from "./send-to-amazon-button"

type ProductLike = {
  id: string
  variants?: Array<{ id: string; title?: string | null; sku?: string | null }> | null
  /** when the product page loaded them: a store only lists products of its own sales channel */
  sales_channels?: Array<{ id: string; name?: string | null }> | null
}

type StoreBlock = {
  store: Pick<AmazonStore, "id" | "name" | "status"> & Partial<Pick<AmazonStore, "marketplace" | "sales_channel_id">>
  listings: AmazonProductListing[]
}

/**
 * The product page's Amazon section: per store, each variant's listing per
 * marketplace — status, ASIN, the price and stock Amazon has, and the
 * problems with the field to fix — and "Send to Amazon" for the store.
 */
export function ProductListings({ product }: { product: ProductLike }) {
  const listings = useProductAmazonListings(product.id)
  const stores = useAmazonStores()

  const blocks = useMemo<StoreBlock[]>(() => {
    const all = stores.data?.amazon_stores ?? []
    const rows = listings.data?.amazon_listings ?? []
    const byStore = new Map<string, StoreBlock>()
    // every connected store gets a block (with its button), plus any store that already lists the product
    for (const store of all) if (store.status === "connected") byStore.set(store.id, { store, listings: [] })
    for (const row of rows) {
      const id = row.store?.id ?? row.store_id ?? ""
      const known = all.find((st) => st.id === id)
      const block = byStore.get(id) ?? {
        store: known ?? { id, name: row.store?.name ?? id, status: (row.store?.status ?? "error") as AmazonStore["status"] },
        listings: [],
      }
      block.listings.push(row)
      byStore.set(id, block)
    }
    return [...byStore.values()]
  }, [stores.data, listings.data])

  const variantName = (id: string | null) => {
    const variant = product.variants?.find((v) => v.id === id)
    return variant?.title ?? null
  }

  const loading = listings.isPending || stores.isPending
  const error = listings.error ?? stores.error

  return (
    <Container className="divide-y p-0" data-testid="amazon-product-widget">
      <div className="px-6 py-4">
        <Heading level="h2">{s.productWidget.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {s.productWidget.subtitle}
        </Text>
      </div>
      {loading ? (
        <div className="px-6 py-4">
          <Skeleton className="h-16 w-full" />
        </div>
      ) : error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={error} title={s.productWidget.loadError} />
        </div>
      ) : blocks.length === 0 ? (
        <div className="flex flex-col items-start gap-y-3 px-6 py-4">
          <div className="flex items-center gap-x-3">
            <div className="bg-ui-bg-component shadow-elevation-card-rest flex size-8 items-center justify-center rounded-md">
              <BuildingStorefront className="text-ui-fg-subtle" />
            </div>
            <div>
              <Text size="small" weight="plus" leading="compact">
                {s.productWidget.noStoreTitle}
              </Text>
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {s.productWidget.noStore}
              </Text>
            </div>
          </div>
          <Button size="small" variant="secondary" asChild>
            <Link to="/settings/amazon">{s.productWidget.openSettings}</Link>
          </Button>
        </div>
      ) : (
        blocks.map((block) => (
          <StoreSection
            key={block.store.id}
            block={block}
            productId={product.id}
            variantName={variantName}
            inChannel={
              !Array.isArray(product.sales_channels) ||
              !("sales_channel_id" in block.store) ||
              product.sales_channels.some((c) => c.id === block.store.sales_channel_id)
            }
          />
        ))
      )}
    </Container>
  )
}

function StoreSection({
  block,
  productId,
  variantName,
  inChannel,
}: {
  block: StoreBlock
  productId: string
  variantName: (id: string | null) => string | null
  inChannel: boolean
}) {
  const { store, listings } = block
  const connected = store.status === "connected"
  const sorted = [...listings].sort((a, b) => a.sku.localeCompare(b.sku) || a.marketplace_id.localeCompare(b.marketplace_id))
  return (
    <section className="flex flex-col" data-testid="amazon-product-store">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-3">
        <div className="flex min-w-0 items-center gap-x-2">
          <span className="text-lg leading-none" aria-hidden>
            {flag(store.marketplace?.country_code)}
          </span>
          <Link
            to={`/settings/amazon/${store.id}/listings`}
            className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-subtle truncate"
          >
            {store.name}
          </Link>
          <AmazonStatusBadge status={store.status} />
        </div>
        {connected && <SendToAmazonButton store={store} productIds={[productId]} disabled={!inChannel} />}
      </div>
      {!connected && (
        <div className="px-6 pb-3">
          <Text size="small" className="text-ui-fg-subtle">
            {s.productWidget.storeNotConnected}
          </Text>
        </div>
      )}
      {sorted.length === 0 ? (
        <div className="px-6 pb-4">
          <Text size="small" className="text-ui-fg-subtle" data-testid="amazon-product-not-listed">
            {inChannel ? s.productWidget.notListed : s.productWidget.notInChannel}
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-[200px]">{s.productWidget.variant}</Table.HeaderCell>
                <Table.HeaderCell className="w-[130px]">{s.productWidget.status}</Table.HeaderCell>
                <Table.HeaderCell className="w-[130px]">{s.productWidget.asin}</Table.HeaderCell>
                <Table.HeaderCell className="w-[130px]">{s.productWidget.sent}</Table.HeaderCell>
                <Table.HeaderCell>{s.productWidget.issues}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sorted.map((listing) => (
                <ListingRow key={listing.id} listing={listing} storeId={store.id} variantName={variantName(listing.variant_id)} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  )
}

function ListingRow({ listing, storeId, variantName }: { listing: AmazonProductListing; storeId: string; variantName: string | null }) {
  const url = amazonProductUrl(listing.asin, listing.marketplace?.domain)
  const issues = listing.issues ?? []
  return (
    <Table.Row data-testid="amazon-product-listing-row">
      <Table.Cell className="py-3 align-top">
        <div className="flex flex-col">
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {variantName ?? listing.sku}
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
            {[listing.marketplace?.name ?? listing.marketplace_id, variantName ? listing.sku : null].filter(Boolean).join(" · ")}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell className="py-3 align-top">
        <ListingStatusBadge status={listing.status} />
      </Table.Cell>
      <Table.Cell className="py-3 align-top">
        {listing.asin ? (
          url ? (
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
            >
              {listing.asin}
            </a>
          ) : (
            <Text size="small" leading="compact" className="font-mono">
              {listing.asin}
            </Text>
          )
        ) : (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            {strings.common.dash}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell className="py-3 align-top">
        <Text size="small" leading="compact">
          {listing.price === null && listing.quantity === null
            ? strings.common.dash
            : `${formatMoney(listing.price, listing.currency_code ?? listing.marketplace?.currency_code)} · ${listing.quantity ?? strings.common.dash}`}
        </Text>
      </Table.Cell>
      <Table.Cell className="whitespace-normal py-3 align-top">
        {issues.length ? (
          <IssueList issues={issues} product_id={listing.product_id} variant_id={listing.variant_id} storeId={storeId} compact />
        ) : (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            {s.table.noIssues}
          </Text>
        )}
      </Table.Cell>
    </Table.Row>
  )
}
