import { orderMoney } from "./order-money"
import type { PlannedLine } from "./plan-order-import"
import type { AmazonOrderCharge, AmazonOrderLine, BuyerData, FulfillmentChannel } from "./types"

export type VariantForOrder = {
  id: string
  title: string | null
  sku: string | null
  product_id: string | null
  product_title: string | null
  product_handle: string | null
  thumbnail: string | null
  requires_shipping?: boolean
}

export type MedusaOrderContext = {
  amazon_order_id: string
  amazon_store_id: string
  marketplace_id: string
  channel: FulfillmentChannel
  currency_code: string
  region_id: string
  sales_channel_id: string
  customer_id: string | null
  shipping_option: { id: string; name: string } | null
}

/** "Max Müller" → Max / Müller; "Müller" → Müller / null. Amazon gives one name field. */
export function splitName(name: string | null | undefined): { first_name: string | null; last_name: string | null } {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean)
  if (parts.length === 0) return { first_name: null, last_name: null }
  if (parts.length === 1) return { first_name: parts[0], last_name: null }
  return { first_name: parts.slice(0, -1).join(" "), last_name: parts[parts.length - 1] }
}

export function toMedusaAddress(buyer: BuyerData | null, countryFallback: string | null) {
  const address = buyer?.address
  const street2 = [address?.address_2, address?.address_3].filter(Boolean).join(", ") || null
  return {
    ...splitName(buyer?.name),
    company: buyer?.company ?? null,
    address_1: address?.address_1 ?? null,
    address_2: street2,
    city: address?.city ?? null,
    province: address?.province ?? address?.district ?? null,
    postal_code: address?.postal_code ?? null,
    country_code: (address?.country_code ?? countryFallback)?.toLowerCase() ?? null,
    phone: buyer?.phone ?? null,
  }
}

/**
 * The order module's `createOrders` input for an Amazon order: Amazon's money as Medusa holds it
 * (order-money.ts: unit prices, tax lines, promotions and price adjustments, shipping and the other
 * charges as shipping methods, tax-inclusive per marketplace) so that Medusa's computed total is
 * Amazon's order total, the Amazon order item id on each line (confirmShipment needs it back). Every
 * shipping method carries the store's shipping option, so whichever Medusa's fulfillment picks first is
 * the right one. `total` is Amazon's order total: the payment captured.
 */
export function toMedusaOrderInput(input: {
  context: MedusaOrderContext
  buyer: BuyerData | null
  ship_country_code: string | null
  lines: PlannedLine[]
  amazon_lines: AmazonOrderLine[]
  variants: Record<string, VariantForOrder>
  /** Amazon's grandTotal (null: what the lines add up to) */
  total?: string | null
  order_charges?: AmazonOrderCharge[]
}) {
  const { context } = input
  const byItemId = new Map(input.amazon_lines.map((line) => [line.order_item_id, line]))
  const money = orderMoney({
    marketplace_id: context.marketplace_id,
    currency_code: context.currency_code,
    total: input.total ?? null,
    lines: input.lines.map((planned) => byItemId.get(planned.order_item_id)!),
    order_charges: input.order_charges,
  })
  const items = input.lines.map((planned) => {
    const amazon = byItemId.get(planned.order_item_id)!
    const variant = input.variants[planned.variant_id]
    const lineMoney = money.lines[planned.order_item_id]
    return {
      title: variant?.product_title ?? amazon.title ?? planned.sku,
      subtitle: variant?.title ?? null,
      thumbnail: variant?.thumbnail ?? null,
      variant_id: planned.variant_id,
      product_id: variant?.product_id ?? null,
      product_title: variant?.product_title ?? amazon.title ?? null,
      product_handle: variant?.product_handle ?? null,
      variant_sku: variant?.sku ?? planned.sku,
      variant_title: variant?.title ?? null,
      quantity: planned.quantity,
      unit_price: lineMoney.unit_price,
      is_tax_inclusive: lineMoney.is_tax_inclusive,
      tax_lines: lineMoney.tax_lines,
      adjustments: lineMoney.adjustments,
      requires_shipping: context.channel === "MFN",
      metadata: {
        amazon_order_item_id: planned.order_item_id,
        amazon_sku: planned.sku,
        asin: amazon.asin,
        ...(amazon.money?.promotion_ids.length ? { amazon_promotion_ids: amazon.money.promotion_ids } : {}),
        ...(amazon.money?.tax_collection ? { amazon_tax_collection: amazon.money.tax_collection } : {}),
      },
    }
  })
  const shippingName = context.shipping_option?.name ?? (context.channel === "AFN" ? "Fulfilled by Amazon" : "Amazon shipping")
  return {
    /** Amazon's order total: what Medusa computes for this order, and the payment captured */
    total: money.total,
    region_id: context.region_id,
    sales_channel_id: context.sales_channel_id,
    customer_id: context.customer_id,
    status: "pending" as const,
    email: input.buyer?.email ?? null,
    currency_code: context.currency_code.toLowerCase(),
    no_notification: true,
    shipping_address: toMedusaAddress(input.buyer, input.ship_country_code),
    items,
    shipping_methods: money.methods.map((method) => ({
      name: method.charge === "SHIPPING" ? shippingName : method.name,
      amount: method.amount,
      shipping_option_id: context.shipping_option?.id ?? null,
      is_tax_inclusive: method.is_tax_inclusive,
      tax_lines: method.tax_lines,
      adjustments: method.adjustments,
      data: method.charge === "SHIPPING" ? {} : { amazon_charge: method.charge },
    })),
    metadata: {
      amazon_order_id: context.amazon_order_id,
      amazon_store_id: context.amazon_store_id,
      amazon_marketplace_id: context.marketplace_id,
      amazon_fulfillment_channel: context.channel,
      amazon_total: money.total,
      amazon_tax_total: money.tax_total,
      amazon_prices_include_tax: money.tax_inclusive,
    },
  }
}
