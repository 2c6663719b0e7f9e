import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { orderKeys } from "./query-keys"

/** One Multi-Channel Fulfillment order as GET /admin/amazon/mcf-orders returns it. */
export type McfOrder = {
  id: string
  fulfillment_id: string
  seller_fulfillment_order_id: string
  shipping_speed: string
  status: "pending" | "sent" | "shipped" | "unfulfillable" | "cancel_requested" | "cancelled" | "failed"
  amazon_status: string | null
  items: Array<{ sku: string; quantity: number; title: string }>
  unfulfillable: Array<{ sku: string; quantity: number; unfulfillable_quantity: number }> | null
  tracking: Array<{ package_number: number; carrier_code: string; tracking_number: string | null; tracking_url: string | null; status: string | null }> | null
  error: { code: string; message: string } | null
  description: string
}

const s = {
  title: "Amazon Multi-Channel Fulfillment",
  fulfillment: (id: string, speed: string) => `Fulfillment ${id} · ${speed}`,
  status: (row: McfOrder): string => {
    if (row.error?.code === "CANCEL_REFUSED" && row.status === "sent") return "Cancel refused"
    switch (row.status) {
      case "pending":
        return "Waiting to send"
      case "sent":
        return (
          { New: "Received", Received: "Received", Planning: "Planning", Processing: "Processing", CompletePartialled: "Partly shipped" } as Record<string, string>
        )[row.amazon_status ?? "Received"] ?? row.amazon_status ?? "Received"
      case "shipped":
        return row.amazon_status === "CompletePartialled" ? "Partly shipped" : "Shipped"
      case "unfulfillable":
        return "Unfulfillable"
      case "cancel_requested":
        return "Cancelling"
      case "cancelled":
        return "Cancelled"
      case "failed":
        return "Refused"
    }
  },
  items: (row: McfOrder) => row.items.map((i) => `${i.quantity} × ${i.sku}`).join(", "),
  tracking: (t: NonNullable<McfOrder["tracking"]>[number]) => `${t.carrier_code} ${t.tracking_number ?? `package ${t.package_number}`}`,
}

const COLORS: Record<McfOrder["status"], "green" | "red" | "orange" | "blue" | "grey"> = {
  pending: "blue",
  sent: "blue",
  shipped: "green",
  unfulfillable: "red",
  cancel_requested: "orange",
  cancelled: "grey",
  failed: "red",
}

/** GET /admin/amazon/mcf-orders?order_id= — refreshed every 30 s while Amazon is still working on one. */
export function useMcfOrders(orderId: string) {
  return useQuery({
    queryKey: [...orderKeys.ofMedusaOrder(orderId), "mcf"],
    queryFn: () => sdk.client.fetch<{ mcf_orders: McfOrder[] }>(`/admin/amazon/mcf-orders`, { query: { order_id: orderId } }),
    enabled: Boolean(orderId),
    refetchInterval: (q) => (q.state.data?.mcf_orders.some((o) => o.status === "pending" || o.status === "sent" || o.status === "cancel_requested") ? 30_000 : false),
  })
}

function McfRow({ row }: { row: McfOrder }) {
  const short = (row.unfulfillable ?? []).filter((u) => u.unfulfillable_quantity > 0)
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="amazon-mcf-order">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" leading="compact" weight="plus">
          {s.fulfillment(row.fulfillment_id, row.shipping_speed)}
        </Text>
        <StatusBadge color={row.error?.code === "CANCEL_REFUSED" && row.status === "sent" ? "orange" : COLORS[row.status] ?? "grey"} data-testid="amazon-mcf-status">
          {s.status(row)}
        </StatusBadge>
      </div>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {s.items(row)}
      </Text>
      <Text size="small" leading="compact" className={row.status === "unfulfillable" || row.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="amazon-mcf-description">
        {row.description}
      </Text>
      {short.length > 0 && row.status !== "unfulfillable" && (
        <Text size="small" leading="compact" className="text-ui-fg-error">
          {`Not shipped: ${short.map((u) => `${u.unfulfillable_quantity} × ${u.sku}`).join(", ")}`}
        </Text>
      )}
      {(row.tracking ?? []).map((t) => (
        <Text key={t.package_number} size="small" leading="compact" className="font-mono" data-testid="amazon-mcf-tracking">
          {t.tracking_url ? (
            <a href={t.tracking_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
              {s.tracking(t)}
            </a>
          ) : (
            s.tracking(t)
          )}
        </Text>
      ))}
    </div>
  )
}

/** The order's MCF orders at Amazon, in words; nothing for an order without MCF fulfillments. */
export function McfOrderPanel({ orderId }: { orderId: string }) {
  const { data } = useMcfOrders(orderId)
  const rows = data?.mcf_orders ?? []
  if (!rows.length) return null
  return (
    <Container className="divide-y p-0" data-testid="amazon-mcf-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{s.title}</Heading>
      </div>
      {rows.map((row) => (
        <McfRow key={row.id} row={row} />
      ))}
    </Container>
  )
}
