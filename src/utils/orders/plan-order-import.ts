import { type FollowPlan, type MedusaOrderLine, NON_AMAZON_CHANNEL, planFollowUp } from "./follow-amazon-order"
import type { AmazonOrderLine, AmazonOrderStatus, FulfillmentChannel, ImportStatus, OrderIssue } from "./types"

export type PlanOrderImportInput = {
  row: {
    amazon_status: AmazonOrderStatus
    fulfillment_channel: FulfillmentChannel
    order_id: string | null
    import_status: ImportStatus
    items: AmazonOrderLine[]
    has_buyer_data: boolean
    /** Amazon's salesChannel.channelName (absent: AMAZON) */
    channel_name?: string
  }
  afn_orders: "import_fulfilled" | "skip"
  /** the Medusa order, once one exists; with its lines, Amazon's later changes are followed */
  medusa_order: { status: string; active_fulfillments: number; lines?: MedusaOrderLine[] } | null
  /** Amazon SKU → Medusa variant id (absent: unknown SKU) */
  variant_ids: Record<string, string | undefined>
  region_id: string | null
  sales_channel_id: string | null
  shipping_option_id: string | null
  has_stock_location: boolean
}

export type PlannedLine = {
  order_item_id: string
  sku: string
  variant_id: string
  quantity: number
  /** units to reserve at import: what the merchant still has to ship (0 for Amazon-fulfilled) */
  reserve_quantity: number
  /** units already shipped when imported (Amazon fulfilled them, or the merchant did outside Medusa) */
  shipped_quantity: number
}

export type OrderImportPlan =
  /** nothing to do: imported and unchanged, or already in its final state */
  | { action: "none" }
  /** Amazon has not completed the order yet (no price, no address, FBA not shipped): try again later */
  | { action: "wait"; import_status: "pending" }
  /** no Medusa order will be made: canceled before import, FBA orders skipped by setting, unfulfillable */
  | { action: "record"; import_status: "canceled" | "skipped" | "imported" }
  /** the merchant must act (map a SKU, pick a region …); the order is imported on the next run or retry after that */
  | { action: "hold"; import_status: "needs_attention"; issues: OrderIssue[] }
  | { action: "create"; lines: PlannedLine[]; channel: FulfillmentChannel }
  /** Amazon canceled an imported order: cancel it in Medusa (reservations released) */
  | { action: "cancel" }
  /** Amazon changed an imported order: lines canceled or changed, units shipped in Seller Central */
  | { action: "follow"; follow: FollowPlan }

const WAITING: readonly AmazonOrderStatus[] = ["PENDING", "PENDING_AVAILABILITY"]

/**
 * What to do with one ledger row, from what Amazon says and what Medusa has. Pure: the step around it
 * loads the facts and carries out the plan.
 */
export function planOrderImport(input: PlanOrderImportInput): OrderImportPlan {
  const { row } = input
  if (row.order_id) return planImported(input)

  if (row.amazon_status === "CANCELLED") {
    return row.import_status === "canceled" ? { action: "none" } : { action: "record", import_status: "canceled" }
  }
  // a multi-channel (MCF) order: Amazon ships for another shop's sale, which that shop already has
  if (row.channel_name === NON_AMAZON_CHANNEL) {
    return row.import_status === "skipped" ? { action: "none" } : { action: "record", import_status: "skipped" }
  }
  if (row.amazon_status === "UNFULFILLABLE") {
    return row.import_status === "skipped" ? { action: "none" } : { action: "record", import_status: "skipped" }
  }
  if (row.fulfillment_channel === "AFN" && input.afn_orders === "skip") {
    return row.import_status === "skipped" ? { action: "none" } : { action: "record", import_status: "skipped" }
  }
  const notReady =
    WAITING.includes(row.amazon_status) ||
    // FBA orders come in once Amazon has shipped them: there is nothing for the merchant to do before
    (row.fulfillment_channel === "AFN" && row.amazon_status !== "SHIPPED") ||
    row.items.some((line) => line.unit_price === null) ||
    (row.fulfillment_channel === "MFN" && !row.has_buyer_data)
  if (notReady) return row.import_status === "pending" ? { action: "none" } : { action: "wait", import_status: "pending" }

  const issues = importIssues(input)
  if (issues.length) return { action: "hold", import_status: "needs_attention", issues }

  const lines = row.items.map((line): PlannedLine => {
    const shipped = row.fulfillment_channel === "AFN" ? line.quantity : Math.min(line.quantity, line.quantity_shipped)
    return {
      order_item_id: line.order_item_id,
      sku: line.sku,
      variant_id: input.variant_ids[line.sku]!,
      quantity: line.quantity,
      reserve_quantity: line.quantity - shipped,
      shipped_quantity: shipped,
    }
  })
  return { action: "create", lines, channel: row.fulfillment_channel }
}

function planImported(input: PlanOrderImportInput): OrderImportPlan {
  const { row, medusa_order } = input
  if (row.amazon_status !== "CANCELLED") return planFollow(input)
  if (!medusa_order || medusa_order.status === "canceled") {
    return row.import_status === "canceled" ? { action: "none" } : { action: "record", import_status: "canceled" }
  }
  if (medusa_order.active_fulfillments > 0 || medusa_order.status === "completed") {
    return {
      action: "hold",
      import_status: "needs_attention",
      issues: [
        {
          code: "canceled_after_fulfillment",
          message:
            "Amazon canceled this order after it was fulfilled or completed in Medusa. Cancel its fulfillments (or handle it as a return), then retry.",
        },
      ],
    }
  }
  return { action: "cancel" }
}

/** An imported order Amazon has not canceled: follow its line changes and Seller Central shipments. */
function planFollow(input: PlanOrderImportInput): OrderImportPlan {
  const { row, medusa_order } = input
  // canceled in Medusa by the merchant while Amazon goes on: Medusa's order is left as the merchant made it
  if (!medusa_order?.lines || medusa_order.status === "canceled") return { action: "none" }
  const follow = planFollowUp({ amazon_lines: row.items, medusa_lines: medusa_order.lines, channel: row.fulfillment_channel })
  if (follow.conflicts.length) {
    return {
      action: "hold",
      import_status: "needs_attention",
      issues: follow.conflicts.map((c) => ({ code: "amazon_change_conflict" as const, message: c.message })),
    }
  }
  if (follow.quantity_changes.length || follow.shipped.length) return { action: "follow", follow }
  // held or failed before, and nothing is left to do: the order stands as imported again
  return row.import_status === "imported" ? { action: "none" } : { action: "record", import_status: "imported" }
}

function importIssues(input: PlanOrderImportInput): OrderIssue[] {
  const issues: OrderIssue[] = []
  const unknown = [...new Set(input.row.items.map((line) => line.sku))].filter((sku) => !input.variant_ids[sku])
  for (const sku of unknown) {
    issues.push({
      code: "unknown_sku",
      sku,
      message: sku
        ? `No variant has the SKU "${sku}". Give a variant this SKU (or link the Amazon listing to one), then retry.`
        : "Amazon sent a line without a seller SKU; map the ASIN's listing to a variant, then retry.",
    })
  }
  if (!input.sales_channel_id) {
    issues.push({ code: "no_sales_channel", message: "The Amazon store has no sales channel. Pick one in Settings → Amazon, then retry." })
  }
  if (!input.region_id) {
    issues.push({
      code: "no_region",
      message: "No Medusa region uses this marketplace's currency. Create one or choose a region for the marketplace in Settings → Amazon, then retry.",
    })
  }
  const reserves = input.row.fulfillment_channel === "MFN" && input.row.items.some((l) => l.quantity > l.quantity_shipped)
  if (input.row.fulfillment_channel === "MFN" && !input.shipping_option_id) {
    issues.push({
      code: "no_shipping_option",
      message: "No shipping option to fulfil Amazon orders with. Choose the default shipping option in the store's order settings, then retry.",
    })
  }
  if (reserves && !input.has_stock_location) {
    issues.push({
      code: "no_stock_location",
      message: "The store's sales channel has no stock location, so stock cannot be reserved. Link the sales channel to a stock location, then retry.",
    })
  }
  return issues
}
