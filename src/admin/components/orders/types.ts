import type { AmazonMarketplaceInfo } from "../../lib/types"

/** The orders routes' answers as the pages read them (kept apart from the server code, as lib/types.ts). */

export type AmazonOrderIssue = { code: string; message: string; sku?: string }

export type AmazonOrderLine = {
  order_item_id: string
  sku: string
  asin: string | null
  title: string | null
  quantity: number
  unit_price: string | null
}

export type AmazonShipment = {
  id: string
  fulfillment_id: string
  package_reference_id: string
  carrier_code: string
  carrier_name: string | null
  tracking_number: string
  ship_date: string
  status: "pending" | "sending" | "confirmed" | "failed"
  attempts: number
  next_attempt_at: string | null
  error: { code?: string; message?: string } | null
  confirmed_at: string | null
}

export type AmazonOrder = {
  id: string
  store_id: string
  marketplace_id: string
  amazon_order_id: string
  order_id: string | null
  order?: { id: string; display_id: number; status: string } | null
  amazon_status: string
  fulfillment_channel: "MFN" | "AFN"
  import_status: "pending" | "importing" | "imported" | "needs_attention" | "skipped" | "canceled" | "failed"
  issues: AmazonOrderIssue[] | null
  currency_code: string | null
  total: number | string | null
  items: AmazonOrderLine[] | null
  purchased_at: string | null
  delivered_at: string | null
  buyer_data_purged_at: string | null
  /** AMAZON, or NON_AMAZON for multi-channel (MCF) orders (never imported) */
  channel_name?: string
  /** the buyer asked Amazon to cancel: the merchant must not ship */
  buyer_cancel_request?: { reason: string | null; order_item_ids: string[] } | null
  /** when a held or failed import is tried again by itself */
  next_attempt_at?: string | null
  marketplace: AmazonMarketplaceInfo | null
  shipment_status: "none" | "pending" | "confirmed" | "failed"
  shipments?: AmazonShipment[]
}

export type AmazonOrdersResponse = { amazon_orders: AmazonOrder[]; count: number; limit: number; offset: number }
