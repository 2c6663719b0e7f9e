/**
 * Shapes shared by the order mapping functions. None of them carries buyer
 * data except `BuyerData`, which only ever exists sealed at rest
 * (amazon_order.buyer_data_ciphertext) or inside one step.
 */

export type FulfillmentChannel = "MFN" | "AFN"

/** Amazon's fulfillment status (Orders API 2026-01-01 `FulfillmentStatus`). */
export type AmazonOrderStatus =
  | "PENDING_AVAILABILITY"
  | "PENDING"
  | "UNSHIPPED"
  | "PARTIALLY_SHIPPED"
  | "SHIPPED"
  | "CANCELLED"
  | "UNFULFILLABLE"

export type ImportStatus = "pending" | "importing" | "imported" | "needs_attention" | "skipped" | "canceled" | "failed"

/** One line of an Amazon order as amazon_order.items keeps it (no buyer data). */
export type AmazonOrderLine = {
  order_item_id: string
  sku: string
  asin: string | null
  title: string | null
  quantity: number
  /** Amazon's unit price, a decimal string in the order's currency (null while Amazon has none) */
  unit_price: string | null
  /** shipping Amazon charged for this line (decimal string), "0" when none */
  shipping_price: string
  quantity_shipped: number
  /** what Amazon's proceeds say this line costs (absent on rows stored before proceeds were read) */
  money?: AmazonLineMoney
}

/** The charges Amazon breaks an order item's proceeds into (ItemProceedsBreakdown types other than TAX and DISCOUNT). */
export type AmazonChargeType = "ITEM" | "SHIPPING" | "GIFT_WRAP" | "COD_FEE" | "OTHER"

/**
 * One order item's money as Amazon's proceeds break it down (Orders API 2026-01-01 `ItemProceeds`),
 * decimal strings in the order's currency. Everything the Medusa order's prices, tax lines and
 * adjustments are made from (order-money.ts).
 */
export type AmazonLineMoney = {
  /** ITEM, SHIPPING, GIFT_WRAP, COD_FEE, OTHER subtotals as Amazon sent them (ITEM is the whole line: unit price × quantity, after quantity pricing) */
  charges: Partial<Record<AmazonChargeType, string>>
  /** TAX, by the charge it is on (its detailedBreakdowns' subtypes; TAX without detail is on ITEM) */
  taxes: Partial<Record<AmazonChargeType, string>>
  /** DISCOUNT, by the charge it reduces, as positive amounts (without detail: on ITEM) */
  discounts: Partial<Record<AmazonChargeType, string>>
  /** Amazon's proceedsTotal of the line: what the lines' money must add up to */
  total: string | null
  /** promotion ids of the line's DISCOUNT (PROMOTION dataset) */
  promotion_ids: string[]
  /** "MARKETPLACE_FACILITATOR" when Amazon collects and remits the line's tax itself (TAX dataset) */
  tax_collection: string | null
}

/** A charge of the whole order that no item carries (OrderProceedsBreakdown DELIVERY_TIP, or what the lines leave unexplained). */
export type AmazonOrderCharge = { type: string; amount: string }

/** Why an order waits, in words a store owner can act on. */
export type OrderIssue = {
  code:
    | "unknown_sku"
    | "no_region"
    | "no_sales_channel"
    | "no_shipping_option"
    | "no_stock_location"
    | "no_price"
    | "canceled_after_fulfillment"
    /** Amazon lowered a line below what Medusa already fulfilled */
    | "amazon_change_conflict"
    | "import_failed"
    | "malformed_order"
  message: string
  sku?: string
}

/** What the ledger row holds about an order, from one Amazon `Order`. */
export type AmazonOrderRecord = {
  amazon_order_id: string
  marketplace_id: string
  amazon_status: AmazonOrderStatus
  fulfillment_channel: FulfillmentChannel
  currency_code: string | null
  /** decimal string */
  total: string | null
  items: AmazonOrderLine[]
  /** charges of the whole order beyond its lines' (a delivery tip); empty when the lines add up to `total` */
  order_charges: AmazonOrderCharge[]
  purchased_at: Date
  amazon_updated_at: Date
  latest_delivery_at: Date | null
  ship_country_code: string | null
}

/** Buyer name, e-mail, phone and shipping address: personal data (DPP), sealed at rest, purged 30 days after delivery. */
export type BuyerData = {
  name: string | null
  email: string | null
  phone: string | null
  company: string | null
  address: {
    address_1: string | null
    address_2: string | null
    address_3: string | null
    city: string | null
    district: string | null
    province: string | null
    postal_code: string | null
    country_code: string | null
  } | null
}
