import { startSandbox } from "../sandbox/server"
import { checkIdentifier } from "../src/utils/listings/gtin"
import type { BenchRow } from "./bench-row"
import { mkdtempSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { startCluster } from "../scripts/reliability/cluster"

/**
 * Listings out, end to end: a stock change made through Medusa's admin API
 * until Amazon (the sandbox, at Amazon's real quotas) receives it, at 1 and 5
 * changes per second spread over SKUS listings. Everything real runs: the
 * inventory workflow, its event, our subscriber, the outbox, the 2 s settle
 * that merges bursts, the lock, patchListingsItem through the rate limiter.
 * Goal: p95 ≤ 60 s.
 */
const SKUS = Number(process.env.BENCH_LATENCY_SKUS ?? 20)
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 30)
const RATES = (process.env.BENCH_LATENCY_RATES ?? "1,5").split(",").map(Number)
const DE = "A1PA6795UKMFR9"

function ean(i: number): string {
  const body = `43${String(700_000 + i).padStart(10, "0")}`
  for (let d = 0; d < 10; d++) if (checkIdentifier("EAN", `${body}${d}`).ok) return `${body}${d}`
  throw new Error("unreachable")
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function benchListingsLatency(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ port: 0, timeScale: 1, validateRequests: false, feedProcessingSeconds: { queue: 1, progress: 2 } })
  sandbox.control.addCatalogItems(
    Array.from({ length: SKUS }, (_, i) => ({ asin: `B0LAT${String(i).padStart(5, "0")}`, identifiers: { EAN: [ean(i)] }, title: `Latency ${i}`, brand: "Bench", productType: "PRODUCT" }))
  )
  // one Medusa process in shared mode (no Redis), as `npm run dev` runs it
  const app = await startCluster({ sandbox, workers: 0, logDir: mkdtempSync(path.join(os.tmpdir(), "amazon-bench-latency-")), env: { LOG_LEVEL: "error" } })
  const rows: BenchRow[] = []
  try {
    const { api } = app
    const { data: created } = await api.post("/admin/amazon/stores", { name: "Bench", email: "bench@example.com", marketplace_id: DE, product_id_type: "EAN", product_id_attribute: "barcode" })
    const storeId = created.amazon_store.id
    const salesChannelId = created.amazon_store.sales_channel_id
    await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: "A1SANDBOXSELLER01", refresh_token: "Atzr|sandbox-refresh-token-eu" })
    const { data: location } = await api.post("/admin/stock-locations", { name: "Bench WH" })
    const locationId = location.stock_location.id
    await api.post(`/admin/stock-locations/${locationId}/sales-channels`, { add: [salesChannelId] })

    const inventory: Record<string, string> = {}
    for (let i = 0; i < SKUS; i++) {
      const sku = `LAT-${i}`
      await api.post("/admin/products", {
        title: `Latency ${i}`,
        status: "published",
        options: [{ title: "Size", values: ["One"] }],
        sales_channels: [{ id: salesChannelId }],
        variants: [{ title: "One", sku, barcode: ean(i), manage_inventory: true, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 10 }] }],
      })
      const { data: items } = await api.get(`/admin/inventory-items?sku=${sku}`)
      inventory[sku] = items.inventory_items[0].id
      await api.post(`/admin/inventory-items/${inventory[sku]}/location-levels`, { location_id: locationId, stocked_quantity: 100 })
    }
    // every offer live on Amazon before measuring (feeds are read back by the sync run)
    const until = Date.now() + 240_000
    for (;;) {
      await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "listings" }).catch(() => undefined)
      await sleep(3000)
      const { data } = await api.get(`/admin/amazon/stores/${storeId}/listings?status=active&limit=1`)
      if (data.count >= SKUS) break
      if (Date.now() > until) throw new Error(`only ${data.count}/${SKUS} listings became active`)
    }

    let quantity = 100
    for (const rate of RATES) {
      sandbox.control.clearRequests()
      const changes: Array<{ sku: string; quantity: number; at: number }> = []
      const total = rate * SECONDS
      const started = Date.now()
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / rate
        await sleep(Math.max(0, due - Date.now()))
        const sku = `LAT-${i % SKUS}`
        quantity++
        const at = Date.now()
        await api.post(`/admin/inventory-items/${inventory[sku]}/location-levels/${locationId}`, { stocked_quantity: quantity })
        changes.push({ sku, quantity, at })
      }
      // delivered = the first patch for the SKU carrying this quantity or a later one
      const deadline = Date.now() + 180_000
      let latencies: number[] = []
      let delivered = 0
      for (;;) {
        const patches = sandbox.control
          .requests({ operation: "patchListingsItem" })
          .map((r) => {
            const body = JSON.stringify(r.body ?? {})
            const match = /"quantity":(\d+)/.exec(body)
            return { sku: decodeURIComponent(r.path.split("/").at(-1)!), quantity: match ? Number(match[1]) : -1, at: Date.parse(r.time) }
          })
        latencies = []
        for (const change of changes) {
          const hit = patches.find((p) => p.sku === change.sku && p.quantity >= change.quantity && p.at >= change.at - 5)
          if (hit) latencies.push((hit.at - change.at) / 1000)
        }
        delivered = latencies.length
        if (delivered === changes.length || Date.now() > deadline) break
        await sleep(1000)
      }
      const throttled = sandbox.control.stats().operations.patchListingsItem?.throttled ?? 0
      const name = `listings out · stock change → Amazon · ${rate}/s over ${SKUS} SKUs, ${SECONDS} s`
      rows.push(
        { bench: name, metric: "latency p50 (s)", value: percentile(latencies, 50).toFixed(2), note: "admin API call → patchListingsItem received" },
        { bench: name, metric: "latency p95 (s)", value: percentile(latencies, 95).toFixed(2), goal: "≤ 60" },
        { bench: name, metric: "delivered", value: `${delivered}/${changes.length}`, goal: "all", note: `${sandbox.control.requests({ operation: "patchListingsItem" }).length} patch calls (bursts merged)` },
        { bench: name, metric: "429s received", value: throttled, goal: "0" }
      )
    }
  } finally {
    await app.stop()
    await sandbox.close()
  }
  return rows
}

if (require.main === module) {
  benchListingsLatency().then(
    (rows) => {
      console.table(rows)
      process.exit(0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
