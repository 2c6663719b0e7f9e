import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { SYSTEM_PAYMENT_PROVIDER } from "../../workflows/orders/steps/load-amazon-refund"
import { formatDecimal, parseDecimal } from "../orders/decimal"
import { FinancesV0EventSource, inboundWindow } from "./finance-event-source"
import { type FinanceEventSource, type InboundRefundEvent, matchOutbound, type OutboundLedgerRow } from "./finance-events"
import { decideRefund, echoCandidates, inboundRow, medusaRefundNote } from "./inbound-ledger"

/**
 * Amazon → Medusa refunds, exactly once. One pass for a store, under the store's lock:
 *
 * 1. read: every page of Finances refund events (RefundEventList, GuaranteeClaimEventList = A-to-z,
 *    ChargebackEventList) posted in [cursor − 72 h, now − 3 min) — Amazon posts refunds up to ~48 h late and refuses
 *    a PostedBefore within 2 minutes of its now.
 * 2. ledger: each event becomes one `amazon_refund` row (direction in) keyed by Amazon's event identity
 *    (source_ref, unique per store and direction): a rerun or an overlapping window finds the row and writes nothing.
 *    The event that is Amazon's echo of our own accepted/sent adjustment (same order, items and amounts, posted
 *    after ours) is written as `recorded` with `echo_of` = the outbound row: no second Medusa refund, not counted
 *    twice by the planner. Rows are written under the order's refund lock, the one the outbound planner takes.
 * 3. cursor: advanced to the window's end only after every event of it is in the ledger.
 * 4. Medusa: every `planned` inbound row of the store (this pass's and those a crash or a not-yet-imported order
 *    left) is recorded with refundPaymentWorkflow on the order's system-provider payment, capped at what is left
 *    on it. The refund's note names the ledger row, so a crash between the refund and the row's update is found
 *    on the next pass instead of refunding again.
 */

export type InboundSyncResult = {
  store_id: string
  window: { postedAfter: string; postedBefore: string } | null
  events: number
  new_rows: number
  duplicates: number
  echoes: number
  recorded: number
  capped: number
  not_recorded: number
  waiting: number
  errors: string[]
}

/** Amazon refuses a window wider than 180 days (the page comes back empty): a long-idle store catches up in steps. */
const MAX_WINDOW_MS = 179 * 86_400_000

type RefundRow = {
  id: string
  store_id: string
  marketplace_id: string | null
  direction: "in" | "out"
  kind: "refund" | "cancel"
  source_ref: string
  amazon_order_id: string
  medusa_order_id: string | null
  medusa_refund_id: string | null
  status: string
  lines: OutboundLedgerRow["lines"]
  currency: string | null
  amount: string | null
  note: string | null
  echo_of: string | null
  feed_document_id: string | null
  error: string | null
  created_at: Date | string
}

const ROW_FIELDS = [
  "id", "store_id", "marketplace_id", "direction", "kind", "source_ref", "amazon_order_id", "medusa_order_id",
  "medusa_refund_id", "status", "lines", "currency", "amount", "note", "echo_of", "feed_document_id", "error", "created_at",
]

const amazonOf = (scope: MedusaContainer) => scope.resolve<AmazonModuleService>(AMAZON_MODULE)
const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** One pass for one store (see above). `now` is Amazon's now (tests pass the sandbox's clock). */
export async function syncInboundRefunds(
  scope: MedusaContainer,
  input: { storeId: string; now?: Date; source?: FinanceEventSource }
): Promise<InboundSyncResult> {
  const result: InboundSyncResult = {
    store_id: input.storeId, window: null, events: 0, new_rows: 0, duplicates: 0, echoes: 0, recorded: 0, capped: 0, not_recorded: 0, waiting: 0, errors: [],
  }
  const locking = scope.resolve(Modules.LOCKING)
  await locking.execute(
    `amazon:finances:${input.storeId}`,
    async () => {
      await readEvents(scope, input, result).catch(async (error: unknown) => {
        result.errors.push(`Finances events not read: ${message(error)}`)
        await amazonOf(scope).updateAmazonStores({ id: input.storeId, finances_error: message(error) } as never)
      })
      // what Amazon refunded is recorded in Medusa even when reading failed this time (rows of earlier passes)
      await recordPlanned(scope, input.storeId, result)
    },
    { timeout: 120 }
  )
  return result
}

async function readEvents(scope: MedusaContainer, input: { storeId: string; now?: Date; source?: FinanceEventSource }, result: InboundSyncResult) {
  const amazon = amazonOf(scope)
  const store = (await amazon.retrieveAmazonStore(input.storeId, { select: ["id", "finances_cursor"] as never })) as unknown as { finances_cursor: Date | string | null }
  const now = input.now ?? new Date()
  const window = inboundWindow(store.finances_cursor ? new Date(store.finances_cursor) : null, now)
  if (Date.parse(window.postedBefore) - Date.parse(window.postedAfter) > MAX_WINDOW_MS) {
    window.postedBefore = new Date(Date.parse(window.postedAfter) + MAX_WINDOW_MS).toISOString()
  }
  result.window = window
  const source = input.source ?? new FinancesV0EventSource((await amazon.getStoreSpApiClient(input.storeId)).financesV0)
  for await (const page of source.listRefundEvents(window)) {
    // oldest first: an echo is matched to the oldest adjustment it fits
    for (const event of [...page].sort((a, b) => a.posted_at.localeCompare(b.posted_at))) {
      result.events++
      await ingestEvent(scope, input.storeId, event, result)
    }
  }
  // every event of the window is in the ledger: only now does the cursor move
  await amazon.updateAmazonStores({ id: input.storeId, finances_cursor: new Date(window.postedBefore), finances_synced_at: now, finances_error: null } as never)
}

async function ingestEvent(scope: MedusaContainer, storeId: string, event: InboundRefundEvent, result: InboundSyncResult) {
  const amazon = amazonOf(scope)
  const bySource = () => amazon.listAmazonRefunds({ store_id: storeId, direction: "in", source_ref: event.source_ref }, { select: ["id"] })
  if ((await bySource()).length) {
    result.duplicates++
    return
  }
  const [order] = (await amazon.listAmazonOrders({ store_id: storeId, amazon_order_id: event.amazon_order_id }, { select: ["marketplace_id", "order_id"] })) as Array<{ marketplace_id: string; order_id: string | null }>
  const locking = scope.resolve(Modules.LOCKING)
  // the outbound planner takes these locks too (the order's lock, then the ledger's advisory lock inside one
  // transaction): an item is never planned out while Amazon's refund of it is being written
  let outcome = "duplicate" as "new" | "echo" | "duplicate"
  await locking.execute(
    `amazon:refund:${storeId}:${event.amazon_order_id}`,
    async () => {
      try {
        outcome = await amazon.withOrderLedgerLock(storeId, event.amazon_order_id, async (rows, create) => {
          const ledger = rows as unknown as RefundRow[]
          if (ledger.some((r) => r.direction === "in" && r.source_ref === event.source_ref)) return "duplicate" as const
          const { outbound, taken } = echoCandidates(ledger)
          const echo = matchOutbound(event, outbound, taken)
          await create(
            inboundRow(event, { storeId, marketplaceId: order?.marketplace_id ?? null, medusaOrderId: order?.order_id ?? null, echoOf: echo?.id ?? null }) as never
          )
          return echo ? ("echo" as const) : ("new" as const)
        })
      } catch (error) {
        // written meanwhile by another pass (the unique source_ref): the same event, once
        if (!(await bySource()).length) throw error
        outcome = "duplicate"
      }
    },
    { timeout: 30 }
  )
  if (outcome === "duplicate") result.duplicates++
  else result.new_rows++
  if (outcome === "echo") result.echoes++
}

const num = (value: unknown): string => {
  if (value && typeof value === "object") {
    const v = value as { numeric?: unknown; value?: unknown }
    return String(v.value ?? v.numeric ?? 0)
  }
  return String(value ?? 0)
}
const micros = (value: unknown) => parseDecimal(num(value)) ?? 0n

type Payment = {
  id: string
  provider_id: string
  amount: unknown
  captures?: Array<{ amount: unknown } | null> | null
  refunds?: Array<{ id: string; note?: string | null; amount: unknown } | null> | null
}

async function recordPlanned(scope: MedusaContainer, storeId: string, result: InboundSyncResult) {
  const amazon = amazonOf(scope)
  const planned = (await amazon.listAmazonRefunds(
    { store_id: storeId, direction: "in", status: "planned" },
    { select: ROW_FIELDS as never, order: { posted_at: "ASC" } }
  )) as unknown as RefundRow[]
  // the Amazon orders of rows not linked yet, in one query per 500 (a new store's first pass may hold many refunds
  // of orders it never imported: they wait without a query each on every pass)
  const unlinked = [...new Set(planned.filter((r) => !r.medusa_order_id).map((r) => r.amazon_order_id))]
  const orders = new Map<string, { marketplace_id: string; order_id: string | null }>()
  for (let i = 0; i < unlinked.length; i += 500) {
    const found = (await amazon.listAmazonOrders(
      { store_id: storeId, amazon_order_id: unlinked.slice(i, i + 500) },
      { select: ["amazon_order_id", "marketplace_id", "order_id"] }
    )) as Array<{ amazon_order_id: string; marketplace_id: string; order_id: string | null }>
    for (const o of found) orders.set(o.amazon_order_id, o)
  }
  for (const row of planned) {
    try {
      await recordInbound(scope, row, orders.get(row.amazon_order_id) ?? null, result)
    } catch (error) {
      await amazon.updateAmazonRefunds({ id: row.id, error: `Not recorded in Medusa yet: ${message(error)}` })
      result.errors.push(`${row.id}: ${message(error)}`)
    }
  }
}

/** One planned inbound row → its Medusa refund, once (the row is the guard; the refund's note names the row). */
async function recordInbound(
  scope: MedusaContainer,
  row: RefundRow,
  order: { marketplace_id: string; order_id: string | null } | null,
  result: InboundSyncResult
) {
  const amazon = amazonOf(scope)
  let orderId = row.medusa_order_id
  if (!orderId) {
    if (!order?.order_id) {
      const waiting = `Amazon order ${row.amazon_order_id} is not imported into Medusa (yet): the refund is recorded once it is.`
      if (row.error !== waiting) await amazon.updateAmazonRefunds({ id: row.id, error: waiting })
      result.waiting++
      return
    }
    orderId = order.order_id
    await amazon.updateAmazonRefunds({ id: row.id, medusa_order_id: orderId, marketplace_id: row.marketplace_id ?? order.marketplace_id })
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const note = medusaRefundNote(row.id)
  const readPayments = async () => {
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.amount",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.id", "payment_collections.payments.refunds.note", "payment_collections.payments.refunds.amount",
      ],
      filters: { id: orderId },
    })
    return ((data[0]?.payment_collections ?? []) as Array<{ payments?: Array<Payment | null> | null } | null>).flatMap((c) => c?.payments ?? []).filter(Boolean) as Payment[]
  }
  const payments = await readPayments()
  // recorded before a crash cut the ledger update short
  const done = payments.flatMap((p) => p.refunds ?? []).find((r) => r?.note === note)
  if (done) {
    await amazon.updateAmazonRefunds({ id: row.id, status: "recorded", medusa_refund_id: done.id, error: null })
    result.recorded++
    return
  }
  const left = (p: Payment) => (p.captures ?? []).reduce((n, c) => n + micros(c?.amount), 0n) - (p.refunds ?? []).reduce((n, r) => n + micros(r?.amount), 0n)
  const system = payments.filter((p) => p.provider_id === SYSTEM_PAYMENT_PROVIDER).sort((a, b) => (left(b) > left(a) ? 1 : left(b) < left(a) ? -1 : 0))
  if (!system.length) {
    await amazon.updateAmazonRefunds({
      id: row.id,
      status: "recorded",
      medusa_refund_id: "none",
      error: "Amazon refunded the buyer, but the order has no payment recorded through Medusa's system provider: record the refund on the order by hand.",
    })
    result.not_recorded++
    return
  }
  const payment = system[0]
  const decision = decideRefund(row.amount, formatDecimal(left(payment)), row.currency)
  if (!decision.refund) {
    await amazon.updateAmazonRefunds({ id: row.id, status: "recorded", medusa_refund_id: "none", note: decision.note, error: null })
    result.not_recorded++
    return
  }
  await refundPaymentWorkflow(scope).run({ input: { payment_id: payment.id, amount: Number(decision.amount), note } })
  const refund = (await readPayments()).flatMap((p) => p.refunds ?? []).find((r) => r?.note === note)
  await amazon.updateAmazonRefunds({ id: row.id, status: "recorded", medusa_refund_id: refund?.id ?? "recorded", note: decision.note ?? row.note, error: null })
  result.recorded++
  if (decision.surplus) result.capped++
}

/** Every connected store, one after another; a failing store is logged and the others go on. */
export async function syncAllInboundRefunds(scope: MedusaContainer): Promise<InboundSyncResult[]> {
  const amazon = amazonOf(scope)
  const logger = scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const stores = (await amazon.listAmazonStores({ status: "connected" }, { select: ["id", "refresh_token_ciphertext"] })) as Array<{ id: string; refresh_token_ciphertext: string | null }>
  const results: InboundSyncResult[] = []
  for (const store of stores) {
    if (!store.refresh_token_ciphertext) continue
    try {
      const result = await syncInboundRefunds(scope, { storeId: store.id })
      for (const error of result.errors) logger.warn(`[amazon] refunds from Amazon of store ${store.id}: ${error}`)
      results.push(result)
    } catch (error) {
      logger.warn(`[amazon] refunds from Amazon of store ${store.id} not synced: ${message(error)}`)
    }
  }
  return results
}
