import { mkdtempSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { ordersScenario } from "../scripts/reliability/orders"
import type { BenchRow } from "./bench-row"

/**
 * Scale-out: the same Amazon orders (two stores of one merchant) imported into Medusa by one and by two
 * worker processes on Redis (plus the HTTP server), no faults, no kills — orders per second end to end
 * (searchOrders → ledger → Medusa order with reservation and payment). Needs Redis
 * (BENCH_REDIS_URL, default redis://127.0.0.1:6379/14 — flushed).
 */
export async function benchWorkers(): Promise<BenchRow[]> {
  const orders = Number(process.env.BENCH_WORKERS_ORDERS ?? 1000)
  const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/14"
  const logRoot = mkdtempSync(path.join(os.tmpdir(), "amazon-bench-workers-"))
  const rows: BenchRow[] = []
  for (const workers of [1, 2]) {
    const result = await ordersScenario({ orders, workers, killAt: [], storm: null, redisUrl, logDir: path.join(logRoot, `${workers}`), timeoutMs: 60 * 60_000 })
    const name = `scale-out · ${orders} orders, 2 stores · ${workers} worker process${workers > 1 ? "es" : ""} + server, Redis`
    rows.push(
      { bench: name, metric: "Medusa orders / s", value: result.figures.orders_per_second, note: `${(result.wall_ms / 1000).toFixed(0)} s wall` },
      { bench: name, metric: "duplicates / missing", value: `${result.figures.duplicates} / ${result.figures.missing}`, goal: "0 / 0" }
    )
  }
  return rows
}
