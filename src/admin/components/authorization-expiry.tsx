import { Text, clx } from "@medusajs/ui"
import { formatDate } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonStore } from "../lib/types"

/** "Re-authorize within 23 days" — orange once Amazon's yearly renewal is near, red once past. */
export function AuthorizationExpiry({ store }: { store: AmazonStore }) {
  const days = store.authorization_expires_in_days
  if (days === null || days === undefined || !store.authorization_expires_at) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-muted">
        {strings.common.dash}
      </Text>
    )
  }
  const expired = days < 0 || store.status === "expired"
  const warn = !expired && Boolean(store.summary?.authorization_expiring)
  return (
    <Text
      size="small"
      leading="compact"
      weight={warn || expired ? "plus" : "regular"}
      className={clx(expired ? "text-ui-fg-error" : warn ? "text-ui-tag-orange-text" : "text-ui-fg-subtle")}
      title={strings.expiry.validUntil(formatDate(store.authorization_expires_at))}
      data-testid="amazon-authorization-expiry"
    >
      {expired ? strings.expiry.expiredAgo(Math.abs(days)) : strings.expiry.reauthorizeWithin(days)}
    </Text>
  )
}
