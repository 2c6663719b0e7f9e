import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { AmazonOrderFollowUp } from "../../../utils/orders/follow-amazon-order"
import type { AmazonOrderRecord } from "../../../utils/orders/types"

/**
 * A mapped order with its buyer data already sealed: nothing in workflow storage is readable PII. The
 * follow-up facts (channel, buyer cancellation request) come from the same Amazon order.
 */
export type SealedAmazonOrder = AmazonOrderRecord & Partial<AmazonOrderFollowUp> & { buyer_data_ciphertext: string | null }

export type UpsertAmazonOrdersInput = { store_id: string; orders: SealedAmazonOrder[] }

const TRACKED = [
  "amazon_status",
  "fulfillment_channel",
  "currency_code",
  "total",
  "items",
  "order_charges",
  "amazon_updated_at",
  "latest_delivery_at",
  "ship_country_code",
  "buyer_data_ciphertext",
  "channel_name",
  "buyer_cancel_request",
  "attempts",
  "next_attempt_at",
] as const

type Snapshot = { id: string } & Record<(typeof TRACKED)[number], unknown>

const time = (value: unknown) => (value ? new Date(value as string).getTime() : 0)

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`
  return /23505|unique|already exists/i.test(text)
}

/**
 * Writes one page of Amazon orders into the ledger. The unique key (store, amazon_order_id) makes this
 * exactly-once: a row that exists is updated only when Amazon changed the order since, and a create that
 * loses a race to another process becomes an update. Buyer data of a row already purged is never written
 * back. Returns the rows that are new or changed — the ones that may need a Medusa order or an update.
 * Compensation: deletes the rows it created and restores the ones it changed.
 */
export const upsertAmazonOrdersStep = createStep(
  "amazon-upsert-orders",
  async (input: UpsertAmazonOrdersInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (!input.orders.length) return new StepResponse({ changed_ids: [] as string[] }, { created: [], restored: [] })

    const ids = input.orders.map((o) => o.amazon_order_id)
    const existing = await amazon.listAmazonOrders(
      { store_id: input.store_id, amazon_order_id: ids },
      { select: ["id", "amazon_order_id", "buyer_data_purged_at", ...TRACKED], withDeleted: true, take: ids.length }
    )
    const byAmazonId = new Map(existing.map((row) => [row.amazon_order_id, row]))

    const toCreate = input.orders.filter((o) => !byAmazonId.has(o.amazon_order_id))
    const toUpdate: Array<{ order: SealedAmazonOrder; row: (typeof existing)[number] }> = []
    for (const order of input.orders) {
      const row = byAmazonId.get(order.amazon_order_id)
      if (!row || (row as { deleted_at?: unknown }).deleted_at) continue
      const newer = time(order.amazon_updated_at) > time(row.amazon_updated_at)
      if (newer || order.amazon_status !== row.amazon_status) toUpdate.push({ order, row })
    }

    const created: string[] = []
    const lostRaces: SealedAmazonOrder[] = []
    const createRows = toCreate.map((order) => ({ ...order, store_id: input.store_id, import_status: "pending" as const }))
    try {
      created.push(...((await amazon.createAmazonOrders(createRows as never)) as unknown as Array<{ id: string }>).map((row) => row.id))
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      // another process inserted some of them in between: one by one, the losers become updates
      for (const row of createRows) {
        try {
          created.push(((await amazon.createAmazonOrders(row as never)) as unknown as { id: string }).id)
        } catch (inner) {
          if (!isUniqueViolation(inner)) throw inner
          lostRaces.push(row)
        }
      }
    }
    if (lostRaces.length) {
      const raced = await amazon.listAmazonOrders(
        { store_id: input.store_id, amazon_order_id: lostRaces.map((o) => o.amazon_order_id) },
        { select: ["id", "amazon_order_id", "buyer_data_purged_at", ...TRACKED] }
      )
      for (const row of raced) toUpdate.push({ order: lostRaces.find((o) => o.amazon_order_id === row.amazon_order_id)!, row })
    }

    const restored: Snapshot[] = []
    if (toUpdate.length) {
      restored.push(...toUpdate.map(({ row }) => Object.fromEntries([["id", row.id], ...TRACKED.map((k) => [k, row[k]])]) as Snapshot))
      await amazon.updateAmazonOrders(
        toUpdate.map(({ order, row }) => {
          const { buyer_data_ciphertext, amazon_order_id: _id, marketplace_id: _m, purchased_at: _p, ...fields } = order
          return {
            id: row.id,
            ...fields,
            // Amazon changed the order: it is worked on now, whatever backoff its earlier tries had
            attempts: 0,
            next_attempt_at: null,
            // purged means purged: a later update from Amazon does not bring the buyer back
            ...(row.buyer_data_purged_at || !buyer_data_ciphertext ? {} : { buyer_data_ciphertext }),
          }
        }) as never
      )
    }
    return new StepResponse(
      { changed_ids: [...created, ...toUpdate.map(({ row }) => row.id)] },
      { created, restored }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.created.length) await amazon.deleteAmazonOrders(undo.created)
    if (undo.restored.length) await amazon.updateAmazonOrders(undo.restored as never)
  }
)
