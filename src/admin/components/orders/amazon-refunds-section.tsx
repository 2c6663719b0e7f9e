import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Alert, Badge, Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { sdk } from "../../lib/sdk"
import { errorToast } from "../../lib/errors"
import { formatRelative } from "../../lib/format"
import { orderKeys } from "./query-keys"
import type { AmazonOrder } from "./types"

/** "Refund on Amazon" / "Cancel on Amazon" on the order page, and the order's refund ledger (both ways). */

type LedgerRow = {
  id: string
  direction: "in" | "out"
  kind: "refund" | "cancel"
  status: "planned" | "queued" | "sent" | "accepted" | "rejected" | "recorded" | "failed"
  amount: string | null
  currency: string | null
  reason: string | null
  amazon_message: string | null
  error: string | null
  /** inbound: why Medusa recorded less or nothing (a surplus), or which outbound row this echo belongs to */
  note: string | null
  /** inbound row that is Amazon's Finances record of our own refund */
  echo_of: string | null
  created_at: string
}

type PlannedLine = { amazon_order_item_id: string; sku: string | null; quantity: number; principal: string; tax: string; shipping: string; shipping_tax: string }
type Plan = { currency: string; tax_inclusive: boolean; reason: string; lines: PlannedLine[]; refused: Array<{ amazon_order_item_id: string | null; reason: string }>; notes: string[]; total: string }

const ADJUSTMENT_REASONS = ["CustomerReturn", "NoInventory", "GeneralAdjustment", "CouldNotShip", "DifferentItem", "PriceError", "ProductOutofStock", "CustomerCancel", "Exchange", "Other"]
const CANCEL_REASONS = ["NoInventory", "ShippingAddressUndeliverable", "CustomerExchange", "GeneralAdjustment", "BuyerCanceled"]

const s = {
  title: "Refunds and cancellations on Amazon",
  none: "Nothing refunded or canceled on this order.",
  refund: "Refund on Amazon",
  cancel: "Cancel on Amazon",
  item: "Item",
  quantity: "Units",
  amount: "or amount",
  shipping: "shipping",
  reason: "Reason",
  preview: "Preview",
  confirm: "Send refund to Amazon",
  confirmCancel: "Cancel this order on Amazon",
  total: (total: string, currency: string) => `Total to refund: ${total} ${currency}`,
  taxNote: (inclusive: boolean) => (inclusive ? "Prices include VAT here: the gross price is refunded, no separate tax." : "Tax is refunded with the price (once per item)."),
  queued: "Queued: it goes to Amazon with the next feed. Medusa records it once Amazon accepts.",
  cancelIntro: "Amazon cancels the whole unshipped order. The Medusa order is canceled once Amazon accepts.",
  direction: (row: LedgerRow) =>
    row.direction === "in"
      ? row.echo_of
        ? "Amazon's record of our refund"
        : `Refunded by Amazon${INBOUND_KIND[row.reason ?? ""] ? ` (${INBOUND_KIND[row.reason ?? ""]})` : ""}`
      : row.kind === "cancel"
        ? "Cancellation"
        : "Refund sent",
}

/** Finances list an inbound refund came from (the ledger row's reason) */
const INBOUND_KIND: Record<string, string> = { refund: "return or Seller Central refund", guarantee_claim: "A-to-z claim", chargeback: "chargeback" }

const STATUS_COLOR: Record<LedgerRow["status"], "grey" | "blue" | "green" | "red" | "orange"> = {
  planned: "grey",
  queued: "blue",
  sent: "blue",
  accepted: "green",
  recorded: "green",
  rejected: "red",
  failed: "red",
}

/** What each status means to the merchant (the ledger's own word stays in the badge's title) */
const STATUS_WORDS: Record<LedgerRow["status"], string> = {
  planned: "Planned",
  queued: "Waiting to be sent",
  sent: "Sent to Amazon",
  accepted: "Accepted by Amazon",
  rejected: "Rejected by Amazon",
  recorded: "Recorded",
  failed: "Failed",
}

const ledgerKey = (id: string) => [...orderKeys.all, "refunds", id] as const
const requestId = () => `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
const showError = (error: unknown) => toast.error(errorToast(error).title, { description: errorToast(error).description })

function RefundDrawer({ order, open, onOpenChange }: { order: AmazonOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient()
  const [key] = useState(requestId)
  const [reason, setReason] = useState(/shipped/i.test(order.amazon_status) && !/unshipped/i.test(order.amazon_status) ? "CustomerReturn" : "NoInventory")
  const [choice, setChoice] = useState<Record<string, { quantity: string; amount: string; shipping: boolean }>>({})
  const [plan, setPlan] = useState<Plan | null>(null)
  const body = useMemo(() => {
    const items = Object.entries(choice)
      .filter(([, c]) => Number(c.quantity) > 0 || c.amount.trim() !== "" || c.shipping)
      .map(([id, c]) => ({
        amazon_order_item_id: id,
        ...(c.amount.trim() ? { amount: c.amount.trim() } : { quantity: Number(c.quantity) || 0 }),
        ...(c.shipping ? { shipping: true } : {}),
      }))
    return { items, reason, request_id: key }
  }, [choice, reason, key])
  const preview = useMutation({
    mutationFn: () => sdk.client.fetch<{ plan: Plan }>(`/admin/amazon/orders/${order.id}/refunds`, { method: "POST", query: { preview: "true" }, body }),
    onSuccess: (answer) => setPlan(answer.plan),
    onError: showError,
  })
  const send = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/amazon/orders/${order.id}/refunds`, { method: "POST", body }),
    onSuccess: () => {
      toast.success(s.queued)
      onOpenChange(false)
    },
    onError: showError,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ledgerKey(order.id) }),
  })
  const set = (id: string, patch: Partial<{ quantity: string; amount: string; shipping: boolean }>) => {
    setPlan(null)
    setChoice((c) => ({ ...c, [id]: { ...{ quantity: "", amount: "", shipping: false }, ...c[id], ...patch } }))
  }
  const sendable = !!plan && plan.lines.length > 0 && plan.refused.length === 0
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="amazon-refund-drawer">
        <Drawer.Header>
          <Drawer.Title>{s.refund}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {(order.items ?? []).map((line) => (
            <div key={line.order_item_id} className="flex flex-col gap-y-2" data-testid="amazon-refund-item">
              <Text size="small" weight="plus">{`${line.sku} · ${line.quantity} × ${line.unit_price ?? "?"} ${order.currency_code ?? ""}`}</Text>
              <div className="grid grid-cols-3 items-center gap-x-2">
                <Input aria-label={`${s.quantity} ${line.sku}`} type="number" min={0} max={line.quantity} placeholder={s.quantity} value={choice[line.order_item_id]?.quantity ?? ""} onChange={(e) => set(line.order_item_id, { quantity: e.target.value })} />
                <Input aria-label={`${s.amount} ${line.sku}`} placeholder={s.amount} value={choice[line.order_item_id]?.amount ?? ""} onChange={(e) => set(line.order_item_id, { amount: e.target.value })} />
                <Label className="flex items-center gap-x-1">
                  <input type="checkbox" aria-label={`${s.shipping} ${line.sku}`} checked={choice[line.order_item_id]?.shipping ?? false} onChange={(e) => set(line.order_item_id, { shipping: e.target.checked })} />
                  <Text size="small">{s.shipping}</Text>
                </Label>
              </div>
            </div>
          ))}
          <Label className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">{s.reason}</Text>
            <select aria-label={s.reason} className="rounded-md border px-2 py-1 text-sm" value={reason} onChange={(e) => { setPlan(null); setReason(e.target.value) }}>
              {ADJUSTMENT_REASONS.map((r) => (
                <option key={r} value={r}>{r}</option>
              ))}
            </select>
          </Label>
          {plan && (
            <div className="flex flex-col gap-y-2" data-testid="amazon-refund-plan">
              {plan.lines.map((l) => (
                <Text key={l.amazon_order_item_id} size="small">{`${l.sku ?? l.amazon_order_item_id}: ${l.quantity ? `${l.quantity} unit(s), ` : ""}price ${l.principal}${Number(l.tax) ? ` + tax ${l.tax}` : ""}${Number(l.shipping) ? `, shipping ${l.shipping}` : ""}${Number(l.shipping_tax) ? ` + tax ${l.shipping_tax}` : ""}`}</Text>
              ))}
              <Text size="small" weight="plus" data-testid="amazon-refund-total">{s.total(plan.total, plan.currency)}</Text>
              <Text size="small" className="text-ui-fg-subtle">{s.taxNote(plan.tax_inclusive)}</Text>
              {[...plan.refused.map((r) => r.reason), ...plan.notes].map((text, i) => (
                <Alert key={i} variant={i < plan.refused.length ? "error" : "info"}>{text}</Alert>
              ))}
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" isLoading={preview.isPending} disabled={!body.items.length} onClick={() => preview.mutate()}>
            {s.preview}
          </Button>
          <Button size="small" isLoading={send.isPending} disabled={!sendable} onClick={() => send.mutate()}>
            {s.confirm}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

function CancelDrawer({ order, open, onOpenChange }: { order: AmazonOrder; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient()
  const [key] = useState(requestId)
  const buyerAsked = !!order.buyer_cancel_request
  const [reason, setReason] = useState(buyerAsked ? "BuyerCanceled" : "NoInventory")
  const cancel = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/amazon/orders/${order.id}/cancel`, { method: "POST", body: { reason, request_id: key } }),
    onSuccess: () => {
      toast.success(s.queued)
      onOpenChange(false)
    },
    onError: showError,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ledgerKey(order.id) }),
  })
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="amazon-cancel-drawer">
        <Drawer.Header>
          <Drawer.Title>{s.cancel}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">{s.cancelIntro}</Text>
          <select aria-label={s.reason} className="rounded-md border px-2 py-1 text-sm" value={reason} onChange={(e) => setReason(e.target.value)}>
            {CANCEL_REASONS.filter((r) => r !== "BuyerCanceled" || buyerAsked).map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="danger" isLoading={cancel.isPending} onClick={() => cancel.mutate()}>
            {s.confirmCancel}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

export function AmazonRefundsSection({ order }: { order: AmazonOrder }) {
  const [refundOpen, setRefundOpen] = useState(false)
  const [cancelOpen, setCancelOpen] = useState(false)
  const ledger = useQuery({
    queryKey: ledgerKey(order.id),
    queryFn: () => sdk.client.fetch<{ refunds: LedgerRow[] }>(`/admin/amazon/orders/${order.id}/refunds`),
    refetchInterval: (q) => (q.state.data?.refunds.some((r) => r.status === "queued" || r.status === "sent") ? 10_000 : false),
  })
  const rows = ledger.data?.refunds ?? []
  const merchant = order.fulfillment_channel === "MFN" && !!order.order_id
  const cancellable = merchant && /^(pending|unshipped)$/i.test(order.amazon_status) && !rows.some((r) => r.kind === "cancel" && !["rejected", "failed"].includes(r.status))
  return (
    <div className="flex flex-col gap-y-2 px-6 py-3" data-testid="amazon-refunds">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" leading="compact" weight="plus">{s.title}</Text>
        <div className="flex gap-x-2">
          {merchant && (
            <Button size="small" variant="secondary" onClick={() => setRefundOpen(true)}>
              {s.refund}
            </Button>
          )}
          {cancellable && (
            <Button size="small" variant="secondary" onClick={() => setCancelOpen(true)}>
              {s.cancel}
            </Button>
          )}
        </div>
      </div>
      {rows.length === 0 && <Text size="small" className="text-ui-fg-subtle">{s.none}</Text>}
      {rows.map((row) => (
        <div key={row.id} className="flex flex-col gap-y-1" data-testid="amazon-refund-row">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" leading="compact">{`${s.direction(row)}${row.amount ? ` · ${row.amount} ${row.currency ?? ""}` : ""}${row.reason && row.direction === "out" ? ` · ${row.reason}` : ""} · ${formatRelative(row.created_at)}`}</Text>
            <Badge size="2xsmall" color={STATUS_COLOR[row.status]} title={row.status} data-testid="amazon-refund-status">{STATUS_WORDS[row.status] ?? row.status}</Badge>
          </div>
          {row.direction === "in" && row.note && <Text size="small" className="text-ui-fg-subtle">{row.note}</Text>}
          {row.amazon_message && <Text size="small" className={row.status === "rejected" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>{row.amazon_message}</Text>}
          {row.error && <Text size="small" className="text-ui-fg-error">{row.error}</Text>}
        </div>
      ))}
      {refundOpen && <RefundDrawer order={order} open={refundOpen} onOpenChange={setRefundOpen} />}
      {cancelOpen && <CancelDrawer order={order} open={cancelOpen} onOpenChange={setCancelOpen} />}
    </div>
  )
}
