import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { MALFORMED_ORDER } from "../../../utils/orders/map-amazon-order"
import type { AmazonOrderStatus } from "../../../utils/orders/types"

/** An order Amazon sent in a shape we cannot read, with what could still be told about it. */
export type QuarantinedOrder = {
  amazon_order_id: string
  marketplace_id: string
  amazon_status: AmazonOrderStatus | null
  purchased_at: Date | string | null
  /** for the store owner: what is wrong (malformedOrderMessage) */
  message: string
}

export type QuarantineAmazonOrdersInput = { store_id: string; orders: QuarantinedOrder[] }

type Snapshot = { id: string; import_status: string; issues: unknown; amazon_updated_at: unknown }

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`
  return /23505|unique|already exists/i.test(text)
}

/**
 * Stores orders Amazon sent malformed as failed ledger rows (issue "malformed_order" with what is wrong),
 * so the rest of their page can be committed and the cursor move on: one unreadable order must not stop a
 * marketplace's import for good. A new row gets the identity Amazon gave (id, marketplace, status, date);
 * a row not yet imported is marked failed and keeps its data; an imported one (or one being imported) is
 * left alone — its Medusa order stands — and reported as kept. `amazon_updated_at` is cleared, so the next well-formed copy from
 * Amazon — a later page, or the refetch of a run or retry — is always written over it.
 * Compensation: deletes the rows it created and restores the ones it marked.
 */
export const quarantineAmazonOrdersStep = createStep(
  "amazon-quarantine-orders",
  async (input: QuarantineAmazonOrdersInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const result = { quarantined_ids: [] as string[], kept_ids: [] as string[] }
    if (!input.orders.length) return new StepResponse(result, { created: [] as string[], restored: [] as Snapshot[] })

    const find = (ids: string[]) =>
      amazon.listAmazonOrders(
        { store_id: input.store_id, amazon_order_id: ids },
        { select: ["id", "amazon_order_id", "order_id", "import_status", "issues", "amazon_updated_at"], withDeleted: true, take: ids.length }
      )
    const existing = new Map((await find(input.orders.map((o) => o.amazon_order_id))).map((row) => [row.amazon_order_id, row]))
    const created: string[] = []
    const toMark: Array<{ order: QuarantinedOrder; row: { id: string } & Record<string, unknown> }> = []

    for (const order of input.orders) {
      const issues = [{ code: MALFORMED_ORDER, message: order.message }]
      const row = existing.get(order.amazon_order_id)
      if (!row) {
        try {
          const [made] = (await amazon.createAmazonOrders([
            {
              store_id: input.store_id,
              amazon_order_id: order.amazon_order_id,
              marketplace_id: order.marketplace_id,
              // unreadable status: it waits like a pending order until Amazon sends it readable
              amazon_status: order.amazon_status ?? "PENDING",
              import_status: "failed",
              issues,
              purchased_at: order.purchased_at ? new Date(order.purchased_at) : null,
            },
          ] as never)) as unknown as Array<{ id: string }>
          created.push(made.id)
          result.quarantined_ids.push(made.id)
          continue
        } catch (error) {
          if (!isUniqueViolation(error)) throw error
          // another process stored it in between: mark that row instead
          const [raced] = await find([order.amazon_order_id])
          if (!raced) throw error
          existing.set(order.amazon_order_id, raced)
          toMark.push({ order, row: raced as never })
          continue
        }
      }
      if ((row as { deleted_at?: unknown }).deleted_at) continue
      toMark.push({ order, row: row as never })
    }

    const restored: Snapshot[] = []
    const updates: Array<Record<string, unknown>> = []
    for (const { order, row } of toMark) {
      // imported, or being imported (a crash's leftover the next run recovers): its Medusa order stands
      if (row.order_id || row.import_status === "importing") {
        result.kept_ids.push(row.id)
        continue
      }
      restored.push({ id: row.id, import_status: row.import_status as string, issues: row.issues ?? null, amazon_updated_at: row.amazon_updated_at ?? null })
      updates.push({ id: row.id, import_status: "failed", issues: [{ code: MALFORMED_ORDER, message: order.message }], amazon_updated_at: null })
      result.quarantined_ids.push(row.id)
    }
    if (updates.length) await amazon.updateAmazonOrders(updates as never)
    return new StepResponse(result, { created, restored })
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.created.length) await amazon.deleteAmazonOrders(undo.created)
    if (undo.restored.length) await amazon.updateAmazonOrders(undo.restored as never)
  }
)
