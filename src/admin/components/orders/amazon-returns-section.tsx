import { useQuery } from "@tanstack/react-query"
import { Badge, Text } from "@medusajs/ui"
import { sdk } from "../../lib/sdk"
import { formatDate } from "../../lib/format"
import { orderKeys } from "./query-keys"
import type { AmazonOrder } from "./types"

/** The buyer's returns of an Amazon order, from Amazon's returns report, and the Medusa return each became. */

type ReturnRow = {
  id: string
  amazon_rma_id: string
  status: "authorized" | "received" | "rejected"
  amazon_status: string | null
  requested_at: string | null
  received_at: string | null
  refunded_amount: string | null
  currency: string | null
  lines: Array<{ sku: string; quantity: number; reason: string | null }>
  medusa_return_id: string | null
  medusa_status: "requested" | "received" | null
  error: string | null
}

const s = {
  title: "Returns on Amazon",
  none: "No returns on Amazon.",
  status: (row: ReturnRow) =>
    row.status === "received"
      ? `Received by you on ${formatDate(row.received_at)}`
      : row.status === "rejected"
        ? "Return rejected on Amazon"
        : "Return authorized on Amazon",
  requested: (row: ReturnRow) => `RMA ${row.amazon_rma_id}${row.requested_at ? ` · requested ${formatDate(row.requested_at)}` : ""}`,
  line: (l: ReturnRow["lines"][number]) => `${l.quantity} × ${l.sku}${l.reason ? ` · ${l.reason}` : ""}`,
  medusa: (row: ReturnRow) =>
    row.medusa_status === "received" ? "Medusa return received" : row.medusa_status === "requested" ? "Medusa return requested" : row.status === "rejected" ? "" : "Not in Medusa yet",
  refunded: (row: ReturnRow) => `Amazon reports ${row.refunded_amount} ${row.currency ?? ""} refunded (recorded from Amazon's refunds, not by the return)`,
  money: "Returns never refund: the money is what Amazon refunds, shown under refunds.",
}

const COLOR: Record<ReturnRow["status"], "blue" | "green" | "red"> = { authorized: "blue", received: "green", rejected: "red" }

export function AmazonReturnsSection({ order }: { order: AmazonOrder }) {
  const returns = useQuery({
    queryKey: [...orderKeys.all, "returns", order.id] as const,
    queryFn: () => sdk.client.fetch<{ returns: ReturnRow[] }>(`/admin/amazon/orders/${order.id}/returns`),
  })
  const rows = returns.data?.returns ?? []
  return (
    <div className="flex flex-col gap-y-2 px-6 py-3" data-testid="amazon-returns">
      <Text size="small" leading="compact" weight="plus">{s.title}</Text>
      {rows.length === 0 && <Text size="small" className="text-ui-fg-subtle">{s.none}</Text>}
      {rows.map((row) => (
        <div key={row.id} className="flex flex-col gap-y-1" data-testid="amazon-return-row">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" leading="compact">{s.requested(row)}</Text>
            <Badge size="2xsmall" color={COLOR[row.status]} title={row.amazon_status ?? row.status} data-testid="amazon-return-status">{s.status(row)}</Badge>
          </div>
          {row.lines.map((l, i) => (
            <Text key={i} size="small" className="text-ui-fg-subtle">{s.line(l)}</Text>
          ))}
          {s.medusa(row) && <Text size="small" className="text-ui-fg-subtle">{s.medusa(row)}</Text>}
          {row.refunded_amount && <Text size="small" className="text-ui-fg-subtle">{s.refunded(row)}</Text>}
          {row.error && <Text size="small" className="text-ui-fg-error">{row.error}</Text>}
        </div>
      ))}
      {rows.length > 0 && <Text size="xsmall" className="text-ui-fg-muted">{s.money}</Text>}
    </div>
  )
}
