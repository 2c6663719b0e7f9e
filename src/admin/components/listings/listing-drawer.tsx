import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Button, Drawer, Heading, Text, toast } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { useSendToAmazon } from "../../hooks/use-send-to-amazon"
import { errorToast } from "../../lib/errors"
import { flag, formatDateTime } from "../../lib/format"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonListing } from "../../lib/types-listings"
import { amazonProductUrl, formatMoney } from "./fix-link"
import { AsinChoice } from "./asin-choice"
import { IssueList } from "./issue-list"
import { ListingStatusBadge } from "./listing-status-badge"

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-2 items-start gap-x-4 py-2">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="min-w-0 break-words">{children}</div>
    </div>
  )
}

type ListingDrawerProps = {
  listing: AmazonListing | null
  storeId: string
  onOpenChange: (open: boolean) => void
}

/**
 * One listing in full: what Amazon has (ASIN, price, stock, when it was sent
 * and confirmed), what Amazon said, and for every problem the field to fix
 * with a link to where it is fixed.
 */
export function ListingDrawer({ listing, storeId, onOpenChange }: ListingDrawerProps) {
  const issues = listing?.issues ?? []
  const url = amazonProductUrl(listing?.asin, listing?.marketplace?.domain)
  const send = useSendToAmazon()
  const sendAgain = (variantId: string) =>
    send.mutate(
      { storeId, variant_ids: [variantId] },
      {
        onSuccess: ({ queued, blocked }) => {
          if (queued === 0 && blocked === 0) toast.warning(s.send.nothingQueued, { description: s.send.nothingQueuedDescription })
          else toast[blocked ? "warning" : "success"](s.send.queued(queued, blocked))
        },
        onError: (error) => {
          const { title, description } = errorToast(error)
          toast.error(s.send.error, { description: `${title} ${description}` })
        },
      }
    )
  return (
    <Drawer open={Boolean(listing)} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="amazon-listing-drawer">
        {listing && (
          <>
            <Drawer.Header>
              <Drawer.Title>{s.drawer.title(listing.sku)}</Drawer.Title>
            </Drawer.Header>
            <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
              <div className="flex flex-col gap-y-2">
                <div>
                  <ListingStatusBadge status={listing.status} />
                </div>
                <Text size="small" className="text-ui-fg-subtle">
                  {s.status.explain(listing.status)}
                </Text>
              </div>

              <div className="flex flex-col">
                <Heading level="h3" className="mb-1">
                  {s.drawer.sent}
                </Heading>
                <div className="divide-y">
                  <Row label={s.drawer.marketplace}>
                    <Text size="small" leading="compact">
                      {listing.marketplace
                        ? `${flag(listing.marketplace.country_code)} ${listing.marketplace.name}`
                        : listing.marketplace_id}
                    </Text>
                  </Row>
                  <Row label={s.drawer.asin}>
                    <Text size="small" leading="compact" className="font-mono">
                      {listing.asin ?? strings.common.dash}
                    </Text>
                  </Row>
                  <Row label={s.drawer.productType}>
                    <Text size="small" leading="compact" className="font-mono">
                      {listing.product_type ?? strings.common.dash}
                    </Text>
                  </Row>
                  <Row label={s.drawer.price}>
                    <Text size="small" leading="compact">
                      {formatMoney(listing.price, listing.currency_code ?? listing.marketplace?.currency_code)}
                    </Text>
                  </Row>
                  <Row label={s.drawer.quantity}>
                    <Text size="small" leading="compact">
                      {listing.quantity ?? strings.common.dash}
                    </Text>
                  </Row>
                  <Row label={s.drawer.submitted}>
                    <Text size="small" leading="compact">
                      {formatDateTime(listing.submitted_at)}
                    </Text>
                  </Row>
                  <Row label={s.drawer.synced}>
                    <Text size="small" leading="compact">
                      {formatDateTime(listing.synced_at)}
                    </Text>
                  </Row>
                  {listing.last_feed_id && (
                    <Row label={s.drawer.feed}>
                      <Text size="small" leading="compact" className="font-mono">
                        {listing.last_feed_id}
                      </Text>
                    </Row>
                  )}
                </div>
              </div>

              <div className="flex flex-col gap-y-2">
                <Heading level="h3">{issues.length ? s.drawer.fix : s.drawer.said}</Heading>
                {issues.length ? (
                  <>
                    <IssueList
                      issues={issues}
                      product_id={listing.product_id}
                      variant_id={listing.variant_id}
                      storeId={storeId}
                    />
                    <AsinChoice listing={listing} storeId={storeId} />
                  </>
                ) : (
                  <Text size="small" className="text-ui-fg-subtle">
                    {s.drawer.noIssues}
                  </Text>
                )}
              </div>
            </Drawer.Body>
            <Drawer.Footer>
              {url && (
                <Button size="small" variant="secondary" asChild>
                  <a href={url} target="_blank" rel="noreferrer">
                    {s.drawer.openOnAmazon}
                    <ArrowUpRightOnBox />
                  </a>
                </Button>
              )}
              {listing.product_id && (
                <Button size="small" variant="secondary" asChild>
                  <Link to={`/products/${listing.product_id}`}>{s.drawer.openProduct}</Link>
                </Button>
              )}
              {listing.variant_id && (
                <Button size="small" variant="primary" onClick={() => sendAgain(listing.variant_id!)} isLoading={send.isPending}>
                  {s.drawer.sendAgain}
                </Button>
              )}
            </Drawer.Footer>
          </>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
