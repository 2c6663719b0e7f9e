import { type BenchRow, formatBenchTable } from "./bench-row"
import { benchListings } from "./listings"
import { benchListingsLatency } from "./listings-latency"
import { benchListingsImport } from "./listings-import"
import { benchOrders } from "./orders"
import { benchOrdersMarketplaces } from "./orders-marketplaces"
import { benchPricingRules } from "./pricing-rules"
import { benchSpApiClient } from "./sp-api-client"
import { benchWorkers } from "./workers"

/**
 * Runs every bench and prints one table: `npm run bench` (or `npx tsx bench/main.ts`); BENCH_ONLY picks some.
 * Add a bench by appending an async function returning BenchRow[] to the list.
 */
const benches: Array<{ name: string; run: () => Promise<BenchRow[]> }> = [
  { name: "sp-api client", run: benchSpApiClient },
  { name: "orders", run: benchOrders },
  { name: "orders marketplaces", run: benchOrdersMarketplaces },
  { name: "listings out", run: benchListings },
  { name: "listings out latency", run: benchListingsLatency },
  { name: "listings in", run: benchListingsImport },
  { name: "pricing rules", run: benchPricingRules },
  { name: "scale-out", run: benchWorkers },
]

// BENCH_ONLY="scale-out,orders" runs only those (by name)
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim())

async function main(): Promise<void> {
  const rows: BenchRow[] = []
  for (const bench of benches.filter((b) => !only || only.includes(b.name))) {
    try {
      rows.push(...(await bench.run()))
    } catch (error) {
      rows.push({ bench: bench.name, metric: "error", value: error instanceof Error ? error.message : String(error) })
    }
  }
  console.log(formatBenchTable(rows))
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
