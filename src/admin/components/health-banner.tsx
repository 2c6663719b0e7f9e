import { Alert, Button, Text } from "@medusajs/ui"
import { formatDate } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonStore } from "../lib/types"

type HealthBannerProps = { store: AmazonStore; onReauthorize: () => void; isPending: boolean }

/**
 * Says when the store's authorization is about to lapse or has stopped
 * working, that sync is paused when it is, and offers the one fix.
 */
export function HealthBanner({ store, onReauthorize, isPending }: HealthBannerProps) {
  let variant: "warning" | "error"
  let title: string
  let body: string
  if (store.status === "expired") {
    variant = "error"
    title = strings.health.expiredTitle
    body = strings.health.expired
  } else if (store.status === "revoked") {
    variant = "error"
    title = strings.health.revokedTitle
    body = strings.health.revoked
  } else if (store.status === "error") {
    variant = "error"
    title = strings.health.errorTitle
    body = strings.health.error
  } else if (store.status === "connected" && store.summary?.authorization_expiring) {
    variant = "warning"
    title = strings.health.expiringTitle(store.authorization_expires_in_days ?? 0)
    body = strings.health.expiring(formatDate(store.authorization_expires_at))
  } else {
    return null
  }

  return (
    <Alert variant={variant} data-testid="amazon-health-banner">
      <div className="flex flex-col gap-y-3 sm:flex-row sm:items-start sm:justify-between sm:gap-x-4">
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus" leading="compact">
            {title}
          </Text>
          {store.status !== "connected" && store.status_message && (
            <Text size="small" leading="compact">
              {strings.health.reason(store.status_message)}
            </Text>
          )}
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {body}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={onReauthorize} isLoading={isPending} className="shrink-0">
          {strings.store.reauthorize}
        </Button>
      </div>
    </Alert>
  )
}
