import { Alert, Button, Container, Skeleton, Text, toast } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { Link, useParams, useSearchParams, type UIMatch } from "react-router-dom"
import { AttributeMappings } from "../../../../components/attribute-mappings"
import { CategoryMappings } from "../../../../components/category-mappings"
import { CredentialsModal } from "../../../../components/credentials-modal"
import { ErrorAlert } from "../../../../components/error-alert"
import { FbaPools } from "../../../../components/fba-pools"
import { HealthBanner } from "../../../../components/health-banner"
import { ListingsSummary } from "../../../../components/listings/listings-summary"
import { ListingsImportPanel } from "../../../../components/listings-import"
import { MarketplacesTable } from "../../../../components/marketplaces-table"
import { StoreHeader } from "../../../../components/store-header"
import { StoreSettingsForm } from "../../../../components/store-settings-form"
import { useAmazonStore } from "../../../../hooks/use-amazon-store"
import { useAuthorizeAmazonStore } from "../../../../hooks/use-authorize-amazon-store"
import { strings } from "../../../../lib/strings"
import { CONNECT_REASONS } from "../../../../../utils/connect-errors"

/**
 * One Amazon store: connect it, choose marketplaces, settings, mappings.
 * Amazon's consent round trip ends here with ?connected=1 or
 * ?connect_error=<code>[&connect_reason=<Amazon's error code>] (set by the OAuth callback route).
 */
const AmazonStorePage = () => {
  const { id = "" } = useParams()
  const { data, isPending, error, refetch } = useAmazonStore(id)
  const authorize = useAuthorizeAmazonStore(id)
  const [credentialsOpen, setCredentialsOpen] = useState(false)
  const [connectError, setConnectError] = useState<string | null>(null)
  const [sellerChanged, setSellerChanged] = useState(false)
  const [searchParams, setSearchParams] = useSearchParams()
  const store = data?.amazon_store

  // Read the callback's verdict once, then drop it from the address bar so a reload doesn't repeat it.
  const handled = useRef(false)
  useEffect(() => {
    if (handled.current) return
    const connected = searchParams.get("connected")
    const failure = searchParams.get("connect_error")
    if (connected === null && failure === null) return
    if (connected !== null && !store) return // wait for the store to say how many marketplaces it has
    handled.current = true
    if (failure !== null) {
      // only our own words for known codes: the link's text is never shown (anyone can craft a link)
      const reason = searchParams.get("connect_reason")
      const known = Object.prototype.hasOwnProperty.call(strings.store.connectErrors, failure) ? strings.store.connectErrors[failure] : null
      const knownReason = reason && (CONNECT_REASONS as readonly string[]).includes(reason) ? reason : null
      setConnectError([known ?? strings.errors.unknown, knownReason ? strings.store.connectErrorReason(knownReason) : null].filter(Boolean).join(" "))
      setSellerChanged(failure === "seller_changed")
    } else if (store) {
      toast.success(strings.store.connectedToast, {
        description: strings.store.connectedToastDescription(store.marketplaces?.length ?? 0),
      })
    }
    const next = new URLSearchParams(searchParams)
    next.delete("connected")
    next.delete("connect_error")
    next.delete("connect_reason")
    setSearchParams(next, { replace: true })
  }, [searchParams, setSearchParams, store])

  const connect = (replaceSeller = false) => {
    setConnectError(null)
    setSellerChanged(false)
    authorize.mutate(replaceSeller ? { replace_seller: true } : undefined, {
      onSuccess: ({ authorization_url }) => {
        // Seller Central's consent page; it sends the browser back to our callback
        window.location.href = authorization_url
      },
    })
  }

  if (isPending) {
    return (
      <div className="flex flex-col gap-y-3">
        <Skeleton className="h-[260px] w-full rounded-lg" />
        <Skeleton className="h-[160px] w-full rounded-lg" />
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
    <div className="flex flex-col gap-y-3" data-testid="amazon-store-page">
      {connectError && (
        <Alert variant="error" dismissible data-testid="amazon-connect-error">
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus" leading="compact">
              {strings.store.connectErrorTitle}
            </Text>
            <Text size="small" leading="compact">
              {connectError}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {strings.store.connectErrorHint}
            </Text>
            {sellerChanged && (
              <div>
                <Button size="small" variant="secondary" onClick={() => connect(true)} isLoading={authorize.isPending}>
                  {strings.store.replaceSeller}
                </Button>
              </div>
            )}
          </div>
        </Alert>
      )}
      {authorize.error && (
        <ErrorAlert error={authorize.error} title={strings.store.authorizeErrorTitle} dismissible />
      )}
      <HealthBanner store={store} onReauthorize={() => connect()} isPending={authorize.isPending} />
      <StoreHeader
        store={store}
        onConnect={() => connect()}
        isConnecting={authorize.isPending || authorize.isSuccess}
        onOpenCredentials={() => setCredentialsOpen(true)}
      />
      <ListingsSummary storeId={store.id} />
      <ListingsImportPanel storeId={store.id} disabled={store.status !== "connected"} />
      <MarketplacesTable store={store} />
      <FbaPools storeId={store.id} disabled={store.status !== "connected"} />
      <StoreSettingsForm store={store} />
      <CategoryMappings store={store} />
      <AttributeMappings store={store} />
      <CredentialsModal
        storeId={store.id}
        sellingPartnerId={store.selling_partner_id}
        open={credentialsOpen}
        onOpenChange={setCredentialsOpen}
      />
    </div>
  )
}

function StoreBreadcrumb({ id }: { id: string }) {
  const { data } = useAmazonStore(id)
  return <span>{data?.amazon_store.name ?? strings.route.storeBreadcrumbFallback}</span>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <StoreBreadcrumb id={match.params.id ?? ""} />,
}

export default AmazonStorePage
