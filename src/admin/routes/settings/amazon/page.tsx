import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { AddStoreModal } from "../../../components/add-store-modal"
import { EmptyState } from "../../../components/empty-state"
import { ErrorAlert } from "../../../components/error-alert"
import { StoreCard } from "../../../components/store-card"
import { useAmazonStores } from "../../../hooks/use-amazon-stores"
import { strings } from "../../../lib/strings"

/** Settings → Amazon: the store cards, and "Add Amazon Store". */
const AmazonStoresPage = () => {
  const [adding, setAdding] = useState(false)
  const { data, isPending, error, refetch } = useAmazonStores()
  const stores = data?.amazon_stores ?? []

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading>{strings.list.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {strings.list.subtitle}
          </Text>
        </div>
        {stores.length > 0 && (
          <Button size="small" variant="secondary" onClick={() => setAdding(true)}>
            {strings.list.add}
          </Button>
        )}
      </div>

      {isPending ? (
        <div className="grid grid-cols-1 gap-4 px-6 py-4 xl:grid-cols-2">
          <Skeleton className="h-[220px] w-full rounded-lg" />
          <Skeleton className="h-[220px] w-full rounded-lg" />
        </div>
      ) : error ? (
        <div className="flex flex-col items-start gap-y-2 px-6 py-4">
          <ErrorAlert error={error} title={strings.list.loadError} className="w-full" />
          <Button size="small" variant="secondary" onClick={() => void refetch()}>
            {strings.common.retry}
          </Button>
        </div>
      ) : stores.length === 0 ? (
        <EmptyState onAdd={() => setAdding(true)} />
      ) : (
        <div className="grid grid-cols-1 gap-4 px-6 py-4 xl:grid-cols-2">
          {stores.map((store) => (
            <StoreCard key={store.id} store={store} />
          ))}
        </div>
      )}

      <AddStoreModal open={adding} onOpenChange={setAdding} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: strings.route.label,
})

export const handle = {
  breadcrumb: () => strings.route.label,
}

export default AmazonStoresPage
