import { ArrowLeft } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { ErrorAlert } from "../../../../../components/error-alert"
import { ExportButtons } from "../../../../../components/orders/export-buttons"
import { ImportNowButton } from "../../../../../components/orders/import-now-button"
import { OrdersTable } from "../../../../../components/orders/orders-table"
import { AmazonStatusBadge } from "../../../../../components/status-badge"
import { useAmazonStore } from "../../../../../hooks/use-amazon-store"
import { flag } from "../../../../../lib/format"
import { strings } from "../../../../../lib/strings"
import { ordersStrings as s } from "../../../../../lib/strings-orders"

/**
 * One store's Amazon orders: every order Amazon sent, the Medusa order it became, what holds the others
 * up (with retry), whether Amazon has the tracking; "Import now" and the CSV / Excel export.
 */
const AmazonOrdersPage = () => {
  const { id = "" } = useParams()
  const { data, isPending, error, refetch } = useAmazonStore(id)
  const store = data?.amazon_store

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

  return (
    <div className="flex flex-col gap-y-3" data-testid="amazon-orders-page">
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
        <div className="flex flex-wrap items-center gap-3">
          <ExportButtons storeId={store.id} />
          <ImportNowButton storeId={store.id} disabled={store.status !== "connected"} />
        </div>
      </Container>
      <Container className="overflow-hidden p-0">
        <OrdersTable storeId={store.id} />
      </Container>
    </div>
  )
}

/** The store's own crumb comes from the store page's route; this one only adds "Orders". */
export const handle = {
  breadcrumb: () => s.route.breadcrumb,
}

export default AmazonOrdersPage
