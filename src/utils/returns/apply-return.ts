import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  receiveItemReturnRequestWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { matchReturnLines, type OrderItemFacts } from "./match-return-lines"

export type AmazonReturnLine = { sku: string; asin?: string | null; quantity: number; reason?: string | null; amazon_order_item_id?: string | null; medusa_item_id?: string | null }

export type AmazonReturnRow = {
  id: string
  store_id: string
  marketplace_id: string
  amazon_rma_id: string
  amazon_order_id: string
  medusa_order_id: string | null
  lines: AmazonReturnLine[]
  status: "authorized" | "received" | "rejected"
  amazon_status: string | null
  refunded_amount: string | null
  received_at: Date | null
  medusa_return_id: string | null
  medusa_status: "requested" | "received" | null
  attempts: number
}

export type ApplyOutcome = { requested: boolean; received: boolean; error?: string; code?: string }

type MedusaReturn = { id: string; status: string; order_id: string; metadata?: Record<string, unknown> | null; items?: Array<{ item_id: string; quantity: number }> }

/**
 * Brings one amazon_return row to Medusa with Medusa's own return flows, never with money:
 *   no Medusa return yet → beginReturnOrder (metadata.amazon_return_id = the row) → its id written to the row at once →
 *   requestItemReturn (the lines, matched by SKU) → confirmReturnRequest: the return is *requested*;
 *   Amazon says received → beginReceiveReturn → receiveItemReturnRequest → confirmReturnReceive: *received*
 *   (stock comes back at the return's location, as for any Medusa return).
 * No refund_amount anywhere and no refund workflow: money for a return is what Amazon refunds, recorded from Finances.
 * Each stage looks at where the Medusa return stands first, so a run cut short anywhere continues without a second
 * return or a second receipt. A row that cannot go (order not imported, unknown SKU, more units than shipped) keeps
 * the reason in `error` and is tried again next run.
 */
export async function applyAmazonReturn(container: MedusaContainer, row: AmazonReturnRow): Promise<ApplyOutcome> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const outcome: ApplyOutcome = { requested: false, received: false }
  const hold = async (code: string, error: string, extra: Record<string, unknown> = {}) => {
    await amazon.updateAmazonReturns({ id: row.id, error, attempts: (row.attempts ?? 0) + 1, ...extra } as never)
    return { ...outcome, code, error }
  }
  try {
    const [order] = (await amazon.listAmazonOrders({ store_id: row.store_id, amazon_order_id: row.amazon_order_id }, { select: ["id", "order_id", "import_status"] })) as Array<{
      order_id: string | null
      import_status: string
    }>
    if (!order?.order_id) {
      return await hold(
        "order_not_imported",
        `Amazon order ${row.amazon_order_id} of return ${row.amazon_rma_id} is not in Medusa${order ? ` (import: ${order.import_status})` : " (never imported by this store)"}; the return waits for it.`
      )
    }
    const facts = await orderFacts(container, order.order_id)
    let medusaReturn = await findMedusaReturn(container, row, facts.returns)

    if (!medusaReturn) {
      const match = matchReturnLines(row.lines, facts.items)
      if (!match.ok) return await hold("unmatched_lines", `Return ${row.amazon_rma_id} of Amazon order ${row.amazon_order_id}: ${match.reason}`, { medusa_order_id: order.order_id })
      const { result: change } = await beginReturnOrderWorkflow(container).run({
        input: {
          order_id: order.order_id,
          location_id: facts.location_id ?? undefined,
          internal_note: `Amazon return ${row.amazon_rma_id}`,
          metadata: { amazon_return_id: row.id, amazon_rma_id: row.amazon_rma_id },
        },
      })
      // the Medusa return's id is on the row before anything else happens to it
      const returnId = (change as unknown as { return_id: string }).return_id
      await amazon.updateAmazonReturns({ id: row.id, medusa_order_id: order.order_id, medusa_return_id: returnId, lines: match.lines } as never)
      row = { ...row, medusa_order_id: order.order_id, medusa_return_id: returnId, lines: match.lines }
      medusaReturn = { id: returnId, status: "open", order_id: order.order_id }
    }

    if (medusaReturn.status === "open") {
      const change = await activeChange(container, medusaReturn)
      const hasItems = (change?.actions ?? []).some((a) => a.action === "RETURN_ITEM")
      if (!hasItems) {
        const lines = row.lines.every((l) => l.medusa_item_id) ? row.lines : (() => {
          const m = matchReturnLines(row.lines, facts.items)
          if (!m.ok) throw new HeldError("unmatched_lines", `Return ${row.amazon_rma_id} of Amazon order ${row.amazon_order_id}: ${m.reason}`)
          return m.lines
        })()
        await requestItemReturnWorkflow(container).run({
          input: {
            return_id: medusaReturn.id,
            items: lines.map((l) => ({ id: l.medusa_item_id!, quantity: l.quantity, internal_note: l.reason ? `Amazon reason ${l.reason}` : undefined })),
          },
        })
      }
      await confirmReturnRequestWorkflow(container).run({ input: { return_id: medusaReturn.id } })
      medusaReturn = { ...medusaReturn, status: "requested" }
      outcome.requested = true
    }
    if (row.medusa_status !== "requested" && row.medusa_status !== "received") {
      await amazon.updateAmazonReturns({ id: row.id, medusa_status: "requested", medusa_order_id: order.order_id, error: null } as never)
    }

    if (row.status === "received" && (medusaReturn.status === "requested" || medusaReturn.status === "partially_received")) {
      const change = await activeChange(container, medusaReturn)
      if (!change) await beginReceiveReturnWorkflow(container).run({ input: { return_id: medusaReturn.id, internal_note: `Received (Amazon return ${row.amazon_rma_id})` } })
      const receiving = change ?? (await activeChange(container, medusaReturn))
      const hasReceipts = (receiving?.actions ?? []).some((a) => a.action === "RECEIVE_RETURN_ITEM" || a.action === "RECEIVE_DAMAGED_RETURN_ITEM")
      if (!hasReceipts) {
        const items = await returnItems(container, medusaReturn.id)
        await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: medusaReturn.id, items: items.map((i) => ({ id: i.item_id, quantity: i.quantity })) } })
      }
      await confirmReturnReceiveWorkflow(container).run({ input: { return_id: medusaReturn.id } })
      medusaReturn = { ...medusaReturn, status: "received" }
      outcome.received = true
    }
    if (medusaReturn.status === "received" && row.medusa_status !== "received") {
      await amazon.updateAmazonReturns({ id: row.id, medusa_status: "received", error: null } as never)
    }
    return outcome
  } catch (error) {
    if (error instanceof HeldError) return await hold(error.code, error.message)
    return await hold("medusa_error", `Return ${row.amazon_rma_id} of Amazon order ${row.amazon_order_id} could not be recorded in Medusa: ${(error as Error).message}`)
  }
}

class HeldError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

/** The order's items (what can still be returned), the location its items left from, and its returns. */
async function orderFacts(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "sales_channel_id",
      "items.id",
      "items.variant_sku",
      "items.metadata",
      "items.detail.quantity",
      "items.detail.shipped_quantity",
      "items.detail.fulfilled_quantity",
      "items.detail.return_requested_quantity",
      "items.detail.return_received_quantity",
      "items.detail.return_dismissed_quantity",
      "fulfillments.location_id",
      "returns.id",
      "returns.status",
      "returns.metadata",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as {
    sales_channel_id: string | null
    items: Array<{ id: string; variant_sku: string | null; metadata: Record<string, unknown> | null; detail: Record<string, unknown> }>
    fulfillments?: Array<{ location_id: string | null }>
    returns?: MedusaReturn[]
  }
  const items: OrderItemFacts[] = order.items.map((i) => ({
    id: i.id,
    sku: (i.metadata?.amazon_sku as string | undefined) ?? i.variant_sku ?? null,
    variant_sku: i.variant_sku,
    amazon_order_item_id: (i.metadata?.amazon_order_item_id as string | undefined) ?? null,
    returnable: Math.max(0, Math.max(n(i.detail?.shipped_quantity), n(i.detail?.fulfilled_quantity)) - n(i.detail?.return_requested_quantity) - n(i.detail?.return_received_quantity) - n(i.detail?.return_dismissed_quantity)),
  }))
  let location_id = order.fulfillments?.find((f) => f.location_id)?.location_id ?? null
  if (!location_id && order.sales_channel_id) {
    const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: order.sales_channel_id } })
    location_id = (channels[0] as { stock_locations?: Array<{ id: string }> })?.stock_locations?.[0]?.id ?? null
  }
  return { items, location_id, returns: order.returns ?? [] }
}

/** The row's Medusa return: by the id on the row, else (a run cut short after beginReturnOrder) by its metadata. */
async function findMedusaReturn(container: MedusaContainer, row: AmazonReturnRow, returns: MedusaReturn[]): Promise<MedusaReturn | null> {
  const found = returns.find((r) => r.id === row.medusa_return_id) ?? returns.find((r) => r.metadata?.amazon_return_id === row.id)
  if (!found || found.status === "canceled") return null
  if (found.id !== row.medusa_return_id) {
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonReturns({ id: row.id, medusa_return_id: found.id } as never)
  }
  return found
}

async function activeChange(container: MedusaContainer, ret: MedusaReturn) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_change",
    fields: ["id", "status", "change_type", "actions.action"],
    filters: { order_id: ret.order_id, return_id: ret.id, status: ["pending", "requested"] },
  })
  return (data[0] as { id: string; actions?: Array<{ action: string }> } | undefined) ?? null
}

async function returnItems(container: MedusaContainer, returnId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "return", fields: ["items.item_id", "items.quantity", "items.received_quantity"], filters: { id: returnId } })
  const items = ((data[0] as { items?: Array<{ item_id: string; quantity: number; received_quantity: number }> })?.items ?? [])
  return items.map((i) => ({ item_id: i.item_id, quantity: n(i.quantity) - n(i.received_quantity) })).filter((i) => i.quantity > 0)
}

/** A quantity as query.graph gives it: a number, a numeric string, or a BigNumber ({ numeric } / { value }). */
function n(value: unknown): number {
  if (value && typeof value === "object") {
    const big = value as { numeric?: unknown; value?: unknown }
    return n(big.numeric ?? big.value)
  }
  return Number(value ?? 0) || 0
}

