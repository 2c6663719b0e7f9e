import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Medusa's system provider records payments it never took; refunding through it moves no money. */
export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"

type Payment = { id: string; provider_id: string; amount: unknown; captured_at?: unknown; refunds?: Array<{ amount: unknown } | null> | null }

const num = (value: unknown): number => {
  if (value && typeof value === "object") {
    const v = value as { numeric?: unknown; value?: unknown }
    return Number(v.numeric ?? v.value) || 0
  }
  return Number(value) || 0
}

/**
 * After Amazon lowered an imported order, what the order was paid beyond its new total: Amazon has
 * refunded that to the buyer already, so it is recorded as refunded on the order's captured payment.
 * Only a payment recorded through Medusa's system provider is refunded (no money moves); through another
 * provider the refund stays due on the order for the merchant to record, rather than sending a real
 * provider a refund for money it never took. Reads only.
 */
export const loadAmazonRefundStep = createStep("amazon-load-refund", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id", "total", "summary.*",
      "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.amount",
      "payment_collections.payments.captured_at", "payment_collections.payments.refunds.amount",
    ],
    filters: { id: input.order_id },
  })
  const order = data[0] as { total: unknown; summary?: Record<string, unknown> | null; payment_collections?: Array<{ payments?: Array<Payment | null> | null } | null> } | undefined
  const none = { payment_id: null as string | null, amount: 0 }
  if (!order) return new StepResponse(none)
  const payments = (order.payment_collections ?? []).flatMap((c) => c?.payments ?? []).filter((p): p is Payment => !!p && p.provider_id === SYSTEM_PAYMENT_PROVIDER)
  const payment = payments.find((p) => num(p.amount) - (p.refunds ?? []).reduce((n, r) => n + num(r?.amount), 0) > 0)
  // pending_difference < 0: the order holds more than its total
  const due = -num(order.summary?.pending_difference)
  if (!payment || !(due > 0)) return new StepResponse(none)
  const refundable = num(payment.amount) - (payment.refunds ?? []).reduce((n, r) => n + num(r?.amount), 0)
  return new StepResponse({ payment_id: payment.id, amount: Math.round(Math.min(due, refundable) * 10_000) / 10_000 })
})
