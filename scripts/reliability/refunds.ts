import { startSandbox } from "../../sandbox/server"
import { DEMO } from "../../sandbox/seed"
import { startCluster } from "./cluster"
import { faultCounts } from "./faults"
import { log, poll, type ScenarioResult } from "./report"

export type RefundsScenarioOptions = {
  /** worker processes besides the HTTP server (the job that sends refunds runs there) */
  workers: number
  redisUrl: string
  logDir: string
  timeoutMs: number
}

/**
 * "Refund on Amazon" clicked twice and the sender killed mid-send (issue 14). Two imported orders: on one, the
 * refund is posted twice at once with the dialog's request key; on the other, twice at once without one. The first
 * createFeed of POST_PAYMENT_ADJUSTMENT_DATA is held by the sandbox (slow) and the worker sending it is killed with
 * SIGKILL meanwhile: Amazon makes the feed, the worker never hears its feedId. After the restart, the job must find
 * Amazon's feed instead of sending again. Then, from the sandbox and the database: exactly one adjustment message
 * per order at Amazon, one Medusa refund per order, every ledger row accepted.
 */
export async function refundsScenario(options: RefundsScenarioOptions): Promise<ScenarioResult> {
  const sandbox = await startSandbox({ timeScale: 600, validateRequests: true })
  const cluster = await startCluster({ sandbox, workers: options.workers, redisUrl: options.redisUrl, logDir: options.logDir })
  const started = Date.now()
  try {
    await cluster.exec("./scripts/seed-demo.ts")
    const { data: channels } = await cluster.api.get("/admin/sales-channels", { params: { name: "Webshop" } })
    const { data: created } = await cluster.api.post("/admin/amazon/stores", {
      name: "Refunds store",
      email: "refunds@example.com",
      marketplace_id: DEMO.DE,
      product_id_type: "EAN",
      product_id_attribute: "barcode",
      sales_channel_id: channels.sales_channels[0].id,
    })
    const storeId = created.amazon_store.id as string
    await cluster.api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: DEMO.euSeller, refresh_token: DEMO.euRefreshToken })
    const { orderIds } = sandbox.control.addOrders({
      orders: [0, 1].map(() => ({ sellerId: DEMO.euSeller, marketplaceId: DEMO.DE, items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 10 }] }) as never),
    })
    log(`refunds: importing ${orderIds.length} orders`)
    const q = async (sql: string, params: unknown[] = []) => (await cluster.db.query(sql, params)).rows
    await poll(5 * 60_000, async () => {
      await cluster.api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "orders" }).catch(() => undefined)
      const rows = await q(`select count(*)::int as n from amazon_order where amazon_order_id = any($1) and import_status = 'imported' and order_id is not null`, [orderIds])
      return rows[0].n === orderIds.length
    }, (elapsed) => log(`refunds: waiting for the import (${Math.round(elapsed / 1000)} s)`), 5000)
    const orders = await q(`select id, amazon_order_id, order_id, items from amazon_order where amazon_order_id = any($1) order by amazon_order_id`, [orderIds])

    // the first adjustment feed: held 8 s by Amazon, its sender killed as it asks
    let killed: string | null = null
    sandbox.control.addFault({ operation: "createFeed", kind: "slow", delayMs: 8000, count: 1 })
    const stop = sandbox.control.onRequest((entry) => {
      if (killed || entry.operationId !== "createFeed" || (entry.body as { feedType?: string })?.feedType !== "POST_PAYMENT_ADJUSTMENT_DATA") return
      killed = cluster.workers[0]
      log(`refunds: SIGKILL ${killed} while its createFeed is at Amazon`)
      cluster.kill(killed)
    })

    const refund = (order: Record<string, any>, body: Record<string, unknown>) =>
      cluster.api
        .post(`/admin/amazon/orders/${order.id}/refunds`, { items: [{ amazon_order_item_id: order.items[0].order_item_id, quantity: 1 }], reason: "PriceError", ...body })
        .then((r) => r.status)
        .catch((error) => error.response?.status ?? String(error))
    const withKey = await Promise.all([refund(orders[0], { request_id: "reliability-dialog-1" }), refund(orders[0], { request_id: "reliability-dialog-1" })])
    const withoutKey = await Promise.all([refund(orders[1], {}), refund(orders[1], {})])
    log(`refunds: clicked twice — with a key ${withKey.join("/")}, without ${withoutKey.join("/")}`)

    let timedOut: string | null = null
    let restarted = false
    await poll(options.timeoutMs, async () => {
      if (killed && !restarted) {
        await new Promise((r) => setTimeout(r, 3000))
        await cluster.restart(killed)
        restarted = true
        log(`refunds: ${killed} restarted`)
      }
      const rows = await q(`select count(*)::int as n from amazon_refund where store_id = $1 and direction = 'out' and (status <> 'accepted' or medusa_refund_id is null)`, [storeId])
      return restarted && rows[0].n === 0
    }, (elapsed) => log(`refunds: waiting for Amazon's answers (${Math.round(elapsed / 1000)} s)`), 3000).catch((error: Error) => {
      timedOut = error.message
    })
    stop()
    const wallMs = Date.now() - started

    const adjustments = orders.map((o) => sandbox.control.getOrder(o.amazon_order_id)?.refunds?.length ?? 0)
    const feeds = sandbox.control.requests({ operation: "createFeed" }).filter((r) => (r.body as { feedType?: string })?.feedType === "POST_PAYMENT_ADJUSTMENT_DATA").length
    const ledger = await q(`select amazon_order_id, status, medusa_refund_id, error from amazon_refund where store_id = $1 and direction = 'out' order by created_at`, [storeId])
    const medusaRefunds = await q(
      `select o.id, count(r.id)::int as n from "order" o
         left join order_payment_collection l on l.order_id = o.id and l.deleted_at is null
         left join payment p on p.payment_collection_id = l.payment_collection_id and p.deleted_at is null
         left join refund r on r.payment_id = p.id and r.deleted_at is null
       where o.id = any($1) group by o.id`,
      [orders.map((o) => o.order_id)]
    )
    const refundsPerOrder = orders.map((o) => medusaRefunds.find((r) => r.id === o.order_id)?.n ?? 0)
    const validation = sandbox.control.validationErrors().length
    const ok =
      !timedOut &&
      !!killed &&
      withKey.filter((s) => s === 201).length === 1 &&
      withKey.filter((s) => s === 200).length === 1 &&
      withoutKey.filter((s) => s === 201).length === 1 &&
      withoutKey.filter((s) => s === 409).length === 1 &&
      adjustments.every((n) => n === 1) &&
      feeds === 1 &&
      ledger.length === 2 &&
      refundsPerOrder.every((n) => n === 1) &&
      validation === 0
    return {
      name: "refunds (double click, kill mid-send)",
      ok,
      wall_ms: wallMs,
      figures: {
        ...(timedOut ? { error: `the refunds did not settle: ${timedOut}` } : {}),
        worker_killed_at_createFeed: killed ?? "never",
        double_click_with_key: withKey.join("/"),
        double_click_without_key: withoutKey.join("/"),
        adjustment_feeds_created: feeds,
        adjustments_at_amazon: adjustments.join(", "),
        ledger_rows: ledger.map((r) => `${r.status}${r.medusa_refund_id ? "+recorded" : ""}`).join(", "),
        medusa_refunds_per_order: refundsPerOrder.join(", "),
        ...faultCounts(sandbox),
        request_validation_errors: validation,
      },
      logs: options.logDir,
    }
  } finally {
    await cluster.stop()
    await sandbox.close()
  }
}
