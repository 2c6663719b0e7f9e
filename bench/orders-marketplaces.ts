import { DEFAULT_RATE_LIMITS } from "../src/lib/sp-api/rate-limits"
import { DEFAULT_STORE_SETTINGS } from "../src/modules/amazon/types"
import { groupMarketplacesForSearch } from "../src/utils/orders/follow-amazon-order"
import { fitsBudget } from "../src/utils/orders/orders-cursor"
import { type BenchRow, formatBenchTable } from "./bench-row"

/**
 * Per-marketplace reads over a simulated day: a seller on nine EU marketplaces, the order import due every
 * `order_import_interval_minutes` (5), each run with its time budget (4 min), searchOrders' quota
 * (0.0056 rps, burst 20 — per seller and application, whatever the marketplaces). Two ways of asking:
 *
 * - "a call per marketplace" (before): each run walks the marketplaces in the same order and stops when the
 *   next token does not fit its budget — after the burst, 20 calls an hour for 108 wanted;
 * - "one call for all" (now, groupMarketplacesForSearch): one call reads all nine.
 *
 * The import's own budget check (fitsBudget) and grouping decide, on a simulated clock: no Medusa app is
 * booted, as only the quota and the order of calls matter here. One page per call (a few orders per
 * marketplace per interval). Staleness = the longest a marketplace went unread. Figures, no assertions.
 */
const DAY_MS = 24 * 60 * 60 * 1000
const RUN_BUDGET_MS = 4 * 60 * 1000
const EU9 = ["DE", "FR", "IT", "ES", "UK", "NL", "PL", "SE", "BE"]

type Strategy = "a call per marketplace" | "one call for all"

function simulateDay(strategy: Strategy) {
  const { rate, burst } = DEFAULT_RATE_LIMITS.searchOrders
  const interval = DEFAULT_STORE_SETTINGS.order_import_interval_minutes * 60 * 1000
  let tokens: number = burst
  let clock = 0
  const refill = (to: number) => {
    tokens = Math.min(burst, tokens + ((to - clock) / 1000) * rate)
    clock = to
  }
  const reads = new Map<string, number[]>(EU9.map((m) => [m, []]))
  let calls = 0
  for (let start = 0; start < DAY_MS; start += interval) {
    if (clock < start) refill(start)
    const marketplaces = EU9.map((marketplace_id) => ({ marketplace_id, orders_cursor: new Date(0) }))
    const batches = strategy === "one call for all" ? groupMarketplacesForSearch(marketplaces).map((g) => g.marketplaces) : marketplaces.map((m) => [m])
    for (const batch of batches) {
      const waitMs = tokens >= 1 ? 0 : ((1 - tokens) / rate) * 1000
      if (!fitsBudget({ elapsed_ms: clock - start, budget_ms: RUN_BUDGET_MS, wait_ms: waitMs })) break
      refill(clock + waitMs)
      tokens -= 1
      calls++
      for (const m of batch) reads.get(m.marketplace_id)!.push(clock)
    }
  }
  const perMarketplace = EU9.map((m) => {
    const times = reads.get(m)!
    let stalest = times.length ? times[0] : DAY_MS
    for (let i = 1; i < times.length; i++) stalest = Math.max(stalest, times[i] - times[i - 1])
    stalest = Math.max(stalest, DAY_MS - (times[times.length - 1] ?? 0))
    return { marketplace: m, reads: times.length, stalest_ms: stalest }
  })
  return { calls, perMarketplace }
}

export async function benchOrdersMarketplaces(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const strategy of ["a call per marketplace", "one call for all"] as Strategy[]) {
    const { calls, perMarketplace } = simulateDay(strategy)
    const fewest = perMarketplace.reduce((a, b) => (b.reads < a.reads ? b : a))
    const stalest = perMarketplace.reduce((a, b) => (b.stalest_ms > a.stalest_ms ? b : a))
    const bench = `orders · 9 EU marketplaces, simulated day · ${strategy}`
    rows.push(
      {
        bench,
        metric: "reads per marketplace (min / max)",
        value: `${fewest.reads} / ${Math.max(...perMarketplace.map((p) => p.reads))}`,
        goal: "every marketplace every interval (288)",
        note: `${calls} searchOrders calls; ${perMarketplace.map((p) => `${p.marketplace} ${p.reads}`).join(", ")}`,
      },
      {
        bench,
        metric: "max staleness (worst marketplace)",
        value: stalest.stalest_ms >= DAY_MS ? "never read" : `${(stalest.stalest_ms / 60_000).toFixed(0)} min`,
        goal: "≤ 5 min (one interval)",
        note: `${stalest.marketplace}`,
      }
    )
  }
  return rows
}

if (require.main === module) {
  void benchOrdersMarketplaces().then((rows) => console.log(formatBenchTable(rows)))
}
