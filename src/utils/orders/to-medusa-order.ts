import { decimalToNumber, sumDecimals } from "./decimal"
import type { PlannedLine } from "./plan-order-import"
import type { AmazonOrderLine, BuyerData, FulfillmentChannel } from "./types"

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
 * The order module's `createOrders` input for an Amazon order: Amazon's prices (tax included, as Amazon
 * shows them to the buyer), Amazon's shipping charge on the store's default shipping option, the
 * Amazon order item id on each line (confirmShipment needs it back). No tax lines or promotions are
 * computed: the order's total is what Amazon charged.
 */
export function toMedusaOrderInput(input: {
  context: MedusaOrderContext
  buyer: BuyerData | null
  ship_country_code: string | null
  lines: PlannedLine[]
  amazon_lines: AmazonOrderLine[]
  variants: Record<string, VariantForOrder>
}) {
  const { context } = input
  const byItemId = new Map(input.amazon_lines.map((line) => [line.order_item_id, line]))
  const shipping = sumDecimals(input.amazon_lines.map((line) => line.shipping_price))
  const items = input.lines.map((planned) => {
    const amazon = byItemId.get(planned.order_item_id)!
    const variant = input.variants[planned.variant_id]
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
      unit_price: decimalToNumber(amazon.unit_price),
      is_tax_inclusive: true,
      requires_shipping: context.channel === "MFN",
      metadata: { amazon_order_item_id: planned.order_item_id, amazon_sku: planned.sku, asin: amazon.asin },
    }
  })
  return {
    region_id: context.region_id,
    sales_channel_id: context.sales_channel_id,
    customer_id: context.customer_id,
    status: "pending" as const,
    email: input.buyer?.email ?? null,
    currency_code: context.currency_code.toLowerCase(),
    no_notification: true,
    shipping_address: toMedusaAddress(input.buyer, input.ship_country_code),
    items,
    shipping_methods: [
      {
        name: context.shipping_option?.name ?? (context.channel === "AFN" ? "Fulfilled by Amazon" : "Amazon shipping"),
        amount: decimalToNumber(shipping),
        shipping_option_id: context.shipping_option?.id ?? null,
        is_tax_inclusive: true,
        data: {},
      },
    ],
    metadata: {
      amazon_order_id: context.amazon_order_id,
      amazon_store_id: context.amazon_store_id,
      amazon_marketplace_id: context.marketplace_id,
      amazon_fulfillment_channel: context.channel,
    },
  }
}
