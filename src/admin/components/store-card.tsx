import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { flag } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonStore } from "../lib/types"
import { AuthorizationExpiry } from "./authorization-expiry"
import { RunResult } from "./run-result"
import { AmazonStatusBadge } from "./status-badge"

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-x-4">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="min-w-0">{children}</div>
    </div>
  )
}

/** One Amazon store on Settings → Amazon: who, where, whether it works, and what last happened. */
export function StoreCard({ store }: { store: AmazonStore }) {
  const summary = store.summary
  const issues = summary?.open_issues_count ?? 0
  return (
    <Link
      to={`/settings/amazon/${store.id}`}
      aria-label={strings.card.open(store.name)}
      className="bg-ui-bg-component shadow-elevation-card-rest hover:shadow-elevation-card-hover focus-visible:shadow-borders-focus flex flex-col gap-y-4 rounded-lg p-4 outline-none transition-shadow"
      data-testid="amazon-store-card"
    >
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 items-center gap-x-3">
          <span className="text-2xl leading-none" aria-hidden>
            {flag(store.marketplace?.country_code)}
          </span>
          <div className="min-w-0">
            <Text size="small" weight="plus" leading="compact" className="truncate">
              {store.name}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
              {[store.marketplace?.name, store.marketplace?.domain].filter(Boolean).join(" · ")}
            </Text>
          </div>
        </div>
        <AmazonStatusBadge status={store.status} />
      </div>
      {store.status_message && (
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {store.status_message}
        </Text>
      )}
      <div className="flex flex-col gap-y-2">
        <Row label={strings.card.sellingPartner}>
          <Text size="small" leading="compact" className="truncate font-mono">
            {store.selling_partner_id ?? (
              <span className="text-ui-fg-muted font-sans">{strings.card.notConnected}</span>
            )}
          </Text>
        </Row>
        <Row label={strings.card.authorization}>
          <AuthorizationExpiry store={store} />
        </Row>
        <Row label={strings.card.lastOrderImport}>
          <RunResult
            run={
              summary?.last_order_import && {
                status: summary.last_order_import.status,
                at: summary.last_order_import.finished_at,
                counts: summary.last_order_import.counts,
              }
            }
          />
        </Row>
        <Row label={strings.card.lastFeed}>
          <RunResult
            run={
              summary?.last_feed && {
                status: summary.last_feed.status,
                at: summary.last_feed.completed_at,
                counts: summary.last_feed.summary,
              }
            }
          />
        </Row>
        <Row label={strings.card.openIssues}>
          <Text
            size="small"
            leading="compact"
            weight={issues > 0 ? "plus" : "regular"}
            className={issues > 0 ? "text-ui-tag-orange-text" : "text-ui-fg-subtle"}
          >
            {issues > 0 ? issues : strings.card.noIssues}
          </Text>
        </Row>
      </div>
    </Link>
  )
}
