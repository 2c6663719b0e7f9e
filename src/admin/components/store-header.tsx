import { EllipsisHorizontal, Key, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  InlineTip,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import type { ReactNode } from "react"
import { useNavigate } from "react-router-dom"
import { useDeleteAmazonStore } from "../hooks/use-delete-amazon-store"
import { useSalesChannels } from "../hooks/use-sales-channels"
import { errorToast } from "../lib/errors"
import { flag, formatDate } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonStore } from "../lib/types"
import { AuthorizationExpiry } from "./authorization-expiry"
import { AmazonStatusBadge } from "./status-badge"

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4">
      <Text size="small" leading="compact" weight="plus">
        {label}
      </Text>
      <div className="min-w-0">{children}</div>
    </div>
  )
}

type StoreHeaderProps = {
  store: AmazonStore
  onConnect: () => void
  isConnecting: boolean
  onOpenCredentials: () => void
}

/** Who the store is, whether it is connected, and the buttons that connect or delete it. */
export function StoreHeader({ store, onConnect, isConnecting, onOpenCredentials }: StoreHeaderProps) {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const remove = useDeleteAmazonStore(store.id)
  const salesChannels = useSalesChannels()
  const salesChannel = salesChannels.data?.sales_channels.find((c) => c.id === store.sales_channel_id)

  const reauthorize = store.status === "connected" || store.status === "expired" || store.status === "revoked"

  const onDelete = async () => {
    const confirmed = await prompt({
      title: strings.store.deleteTitle(store.name),
      description: strings.store.deleteDescription,
      verificationInstruction: strings.store.deleteVerify,
      verificationText: store.name,
      confirmText: strings.common.delete,
      cancelText: strings.common.cancel,
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync()
      toast.success(strings.store.deleted(store.name))
      navigate("/settings/amazon", { replace: true })
    } catch (error) {
      const { title, description } = errorToast(error)
      toast.error(title, { description })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex min-w-0 items-center gap-x-3">
          <span className="text-2xl leading-none" aria-hidden>
            {flag(store.marketplace?.country_code)}
          </span>
          <Heading className="truncate">{store.name}</Heading>
          <AmazonStatusBadge status={store.status} />
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" onClick={onOpenCredentials}>
            <Key />
            {strings.store.haveToken}
          </Button>
          <Button
            size="small"
            variant={reauthorize && store.status === "connected" ? "secondary" : "primary"}
            onClick={onConnect}
            isLoading={isConnecting}
          >
            {reauthorize ? strings.store.reauthorize : strings.store.connect}
          </Button>
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={strings.store.actions}>
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item className="gap-x-2" onClick={() => void onDelete()}>
                <Trash className="text-ui-fg-subtle" />
                {strings.store.delete}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
      </div>

      {store.status === "pending" && (
        <div className="px-6 py-4">
          <InlineTip label={strings.store.nextStepTitle} variant="info">
            {strings.store.nextStep(store.marketplace?.seller_central_url?.replace(/^https?:\/\//, "") ?? "")}
          </InlineTip>
        </div>
      )}

      {store.status_message && (
        <Row label={strings.store.statusMessage}>
          <Text size="small" leading="compact" data-testid="amazon-status-message">
            {store.status_message}
          </Text>
        </Row>
      )}
      <Row label={strings.store.homeMarketplace}>
        <Text size="small" leading="compact">
          {[
            store.marketplace && `${flag(store.marketplace.country_code)} ${store.marketplace.name}`,
            store.marketplace?.domain,
            store.marketplace?.currency_code,
          ]
            .filter(Boolean)
            .join(" · ") || store.marketplace_id}
        </Text>
      </Row>
      <Row label={strings.store.sellingPartnerId}>
        <Text size="small" leading="compact" className="font-mono" data-testid="amazon-selling-partner-id">
          {store.selling_partner_id ?? <span className="font-sans">{strings.card.notConnected}</span>}
        </Text>
      </Row>
      <Row label={strings.store.authorization}>
        <div className="flex flex-col gap-y-1">
          <AuthorizationExpiry store={store} />
          {store.authorized_at && (
            <Text size="small" leading="compact" className="text-ui-fg-muted">
              {strings.store.authorizedAt(formatDate(store.authorized_at))}
            </Text>
          )}
        </div>
      </Row>
      <Row label={strings.store.salesChannel}>
        <Text size="small" leading="compact">
          {salesChannel?.name ?? store.sales_channel_id ?? strings.common.dash}
        </Text>
      </Row>
      <Row label={strings.store.productMatching}>
        <Text size="small" leading="compact">
          {strings.productId.summary(store.product_id_type, store.product_id_attribute)}
        </Text>
      </Row>
    </Container>
  )
}
