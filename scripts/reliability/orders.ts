import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { startSandbox } from "../../sandbox/server"
import { DEMO } from "../../sandbox/seed"
import { startCluster } from "./cluster"
import { addFaultStorm, type FaultStorm, faultCounts } from "./faults"
import { log, poll, type ScenarioResult } from "./report"

const DEMO_SKUS = ["DEMO-TSHIRT-S", "DEMO-TSHIRT-M", "DEMO-MUG"]
const SECOND_SELLER = "A3SANDBOXSELLER03"

export type OrdersScenarioOptions = {
  orders: number
  /** worker processes besides the HTTP server */
  workers: number
  /** kill (SIGKILL) and restart a worker when this share of the orders is in Medusa; empty: no kill */
  killAt: number[]
  storm: FaultStorm | null
  redisUrl: string
  logDir: string
  /** how long to wait for every order before giving up */
  timeoutMs: number
}

/**
 * N Amazon orders over two sellers (two stores of one merchant), imported by the cluster's workers while
 * the harness keeps asking both stores for "sync now" (runs race for the store locks), the sandbox
 * answering with the fault storm, and workers killed with SIGKILL mid-run and restarted. Then, from the
 * database: every generated Amazon order is exactly one live Medusa order with its reservations and
 * payment, no ledger row is left half-imported.
 */
export async function ordersScenario(options: OrdersScenarioOptions): Promise<ScenarioResult> {
  // searchOrders' 0.0056 rps 600× faster: after its burst, a page every 0.3 s
  const sandbox = await startSandbox({ timeScale: 600, validateRequests: true })
  const cluster = await startCluster({ sandbox, workers: options.workers, redisUrl: options.redisUrl, logDir: options.logDir })
  try {
    await cluster.exec("./scripts/seed-demo.ts")
    const second = sandbox.control.createSeller({ sellerId: SECOND_SELLER, region: "eu", marketplaceIds: [DEMO.DE], name: "Second Seller" })
    const { data: channels } = await cluster.api.get("/admin/sales-channels", { params: { name: "Webshop" } })
    const salesChannelId = channels.sales_channels[0].id as string
    const sellers = [
      { sellerId: DEMO.euSeller, token: DEMO.euRefreshToken, name: "Store A" },
      { sellerId: SECOND_SELLER, token: second.refreshToken, name: "Store B" },
    ]
    const storeIds: string[] = []
    for (const seller of sellers) {
      const { data } = await cluster.api.post("/admin/amazon/stores", {
        name: seller.name,
        email: `${seller.sellerId.toLowerCase()}@example.com`,
        marketplace_id: DEMO.DE,
        product_id_type: "EAN",
        product_id_attribute: "barcode",
        sales_channel_id: salesChannelId,
      })
      const storeId = data.amazon_store.id as string
      await cluster.api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: seller.sellerId, refresh_token: seller.token })
      storeIds.push(storeId)
    }

    const generated: string[] = []
    for (const [index, seller] of sellers.entries()) {
      const count = index === 0 ? Math.ceil(options.orders / 2) : Math.floor(options.orders / 2)
      const { orderIds } = sandbox.control.addOrders({
        generate: { count, sellerId: seller.sellerId, marketplaceId: DEMO.DE, skus: DEMO_SKUS, status: "UNSHIPPED" },
      })
      generated.push(...orderIds)
    }
    if (options.storm) addFaultStorm(sandbox, options.storm)
    log(`orders: ${generated.length} Amazon orders over ${sellers.length} stores, ${options.workers} worker(s), faults ${options.storm ? "on" : "off"}`)

    const started = Date.now()
    const imported = async () => {
      const { rows } = await cluster.db.query(
        `select count(*)::int as n from amazon_order where import_status = 'imported' and amazon_order_id = any($1) and deleted_at is null`,
        [generated]
      )
      return rows[0].n as number
    }
    // "sync now" on both stores every few seconds, as an impatient merchant (or a second scheduler) would
    let nudging = true
    const nudger = (async () => {
      while (nudging) {
        for (const storeId of storeIds) await cluster.api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "orders" }).catch(() => undefined)
        await new Promise((r) => setTimeout(r, 5000))
      }
    })()

    const kills: Array<{ at: number; worker: string; imported: number }> = []
    const killAt = [...options.killAt].sort()
    let done = 0
    let timedOut: string | null = null
    await poll(options.timeoutMs, async () => {
      done = await imported()
      const worker = killAt.length && done >= killAt[0] * generated.length ? await cluster.busiestWorker() : null
      if (worker) {
        killAt.shift()
        log(`orders: SIGKILL ${worker} at ${done}/${generated.length}`)
        cluster.kill(worker)
        kills.push({ at: Date.now() - started, worker, imported: done })
        await new Promise((r) => setTimeout(r, 3000))
        await cluster.restart(worker)
        log(`orders: ${worker} restarted`)
      }
      return done >= generated.length
    }, (elapsed) => log(`orders: ${done}/${generated.length} imported after ${Math.round(elapsed / 1000)} s`)).catch((error: Error) => {
      timedOut = error.message
    })
    const wallMs = Date.now() - started
    nudging = false
    await nudger
    // what runs may still be doing settles before counting
    await new Promise((r) => setTimeout(r, 5000))

    const q = async (sql: string, params: unknown[] = []) => (await cluster.db.query(sql, params)).rows
    const live = `o.deleted_at is null and o.metadata->>'amazon_order_id' = any($1)`
    const [duplicates] = await q(
      `select count(*)::int as n from (select o.metadata->>'amazon_order_id' from "order" o where ${live} group by 1 having count(*) > 1) d`,
      [generated]
    )
    const [present] = await q(`select count(distinct o.metadata->>'amazon_order_id')::int as n from "order" o where ${live}`, [generated])
    const [withoutReservation] = await q(
      `select count(*)::int as n from "order" o where ${live} and not exists (
         select 1 from order_item oi join reservation_item r on r.line_item_id = oi.item_id and r.deleted_at is null
         where oi.order_id = o.id and oi.deleted_at is null)`,
      [generated]
    )
    const [withoutPayment] = await q(
      `select count(*)::int as n from "order" o where ${live} and not exists (
         select 1 from order_payment_collection l where l.order_id = o.id and l.deleted_at is null)`,
      [generated]
    )
    const [orphanPayments] = await q(
      `select count(*)::int as n from payment_collection pc where pc.deleted_at is null and not exists (
         select 1 from order_payment_collection l join "order" o on o.id = l.order_id and o.deleted_at is null
         where l.payment_collection_id = pc.id and l.deleted_at is null)`
    )
    const [unlinked] = await q(
      `select count(*)::int as n from amazon_order a where a.deleted_at is null and a.amazon_order_id = any($1)
         and (a.order_id is null or not exists (select 1 from "order" o where o.id = a.order_id and o.deleted_at is null))`,
      [generated]
    )
    // the order module deletes for good: what was undone is counted from the workers' own words
    const logged = (pattern: RegExp) =>
      readdirSync(options.logDir).reduce((n, file) => n + (readFileSync(path.join(options.logDir, file), "utf8").match(pattern)?.length ?? 0), 0)
    const undone = { n: logged(/was interrupted; its partial Medusa order order_/g) }
    const waitedForDeadLocks = logged(/order import of amzord_\w+ failed: (Failed to acquire lock|Timed-out acquiring lock)/g)
    const statuses = await q(`select import_status, count(*)::int as n from amazon_order where deleted_at is null group by 1 order by 1`)
    const runs = await q(`select status, count(*)::int as n from amazon_sync_run where type = 'orders' group by 1 order by 1`)
    const [interrupted] = await q(`select count(*)::int as n from amazon_sync_run where errors::text like '%"interrupted"%'`)
    const validation = sandbox.control.validationErrors().length

    const missing = generated.length - present.n
    const ok = !timedOut && duplicates.n === 0 && missing === 0 && withoutReservation.n === 0 && withoutPayment.n === 0 && orphanPayments.n === 0 && unlinked.n === 0 && validation === 0
    return {
      name: `orders × ${options.workers} worker(s)`,
      ok,
      wall_ms: wallMs,
      figures: {
        ...(timedOut ? { error: `not every order arrived: ${timedOut}` } : {}),
        amazon_orders: generated.length,
        medusa_orders: present.n,
        duplicates: duplicates.n,
        missing,
        without_reservation: withoutReservation.n,
        without_payment: withoutPayment.n,
        payments_without_live_order: orphanPayments.n,
        ledger_unlinked: unlinked.n,
        partial_imports_undone: undone.n,
        imports_retried_after_dead_locks: waitedForDeadLocks,
        orders_per_second: Number((generated.length / (wallMs / 1000)).toFixed(2)),
        kills: kills.map((k) => `${k.worker}@${k.imported}`).join(", ") || "none",
        runs: runs.map((r) => `${r.status} ${r.n}`).join(", "),
        runs_closed_as_interrupted: interrupted.n,
        ledger: statuses.map((r) => `${r.import_status} ${r.n}`).join(", "),
        ...faultCounts(sandbox),
        request_validation_errors: validation,
      },
      logs: path.resolve(options.logDir),
    }
  } finally {
    await cluster.stop()
    await sandbox.close()
  }
}
