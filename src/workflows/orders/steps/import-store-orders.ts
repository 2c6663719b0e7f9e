import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { type MarketplaceId, marketplaceId as toMarketplaceId, SpApiError, type SpApiClient } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { buyerDataBinding } from "../../../modules/amazon/lib/secret-bindings"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import {
  buyerDataOf,
  MALFORMED_ORDER,
  malformedOrderMessage,
  ORDER_INCLUDED_DATA,
  pageProblemsOf,
  readAmazonOrder,
} from "../../../utils/orders/map-amazon-order"
import {
  advanceCursor,
  estimateOrdersEtaSeconds,
  fitsBudget,
  initialCursorState,
  ORDERS_PAGE_SIZE,
  searchWindowStart,
} from "../../../utils/orders/orders-cursor"
import { followUpOf, groupMarketplacesForSearch, NON_AMAZON_CHANNEL, ORDER_RETRIES_PER_RUN } from "../../../utils/orders/follow-amazon-order"
import { WorkQueue } from "../../../utils/orders/work-queue"
import { amazonReason, isAuthorizationLost, toMedusaError } from "../../../utils/sp-api-errors"
import { SyncRunReporter } from "../../../utils/sync-run-reporter"
import { commitAmazonOrdersPageWorkflow } from "../commit-amazon-orders-page"
import { importAmazonOrderWorkflow } from "../import-amazon-order"
import { quarantineAmazonOrdersWorkflow } from "../quarantine-amazon-orders"
import { recordAmazonOrderFailureWorkflow } from "../record-amazon-order-failure"
import { refetchAmazonOrderWorkflow } from "../refetch-amazon-order"
import type { FetchedAmazonOrder } from "./fetch-amazon-order"
import type { QuarantinedOrder } from "./quarantine-amazon-orders"
import type { SealedAmazonOrder } from "./upsert-amazon-orders"
import { loadStoreOrderContext, type StoreOrderContext } from "./load-order-import"
import { safeErrorMessage } from "../../../utils/db-error"

/** A run stops taking new pages (and new orders) after this long; the next one continues from the cursor. */
export const DEFAULT_ORDERS_RUN_BUDGET_MS = 4 * 60 * 1000
/** Medusa orders made at once (each its own workflow; stock reservations are serialised per item). */
export const DEFAULT_ORDERS_CONCURRENCY = 4

export type ImportStoreOrdersInput = {
  store_id: string
  run_id: string
  marketplace_id?: string
  /** false: another run holds the store's lock, so this one does nothing */
  acquired: boolean
  budget_ms?: number
  concurrency?: number
  /** false: only pull Amazon's orders into the ledger (a back-fill; the next run makes the Medusa orders) */
  create_orders?: boolean
}

export type ImportStoreOrdersResult = ReturnType<SyncRunReporter["result"]>

/**
 * Ledger rows a run picks up besides what it pulls, as two lanes. `now`: orders not made yet (a back-fill's,
 * or ones Amazon completed), imports a crash cut short, cancellations to apply — new work, first in line.
 * `retries`: held orders (a SKU may be mapped now) and failures whose backoff has passed, the longest
 * waiting first and at most ORDER_RETRIES_PER_RUN — they run only while no new order waits.
 */
async function rowsNeedingWork(amazon: AmazonModuleService, storeId: string, marketplaceIds: string[], now: Date): Promise<{ now: string[]; retries: string[] }> {
  const [fresh, retries] = await Promise.all([
    amazon.listAmazonOrders(
      {
        store_id: storeId,
        marketplace_id: marketplaceIds,
        $or: [
          { order_id: null, import_status: "pending", amazon_status: { $nin: ["PENDING", "PENDING_AVAILABILITY"] } },
          // cut short by a crash: undone and imported again
          { import_status: "importing" },
          { order_id: { $ne: null }, amazon_status: "CANCELLED", import_status: { $nin: ["canceled", "needs_attention", "failed"] } },
        ],
      } as never,
      { select: ["id"], order: { purchased_at: "ASC" } }
    ),
    amazon.listAmazonOrders(
      {
        store_id: storeId,
        marketplace_id: marketplaceIds,
        // failed ones whatever their status: a quarantined (unreadable) order is stored as PENDING
        import_status: ["needs_attention", "failed"],
        $or: [{ next_attempt_at: null }, { next_attempt_at: { $lte: now } }],
      } as never,
      { select: ["id"], order: { next_attempt_at: "ASC", purchased_at: "ASC" }, take: ORDER_RETRIES_PER_RUN }
    ),
  ])
  return { now: fresh.map((row) => row.id), retries: retries.map((row) => row.id) }
}

/** Of these rows, the ones quarantined because Amazon sent them malformed: their import asks Amazon again first. */
async function quarantinedAmong(amazon: AmazonModuleService, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const failed = await amazon.listAmazonOrders({ id: ids, import_status: "failed" }, { select: ["id", "issues"] })
  return new Set(failed.filter((row) => isQuarantined(row.issues)).map((row) => row.id))
}

export function isQuarantined(issues: unknown): boolean {
  return Array.isArray(issues) && issues.some((issue) => (issue as { code?: string } | null)?.code === MALFORMED_ORDER)
}

/** A searchOrders answer whose page as a whole cannot be read: nothing of it is stored, the cursor stays. */
class MalformedPageError extends Error {}

/** Workflow runs reject with serialized errors (plain objects with a message), not always Error instances. */
function errorMessage(error: unknown): string {
  // logged and stored: a database error by its class, never the row values it quotes
  return safeErrorMessage(error)
}

function quotaState(client: SpApiClient, sellerKey: string) {
  const state = client.rateLimiter.bucket(sellerKey, "searchOrders").state()
  const waitMs = state.tokens >= 1 ? 0 : ((1 - state.tokens) / state.rate) * 1000
  return { ...state, wait_ms: waitMs }
}

const counted: Record<string, string> = {
  create: "imported",
  hold: "needs_attention",
  wait: "waiting",
  cancel: "canceled_in_medusa",
  record: "not_imported",
  follow: "followed_amazon_changes",
}

/**
 * The order import of one store: searchOrders pages for all its enabled marketplaces at once
 * (lastUpdatedAfter = the oldest of their cursors − overlap) within the quota and the run's time budget, each page committed to the ledger with its cursor,
 * and the new and changed rows turned into Medusa orders by a small pool of workers while the next page
 * waits for its token. Authorization lost → the store is marked and the run stops cleanly; what was
 * committed stays, and the next run continues from there.
 */
export const importStoreOrdersStep = createStep(
  "amazon-import-store-orders",
  async (input: ImportStoreOrdersInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const reporter = new SyncRunReporter(amazon, input.run_id)
    if (!input.acquired) {
      reporter.count("skipped_locked")
      return new StepResponse<ImportStoreOrdersResult>(reporter.result())
    }
    const started = Date.now()
    const budget = input.budget_ms ?? DEFAULT_ORDERS_RUN_BUDGET_MS
    const store = await amazon.retrieveAmazonStore(input.store_id, { select: ["id", "selling_partner_id"] })
    const marketplaces = await amazon.listAmazonMarketplaces(
      {
        store_id: input.store_id,
        enabled: true,
        orders_import: true,
        ...(input.marketplace_id ? { marketplace_id: input.marketplace_id } : {}),
      },
      { select: ["id", "marketplace_id", "orders_cursor", "region_id"] }
    )
    if (!marketplaces.length) {
      reporter.error({ code: "no_marketplace", message: "No enabled marketplace imports orders: switch on order import for a marketplace in Settings → Amazon." })
      return new StepResponse<ImportStoreOrdersResult>(reporter.result("succeeded"))
    }

    const storeContext = await loadStoreOrderContext(container, input.store_id, marketplaces)
    let enqueued = 0
    let eta: number | null = null
    let refetch = new Set<string>()
    const rowRun: RowRun = { container, store_id: input.store_id, store_context: storeContext, reporter, authorization_lost: false }
    const queue: WorkQueue = new WorkQueue(async (id) => {
      await importRow(rowRun, id, refetch.has(id))
      await reporter.progress(queue.processed + 1, enqueued, eta)
    }, input.concurrency ?? DEFAULT_ORDERS_CONCURRENCY)
    const enqueue = (ids: string[], lane: "now" | "later" = "now") => {
      if (input.create_orders === false) return
      enqueued += ids.length
      if (lane === "later") queue.pushLater(ids)
      else queue.push(ids)
    }
    const waiting = await rowsNeedingWork(amazon, input.store_id, marketplaces.map((m) => m.marketplace_id), new Date(started))
    refetch = await quarantinedAmong(amazon, waiting.retries)
    enqueue(waiting.now)
    enqueue(waiting.retries, "later")

    try {
      const client = await amazon.getStoreSpApiClient(input.store_id)
      const sellerKey = store.selling_partner_id!
      // one call for all the store's marketplaces (≤ 50 a call): searchOrders' quota (0.0056 rps) is per
      // seller, so a call per marketplace would leave the last of nine EU marketplaces waiting for hours
      for (const group of groupMarketplacesForSearch(marketplaces)) {
        const marketplaceIds = group.marketplaces.map((m) => m.marketplace_id)
        const where = marketplaceIds.join(",")
        const now = new Date()
        const windowStart = searchWindowStart(group.cursor, now)
        let cursorState = initialCursorState(group.cursor)
        let paginationToken: string | undefined
        let ordersSeen = 0
        do {
          const quota = quotaState(client, sellerKey)
          if (!fitsBudget({ elapsed_ms: Date.now() - started, budget_ms: budget, wait_ms: quota.wait_ms })) {
            reporter.count("stopped_by_time_budget")
            break
          }
          const page = await client.orders.searchOrders({
            lastUpdatedAfter: windowStart.toISOString(),
            marketplaceIds: marketplaceIds.map((id) => toMarketplaceId(id) as MarketplaceId),
            includedData: [...ORDER_INCLUDED_DATA],
            maxResultsPerPage: ORDERS_PAGE_SIZE,
            paginationToken,
          })
          const pageProblems = pageProblemsOf(page)
          if (pageProblems.length) {
            throw new MalformedPageError(
              `Amazon's searchOrders answer for ${marketplaceIds.length === 1 ? "marketplace" : "marketplaces"} ${marketplaceIds.join(", ")} cannot be read (${pageProblems.join("; ")}). ` +
                `Nothing of this page was stored and the cursor did not move; the next run asks again.`
            )
          }
          paginationToken = page.pagination?.nextToken
          // Each order is read on its own: one Amazon sent malformed is quarantined (a failed ledger row
          // saying what is wrong, fetched again later), the rest of the page goes on
          const orders: SealedAmazonOrder[] = []
          const quarantined: QuarantinedOrder[] = []
          const updated: Date[] = []
          for (const raw of page.orders as unknown[]) {
            const reading = readAmazonOrder(raw)
            if (reading.ok) {
              // buyer data is sealed before it leaves this step (workflow inputs are stored)
              const buyer = buyerDataOf(reading.order)
              const followUp = followUpOf(reading.order)
              // multi-channel (MCF) orders are Amazon shipping for another shop, not Amazon sales: never imported
              if (followUp.channel_name === NON_AMAZON_CHANNEL) reporter.count("orders_non_amazon")
              orders.push({ ...reading.record, ...followUp, buyer_data_ciphertext: buyer ? amazon.sealSecret(JSON.stringify(buyer), buyerDataBinding(input.store_id, reading.record.amazon_order_id)) : null })
              updated.push(reading.record.amazon_updated_at)
              continue
            }
            const message = malformedOrderMessage(reading)
            if (reading.amazon_updated_at) updated.push(reading.amazon_updated_at)
            if (!reading.amazon_order_id) {
              reporter.count("orders_skipped_malformed")
              reporter.error({ code: MALFORMED_ORDER, message, marketplace_id: where })
              continue
            }
            quarantined.push({
              amazon_order_id: reading.amazon_order_id,
              marketplace_id: reading.marketplace_id ?? group.marketplaces[0].marketplace_id,
              amazon_status: reading.amazon_status,
              purchased_at: reading.purchased_at,
              message,
            })
            reporter.error({ code: MALFORMED_ORDER, message, amazon_order_id: reading.amazon_order_id, marketplace_id: reading.marketplace_id ?? where })
          }
          if (quarantined.length) {
            // stored before the page's cursor moves: the cursor never gets ahead of what is in the ledger
            const { result: held } = await quarantineAmazonOrdersWorkflow(container).run({ input: { store_id: input.store_id, orders: quarantined } })
            reporter.count("orders_quarantined", held.quarantined_ids.length)
            // already in Medusa: the order stands as imported; Amazon's unreadable update is only reported
            if (held.kept_ids.length) reporter.count("orders_malformed_update_ignored", held.kept_ids.length)
          }
          const windowEnd = page.lastUpdatedBefore ? new Date(page.lastUpdatedBefore) : null
          cursorState = advanceCursor(cursorState, {
            updated,
            last: !paginationToken,
            window_end: windowEnd,
          })
          const { result } = await commitAmazonOrdersPageWorkflow(container).run({
            input: { store_id: input.store_id, marketplace_row_ids: group.marketplaces.map((m) => m.id), orders, cursor: cursorState.cursor },
          })
          reporter.count("pages")
          reporter.count("orders_read", orders.length)
          ordersSeen += orders.length
          enqueue(result.changed_ids)
          const after = quotaState(client, sellerKey)
          eta = paginationToken
            ? estimateOrdersEtaSeconds({
                window_start: windowStart,
                window_end: windowEnd ?? now,
                covered_until: cursorState.max_seen,
                orders_so_far: ordersSeen,
                tokens: after.tokens,
                rate: after.rate,
              })
            : 0
          await reporter.progress(queue.processed, enqueued, eta)
        } while (paginationToken)
      }
    } catch (error) {
      if (isAuthorizationLost(error)) {
        await reportAuthorizationLost(rowRun, amazonReason(error))
      } else if (error instanceof MalformedPageError) {
        reporter.error({ code: "malformed_page", message: error.message, fatal: true })
      } else {
        const mapped = toMedusaError(error, "read orders from Amazon")
        reporter.error({
          code: error instanceof SpApiError ? (error.code ?? "amazon_error") : "import_error",
          message: mapped instanceof Error ? mapped.message : String(mapped),
          fatal: true,
        })
      }
    }

    // orders go on being made until the budget is spent; what is left stays in the ledger for the next run
    const left = budget - (Date.now() - started)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      queue.drain(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, left))
      }),
    ])
    clearTimeout(timer)
    if (queue.size > 0) {
      reporter.count("left_for_next_run", queue.size)
      await queue.stop()
    }
    await reporter.progress(queue.processed, enqueued, 0, true)
    return new StepResponse<ImportStoreOrdersResult>(reporter.result())
  }
)

/** What the import of one row needs from its run, and what it tells the run. */
type RowRun = {
  container: MedusaContainer
  store_id: string
  store_context: StoreOrderContext
  reporter: SyncRunReporter
  /** set once Amazon refused the store's authorization: the store is marked, and no row asks Amazon again */
  authorization_lost: boolean
}

async function reportAuthorizationLost(run: RowRun, reason: string): Promise<void> {
  if (run.authorization_lost) return
  run.authorization_lost = true
  const amazon = run.container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const message = await markAuthorizationLost(amazon, run.store_id, reason)
  run.reporter.error({ code: "authorization_lost", message, fatal: true })
}

/**
 * One row into Medusa. A quarantined row (Amazon sent it malformed) is fetched again with getOrder first,
 * and imported only when Amazon now sends it readable.
 */
async function importRow(run: RowRun, id: string, refetchFirst: boolean): Promise<void> {
  const { container, reporter } = run
  if (refetchFirst) {
    if (run.authorization_lost) return
    let fetched: FetchedAmazonOrder
    try {
      ;({ result: fetched } = await refetchAmazonOrderWorkflow(container).run({ input: { row_id: id } }))
    } catch (error) {
      reporter.count("refetch_failed")
      reporter.error({ code: "refetch_failed", message: errorMessage(error), amazon_order_row_id: id })
      return
    }
    if (fetched.outcome === "authorization_lost") return reportAuthorizationLost(run, fetched.reason)
    if (fetched.outcome !== "fetched") {
      reporter.count(fetched.outcome === "malformed" ? "still_malformed" : "refetch_failed")
      reporter.error({ code: fetched.outcome === "malformed" ? MALFORMED_ORDER : "refetch_failed", message: fetched.message, amazon_order_row_id: id })
      return
    }
    reporter.count("refetched")
  }
  try {
    const { result } = await importAmazonOrderWorkflow(container).run({ input: { id, store_context: run.store_context } })
    const key = counted[result.action]
    if (key) reporter.count(key)
  } catch (error) {
    const message = errorMessage(error)
    reporter.count("failed")
    reporter.error({ code: "order_import_failed", message, amazon_order_row_id: id })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`[amazon] order import of ${id} failed: ${message}`)
    await recordAmazonOrderFailureWorkflow(container).run({ input: { row_id: id, message } }).catch(() => undefined)
  }
}
