import type { SandboxContext } from "./context"
import { ControlInputError } from "./control"
import { digitsOf, itemMoney } from "./order-money"
import type { OrderRecord, SandboxRefund } from "./types"

/**
 * Finances v0 from sandbox order state. Every refund of an order (`order.refunds`: the seller's accepted
 * POST_PAYMENT_ADJUSTMENT_DATA messages, and refunds Amazon made itself through `control.amazonRefund`) becomes a
 * ShipmentEvent in RefundEventList, GuaranteeClaimEventList (A-to-z) or ChargebackEventList, posted
 * FINANCE_POSTING_LAG_MS (48 h, sandbox clock — scaled with the time scale) after the refund: before that Amazon's
 * "Orders from the last 48 hours might not be included" holds and the event is not listed.
 * Amounts: refunds are negative charges (Principal, Tax, ShippingCharge, ShippingTax), Amazon's numbers in major units.
 */
export const FINANCE_POSTING_LAG_MS = 48 * 3600_000

/** Who made a refund. Absent = the seller, by adjustment feed. */
export type RefundInitiator = "SELLER" | "AMAZON" | "SELLER_CENTRAL" | "A_TO_Z" | "CHARGEBACK"

type Initiated = SandboxRefund & { initiatedBy?: RefundInitiator }

const CHARGE_TYPE: Record<string, string> = { Principal: "Principal", Tax: "Tax", Shipping: "ShippingCharge", ShippingTax: "ShippingTax" }

export interface FinanceEventRow {
  list: "RefundEventList" | "GuaranteeClaimEventList" | "ChargebackEventList"
  postedAt: number
  event: Record<string, unknown>
}

/** The refund-like events of one order that Amazon has posted by `now`. */
export function orderFinanceEvents(order: OrderRecord, now: number): FinanceEventRow[] {
  const out: FinanceEventRow[] = []
  for (const refund of (order.refunds ?? []) as Initiated[]) {
    const postedAt = refund.postedAt + FINANCE_POSTING_LAG_MS
    if (postedAt > now) continue
    const digits = digitsOf(refund.currency)
    const amount = (minor: number) => ({ CurrencyCode: refund.currency, CurrencyAmount: Number((minor / 10 ** digits).toFixed(digits)) })
    const list = refund.initiatedBy === "A_TO_Z" ? "GuaranteeClaimEventList" : refund.initiatedBy === "CHARGEBACK" ? "ChargebackEventList" : "RefundEventList"
    out.push({
      list,
      postedAt,
      event: {
        AmazonOrderId: order.orderId,
        MarketplaceName: marketplaceName(order.marketplaceId),
        PostedDate: new Date(postedAt).toISOString(),
        ShipmentItemAdjustmentList: refund.items.map((item, index) => {
          const line = order.items.find((i) => i.orderItemId === item.orderItemId)
          const principal = item.components.Principal ?? 0
          return {
            SellerSKU: line?.sku,
            OrderItemId: item.orderItemId,
            OrderAdjustmentItemId: `${refund.refundId.replace(/\D/g, "").slice(-10)}${index + 1}`.padStart(12, "0"),
            QuantityShipped: line?.quantityShipped || line?.quantityOrdered || 1,
            ItemChargeAdjustmentList: Object.entries(item.components)
              .filter(([, minor]) => minor !== 0)
              .map(([type, minor]) => ({ ChargeType: CHARGE_TYPE[type] ?? type, ChargeAmount: amount(-minor) })),
            // Amazon gives back 80 % of the referral fee on a refund (15 % fee on the principal): a credit to the seller
            ItemFeeAdjustmentList: principal ? [{ FeeType: "Commission", FeeAmount: amount(Math.round(principal * 0.15 * 0.8)) }] : [],
          }
        }),
      },
    })
  }
  return out
}

function marketplaceName(id: string): string {
  const names: Record<string, string> = { ATVPDKIKX0DER: "Amazon.com", A1PA6795UKMFR9: "Amazon.de", A1F83G8C2ARO7P: "Amazon.co.uk", A13V1IB3VIYZZH: "Amazon.fr", A1VC38T7YXB528: "Amazon.co.jp" }
  return names[id] ?? "Amazon"
}

export interface AmazonRefundInput {
  orderId: string
  /** AMAZON: Refund at First Scan / Amazon refunded for the seller; SELLER_CENTRAL: the seller refunded by hand */
  by: Exclude<RefundInitiator, "SELLER">
  /** items and quantities refunded (default: every shipped unit); shipping too unless `shipping: false` */
  items?: Array<{ orderItemId: string; quantity?: number }>
  shipping?: boolean
}

/** Amazon refunds the buyer of an order (or an A-to-z claim / chargeback is granted): recorded in `order.refunds`. */
export function amazonRefund(ctx: SandboxContext, input: AmazonRefundInput): { refundId: string; postedAt: string; visibleAt: string } {
  const order = ctx.state.orders.get(String(input.orderId ?? ""))
  if (!order) throw new ControlInputError(`order ${String(input.orderId)} not found`)
  if (!["AMAZON", "SELLER_CENTRAL", "A_TO_Z", "CHARGEBACK"].includes(input.by)) {
    throw new ControlInputError("by must be AMAZON, SELLER_CENTRAL, A_TO_Z or CHARGEBACK")
  }
  const wanted: Array<{ orderItemId: string; quantity?: number }> = input.items ?? order.items.filter((i) => i.quantityOrdered > 0).map((i) => ({ orderItemId: i.orderItemId }))
  const items: SandboxRefund["items"] = wanted.map((w) => {
    const item = order.items.find((i) => i.orderItemId === w.orderItemId)
    if (!item) throw new ControlInputError(`order item ${w.orderItemId} not found`)
    const quantity = w.quantity ?? item.quantityOrdered
    if (!(quantity > 0 && quantity <= item.quantityOrdered)) throw new ControlInputError(`quantity must be 1..${item.quantityOrdered}`)
    const money = itemMoney(order, item)
    const share = (minor: number) => Math.round((minor * quantity) / item.quantityOrdered)
    const inclusive = !money.taxAdded
    const principalGross = share(money.charges.ITEM - money.discounts.ITEM)
    const tax = share(money.taxes.ITEM)
    const shippingGross = input.shipping === false ? 0 : money.charges.SHIPPING - money.discounts.SHIPPING
    const shippingTax = input.shipping === false ? 0 : money.taxes.SHIPPING
    return {
      orderItemId: item.orderItemId,
      reason: input.by === "A_TO_Z" ? "GuaranteeClaim" : input.by === "CHARGEBACK" ? "Chargeback" : "CustomerReturn",
      // Finances posts principal and tax apart: in a tax-inclusive marketplace the principal is the net part
      components: {
        Principal: inclusive ? principalGross - tax : principalGross,
        Tax: tax,
        Shipping: inclusive ? shippingGross - shippingTax : shippingGross,
        ShippingTax: shippingTax,
      },
    }
  })
  const now = ctx.state.clock.now()
  const refund: Initiated = {
    refundId: `AMZ-${order.orderId}-${(order.refunds ?? []).length + 1}`,
    feedId: "",
    messageId: 0,
    postedAt: now,
    currency: order.items[0]?.currency ?? "USD",
    items,
    initiatedBy: input.by,
  }
  order.refunds = [...(order.refunds ?? []), refund]
  return { refundId: refund.refundId, postedAt: new Date(now).toISOString(), visibleAt: new Date(now + FINANCE_POSTING_LAG_MS).toISOString() }
}
