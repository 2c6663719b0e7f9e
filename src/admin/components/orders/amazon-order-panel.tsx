import { Alert, Button, Container, Heading, Skeleton, Text, Tooltip, toast } from "@medusajs/ui"
import { ErrorAlert } from "../error-alert"
import { errorToast } from "../../lib/errors"
import { flag, formatDateTime, formatRelative } from "../../lib/format"
import { strings } from "../../lib/strings"
import { ordersStrings as s } from "../../lib/strings-orders"
import { useAmazonOrderOfMedusaOrder, useRetryAmazonOrder } from "./hooks"
import { AmazonRefundsSection } from "./amazon-refunds-section"
import { AmazonReturnsSection } from "./amazon-returns-section"
import { ImportStatusBadge, ShipmentStatusBadge } from "./order-badges"
import type { AmazonOrder, AmazonShipment } from "./types"

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-3">
      <Text size="small" leading="compact" weight="plus">
        {label}
      </Text>
      <div className="min-w-0">{children}</div>
    </div>
  )
}

function ShipmentRow({ shipment }: { shipment: AmazonShipment }) {
  const detail =
    shipment.status === "confirmed"
      ? s.widget.confirmedAt(formatRelative(shipment.confirmed_at))
      : shipment.status === "failed"
        ? [shipment.error?.message, s.widget.attempts(shipment.attempts), shipment.next_attempt_at ? s.widget.nextAttempt(formatRelative(shipment.next_attempt_at)) : null]
            .filter(Boolean)
            .join(" · ")
        : null
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="amazon-order-shipment">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" leading="compact" weight="plus">
          {`${s.widget.package(shipment.package_reference_id)} · ${s.widget.carrier(shipment.carrier_code, shipment.carrier_name)}`}
        </Text>
        <ShipmentStatusBadge status={shipment.status} />
      </div>
      <Text size="small" leading="compact" className="font-mono text-ui-fg-subtle">
        {shipment.tracking_number || strings.common.dash}
      </Text>
      {detail && (
        <Text size="small" leading="compact" className={shipment.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
          {detail}
        </Text>
      )}
    </div>
  )
}

function OrderDetails({ order }: { order: AmazonOrder }) {
  const retry = useRetryAmazonOrder()
  const shipments = order.shipments ?? []
  const sellerCentral = order.marketplace?.seller_central_url
  const canRetry = order.import_status === "failed" || order.import_status === "needs_attention" || shipments.some((sh) => sh.status === "failed")
  return (
    <Container className="divide-y p-0" data-testid="amazon-order-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{s.widget.title}</Heading>
        <div className="flex items-center gap-x-2">
          {canRetry && (
            <Button
              size="small"
              variant="secondary"
              isLoading={retry.isPending}
              onClick={() =>
                retry.mutate(order.id, {
                  onError: (error) => toast.error(errorToast(error).title, { description: errorToast(error).description }),
                })
              }
            >
              {s.widget.retry}
            </Button>
          )}
          {sellerCentral && (
            <Button size="small" variant="transparent" asChild>
              <a href={`${sellerCentral}/orders-v3/order/${order.amazon_order_id}`} target="_blank" rel="noreferrer">
                {s.widget.openOnSellerCentral}
              </a>
            </Button>
          )}
        </div>
      </div>
      {order.buyer_cancel_request && order.amazon_status !== "CANCELLED" && (
        <div className="px-6 py-3" data-testid="amazon-order-buyer-cancel">
          <Alert variant="warning">
            <Text size="small" leading="compact" weight="plus">
              {s.widget.buyerCancelTitle}
            </Text>
            <Text size="small" leading="compact">
              {`${s.widget.buyerCancelReason(order.buyer_cancel_request.reason)} ${s.widget.buyerCancelAdvice}`}
            </Text>
          </Alert>
        </div>
      )}
      <Row label={s.widget.orderId}>
        <Text size="small" leading="compact" className="font-mono">
          {order.amazon_order_id}
        </Text>
      </Row>
      <Row label={s.widget.marketplace}>
        <Text size="small" leading="compact">
          {order.marketplace ? `${flag(order.marketplace.country_code)} ${order.marketplace.name}` : order.marketplace_id}
        </Text>
      </Row>
      <Row label={s.widget.channel}>
        <Text size="small" leading="compact">{s.channel(order.fulfillment_channel)}</Text>
      </Row>
      <Row label={s.widget.amazonStatus}>
        <Text size="small" leading="compact">{s.amazonStatus(order.amazon_status)}</Text>
      </Row>
      <Row label={s.widget.importStatus}>
        <ImportStatusBadge status={order.import_status} />
      </Row>
      <Row label={s.widget.purchased}>
        <Tooltip content={formatDateTime(order.purchased_at)}>
          <Text size="small" leading="compact">{formatRelative(order.purchased_at)}</Text>
        </Tooltip>
      </Row>
      {(order.issues ?? []).length > 0 && (
        <div className="flex flex-col gap-y-1 px-6 py-3">
          <Text size="small" leading="compact" weight="plus">
            {s.widget.issues}
          </Text>
          {(order.issues ?? []).map((issue, i) => (
            <Text key={i} size="small" leading="compact" className="text-ui-fg-error">
              {issue.message}
            </Text>
          ))}
          {order.next_attempt_at && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {s.widget.nextRetry(formatRelative(order.next_attempt_at))}
            </Text>
          )}
        </div>
      )}
      {order.channel_name === "NON_AMAZON" && (
        <Text size="small" leading="compact" className="text-ui-fg-subtle px-6 py-3">
          {s.widget.nonAmazon}
        </Text>
      )}
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" leading="compact" weight="plus">
          {s.widget.tracking}
        </Text>
        <ShipmentStatusBadge status={order.shipment_status} />
      </div>
      {shipments.length ? (
        shipments.map((shipment) => <ShipmentRow key={shipment.id} shipment={shipment} />)
      ) : (
        <Text size="small" leading="compact" className="text-ui-fg-subtle px-6 py-3">
          {order.fulfillment_channel === "AFN" ? s.widget.fbaNoShipments : s.widget.noShipments}
        </Text>
      )}
      {order.import_status === "imported" || order.import_status === "canceled" ? <AmazonRefundsSection order={order} /> : null}
      {order.fulfillment_channel === "MFN" ? <AmazonReturnsSection order={order} /> : null}
      {order.buyer_data_purged_at && (
        <Text size="small" leading="compact" className="text-ui-fg-muted px-6 py-3">
          {s.widget.buyerPurged}
        </Text>
      )}
    </Container>
  )
}

/** The order page's Amazon section; renders nothing for orders that did not come from Amazon. */
export function AmazonOrderPanel({ orderId }: { orderId: string }) {
  const { data, isPending, error } = useAmazonOrderOfMedusaOrder(orderId)
  if (isPending) return <Skeleton className="h-[120px] w-full rounded-lg" />
  if (error) {
    return (
      <Container className="px-6 py-4">
        <ErrorAlert error={error} title={s.widget.loadError} />
      </Container>
    )
  }
  const order = data?.amazon_orders[0]
  return order ? <OrderDetails order={order} /> : null
}
