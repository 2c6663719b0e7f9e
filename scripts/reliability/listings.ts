import path from "node:path"
import { gunzipSync } from "node:zlib"
import { startSandbox } from "../../sandbox/server"
import { DEMO } from "../../sandbox/seed"
import { checkIdentifier } from "../../src/utils/listings/gtin"
import { startCluster } from "./cluster"
import { addFaultStorm, type FaultStorm, faultCounts } from "./faults"
import { log, poll, type ScenarioResult } from "./report"

export type ListingsScenarioOptions = {
  changes: number
  skus: number
  workers: number
  /** kill (SIGKILL) and restart a worker when this share of the changes has been made */
  killAt: number[]
  storm: FaultStorm | null
  redisUrl: string
  logDir: string
  timeoutMs: number
}

function ean(i: number): string {
  const body = `43${String(800_000 + i).padStart(10, "0")}`
  for (let d = 0; d < 10; d++) if (checkIdentifier("EAN", `${body}${d}`).ok) return `${body}${d}`
  throw new Error("unreachable")
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++])
  }))
}

/** Quantities Amazon received per SKU, in the order they were sent: patches and feed messages (2xx only). */
function sentQuantities(sandbox: Awaited<ReturnType<typeof startSandbox>>): Map<string, number[]> {
  const sent: Array<{ seq: number; sku: string; quantity: number }> = []
  const quantityOf = (value: unknown): number | null => {
    const match = /fulfillment_availability"[^\]]*?"quantity":(\d+)/.exec(JSON.stringify(value ?? {}))
    return match ? Number(match[1]) : null
  }
  for (const request of sandbox.control.requests({ operation: "patchListingsItem" })) {
    if (request.status < 200 || request.status >= 300) continue
    const quantity = quantityOf(request.body)
    if (quantity !== null) sent.push({ seq: request.seq, sku: decodeURIComponent(request.path.split("/").at(-1)!), quantity })
  }
  for (const request of sandbox.control.requests({ operation: "createFeed" })) {
    if (request.status < 200 || request.status >= 300) continue
    const docId = (request.body as { inputFeedDocumentId?: string })?.inputFeedDocumentId
    const document = docId ? sandbox.control.feedDocument(docId) : undefined
    if (!document) continue
    let content = document.content
    if (content[0] === 0x1f && content[1] === 0x8b) content = gunzipSync(content)
    const feed = JSON.parse(content.toString("utf8")) as { messages?: Array<{ sku: string; patches?: unknown; attributes?: unknown }> }
    for (const message of feed.messages ?? []) {
      const quantity = quantityOf(message.patches ?? message.attributes)
      if (quantity !== null) sent.push({ seq: request.seq, sku: message.sku, quantity })
    }
  }
  const bySku = new Map<string, number[]>()
  for (const s of sent.sort((a, b) => a.seq - b.seq)) bySku.set(s.sku, [...(bySku.get(s.sku) ?? []), s.quantity])
  return bySku
}

/**
 * Stock changes made through Medusa's admin API (each SKU's quantity only ever rises, so an older value
 * sent after a newer one is visible) while two workers send them under the fault storm and are killed
 * and restarted. Then: Amazon holds every SKU's last quantity (none lost), every change row ended as
 * accepted or superseded by a newer one (each acknowledged), and no SKU was sent an older quantity after
 * a newer one (none sent stale).
 */
export async function listingsScenario(options: ListingsScenarioOptions): Promise<ScenarioResult> {
  // patchListingsItem's 5/s ten times faster; feeds processed in a few seconds
  const sandbox = await startSandbox({ timeScale: 10, validateRequests: true, feedProcessingSeconds: { queue: 5, progress: 10 } })
  sandbox.control.addCatalogItems(
    Array.from({ length: options.skus }, (_, i) => ({ asin: `B0REL${String(i).padStart(5, "0")}`, identifiers: { EAN: [ean(i)] }, title: `Reliability ${i}`, brand: "Bench", productType: "PRODUCT" }))
  )
  const cluster = await startCluster({ sandbox, workers: options.workers, redisUrl: options.redisUrl, logDir: options.logDir })
  try {
    const { api } = cluster
    const { data: created } = await api.post("/admin/amazon/stores", { name: "Reliability", email: "rel@example.com", marketplace_id: DEMO.DE, product_id_type: "EAN", product_id_attribute: "barcode" })
    const storeId = created.amazon_store.id as string
    const salesChannelId = created.amazon_store.sales_channel_id as string
    await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: DEMO.euSeller, refresh_token: DEMO.euRefreshToken })
    const { data: location } = await api.post("/admin/stock-locations", { name: "Reliability WH" })
    const locationId = location.stock_location.id as string
    await api.post(`/admin/stock-locations/${locationId}/sales-channels`, { add: [salesChannelId] })

    const skus = Array.from({ length: options.skus }, (_, i) => `REL-${i}`)
    const inventory: Record<string, string> = {}
    await pool(skus.map((sku, i) => ({ sku, i })), 3, async ({ sku, i }) => {
      await api.post("/admin/products", {
        title: `Reliability ${i}`,
        status: "published",
        options: [{ title: "Size", values: ["One"] }],
        sales_channels: [{ id: salesChannelId }],
        variants: [{ title: "One", sku, barcode: ean(i), manage_inventory: true, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 10 }] }],
      })
      const { data: items } = await api.get(`/admin/inventory-items?sku=${sku}`)
      inventory[sku] = items.inventory_items[0].id
      await api.post(`/admin/inventory-items/${inventory[sku]}/location-levels`, { location_id: locationId, stocked_quantity: 100 })
    })
    log(`listings: ${skus.length} products created; waiting for their offers to go live`)
    await poll(15 * 60_000, async () => {
      const { data } = await api.get(`/admin/amazon/stores/${storeId}/listings?status=active&limit=1`)
      return data.count >= skus.length
    }, (elapsed) => log(`listings: offers still going live after ${Math.round(elapsed / 1000)} s`), 3000)

    if (options.storm) addFaultStorm(sandbox, options.storm)
    sandbox.control.clearRequests()
    const [{ n: changesBefore }] = (await cluster.db.query(`select count(*)::int as n from amazon_listing_change`)).rows
    log(`listings: ${options.changes} stock changes over ${skus.length} SKUs, ${options.workers} worker(s), faults ${options.storm ? "on" : "off"}`)

    const started = Date.now()
    const finalQuantity = new Map<string, number>()
    const killAt = [...options.killAt].sort()
    const kills: string[] = []
    let made = 0
    let killing = false
    const changes = Array.from({ length: options.changes }, (_, k) => ({ sku: skus[k % skus.length], quantity: 101 + k }))
    // two admin users at once; a SKU's changes stay in order because k % skus never repeats within a round
    await pool(changes, 2, async (change) => {
      await api.post(`/admin/inventory-items/${inventory[change.sku]}/location-levels/${locationId}`, { stocked_quantity: change.quantity })
      finalQuantity.set(change.sku, Math.max(finalQuantity.get(change.sku) ?? 0, change.quantity))
      made++
      // one kill at a time (two admin users reach the mark together)
      const due = !killing && killAt.length > 0 && made >= killAt[0] * changes.length
      if (due) killing = true
      const worker = due ? await cluster.busiestWorker() : null
      if (due) killing = false
      if (worker && killAt.length) {
        killAt.shift()
        log(`listings: SIGKILL ${worker} after ${made} changes`)
        cluster.kill(worker)
        kills.push(`${worker}@${made}`)
        // restarted in the background: the other worker carries on meanwhile
        void sleep(3000).then(() => cluster.restart(worker)).then(() => log(`listings: ${worker} restarted`))
      }
    })
    const madeMs = Date.now() - started
    log(`listings: ${made} changes made in ${Math.round(madeMs / 1000)} s; waiting for Amazon to hold every last quantity`)

    const behind = () => skus.filter((sku) => sandbox.control.getListing(DEMO.euSeller, DEMO.DE, sku)?.quantity !== finalQuantity.get(sku))
    let timedOut: string | null = null
    await poll(options.timeoutMs, async () => behind().length === 0, (elapsed) => log(`listings: ${behind().length} SKUs not yet up to date after ${Math.round(elapsed / 1000)} s`), 2000).catch(
      (error: Error) => {
        timedOut = error.message
      }
    )
    const wallMs = Date.now() - started
    // the last feeds' results are read back by the next runs
    if (!timedOut) {
      await poll(5 * 60_000, async () => {
        const { rows } = await cluster.db.query(`select count(*)::int as n from amazon_listing_change where status in ('pending', 'claimed')`)
        return rows[0].n === 0
      }, () => log("listings: waiting for the last feed results")).catch((error: Error) => {
        timedOut = `feed results: ${error.message}`
      })
    }

    const statuses = (await cluster.db.query(`select status, count(*)::int as n from amazon_listing_change group by 1 order by 1`)).rows
    const [{ n: changeRows }] = (await cluster.db.query(`select count(*)::int as n from amazon_listing_change`)).rows
    const count = (status: string) => statuses.find((s) => s.status === status)?.n ?? 0
    const sent = sentQuantities(sandbox)
    let stale = 0
    let resent = 0
    for (const quantities of sent.values()) {
      let highest = 0
      for (const q of quantities) {
        if (q < highest) stale++
        else if (q === highest) resent++
        highest = Math.max(highest, q)
      }
    }
    const lost = behind().length
    const unacknowledged = changeRows - count("accepted") - count("superseded")
    const validation = sandbox.control.validationErrors().length
    const ok = !timedOut && lost === 0 && stale === 0 && unacknowledged === 0 && validation === 0
    return {
      name: `listings × ${options.workers} worker(s)`,
      ok,
      wall_ms: wallMs,
      figures: {
        ...(timedOut ? { error: `not every change arrived: ${timedOut}` } : {}),
        stock_changes_made: made,
        skus: skus.length,
        changes_lost: lost,
        sent_stale: stale,
        same_quantity_resent: resent,
        change_rows: `${changeRows - changesBefore} new (${statuses.map((s) => `${s.status} ${s.n}`).join(", ")})`,
        unacknowledged,
        values_sent: [...sent.values()].reduce((n, q) => n + q.length, 0),
        changes_made_in: `${(madeMs / 1000).toFixed(1)} s`,
        kills: kills.join(", ") || "none",
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
