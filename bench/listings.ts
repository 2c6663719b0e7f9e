import { execFile } from "node:child_process"
import { performance } from "node:perf_hooks"
import { promisify } from "node:util"
import { startSandbox } from "../sandbox/server"
import { RateLimiterRegistry, SpApiClient } from "../src/lib/sp-api"
import { planListing, type ListingContext, type VariantFacts } from "../src/utils/listings/desired-listing"
import { feedDocument, feedMessage, splitIntoFeeds } from "../src/utils/listings/feed-messages"
import { checkIdentifier } from "../src/utils/listings/gtin"
import { matchAsins } from "../src/workflows/listings/lib/match-asins"
import type { ChangeRow } from "../src/workflows/listings/lib/listing-outcomes"
import type { BenchRow } from "./bench-row"

/**
 * Listings out, the parts that do not need a running Medusa:
 *  - full feed build: 100,000 variants → desired state → hash → feed messages → documents of ≤ 25,000
 *    messages, serialized — in a fresh child process, so peak RSS is this work's alone;
 *  - barcode → ASIN lookups per second against searchCatalogItems' quota (2 rps × 20 identifiers = 40/s
 *    at Amazon's rate), through the same matchAsins the sender uses.
 * The end-to-end stock-change latency is in bench/listings-latency.ts (it boots Medusa).
 */
const VARIANTS = Number(process.env.BENCH_FEED_VARIANTS ?? 100_000)
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1_000)
const LOOKUP_TIME_SCALE = Number(process.env.BENCH_LOOKUP_TIME_SCALE ?? 5)

function eanFor(i: number): string {
  const body = `42${String(i).padStart(10, "0")}`
  for (let d = 0; d < 10; d++) if (checkIdentifier("EAN", `${body}${d}`).ok) return `${body}${d}`
  throw new Error("unreachable")
}

/** The child: builds every feed document for VARIANTS variants and reports time and peak RSS. */
export function buildFeeds(count: number): { ms: number; documents: number; messages: number; bytes: number; peakRssMb: number } {
  const ctx: ListingContext = {
    marketplace_id: "A1PA6795UKMFR9",
    currency_code: "EUR",
    region_id: null,
    tax: { region_inclusive: null, currency_inclusive: true, marketplace_inclusive: true, rate_percent: 19, country_code: "DE" },
    product_id_type: "EAN",
    product_id_attribute: "barcode",
    settings: { stock_buffer: 1, handling_time_days: 2 },
    category_product_types: new Map(),
  }
  let peak = process.memoryUsage.rss()
  const started = performance.now()
  function* messages() {
    for (let i = 0; i < count; i++) {
      const facts: VariantFacts = {
        id: `variant_${i}`,
        sku: `SKU-${i}`,
        title: null,
        barcode: eanFor(i),
        ean: null,
        upc: null,
        metadata: null,
        weight: 250 + (i % 500),
        manage_inventory: true,
        available: i % 37,
        prices: [{ amount: 9.99 + (i % 100), currency_code: "eur" }],
        product: { id: `prod_${i >> 2}`, title: `Product ${i >> 2}`, status: "published", weight: null, category_ids: [], in_sales_channel: true },
      }
      const plan = planListing(facts, ctx, `B0${String(i).padStart(8, "0")}`, "PRODUCT")
      yield feedMessage(0, i % 3 === 0 ? "update" : "patch", plan.desired!)
      if (i % 10_000 === 0) peak = Math.max(peak, process.memoryUsage.rss())
    }
  }
  let documents = 0
  let total = 0
  let bytes = 0
  for (const batch of splitIntoFeeds(messages())) {
    batch.forEach((m, index) => (m.messageId = index + 1))
    bytes += Buffer.byteLength(JSON.stringify(feedDocument("A1SANDBOXSELLER01", batch)))
    documents++
    total += batch.length
    peak = Math.max(peak, process.memoryUsage.rss())
  }
  return { ms: performance.now() - started, documents, messages: total, bytes, peakRssMb: Math.round(peak / 2 ** 20) }
}

async function benchFeedBuild(): Promise<BenchRow[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, __filename, "--feed-build-child", String(VARIANTS)], {
    maxBuffer: 1 << 20,
  })
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!)
  const name = `listings out · feed build · ${VARIANTS.toLocaleString("en")} variants`
  return [
    { bench: name, metric: "wall time (s)", value: (result.ms / 1000).toFixed(2), goal: "≤ 20", note: "plan + hash + message + split + serialize" },
    { bench: name, metric: "peak RSS (MB)", value: result.peakRssMb, goal: "≤ 300", note: "fresh child process" },
    { bench: name, metric: "documents × messages", value: `${result.documents} (${result.messages})`, goal: "split at 25,000", note: `${(result.bytes / 2 ** 20).toFixed(1)} MiB in all` },
  ]
}

async function benchBarcodeLookups(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ port: 0, timeScale: LOOKUP_TIME_SCALE, validateRequests: false })
  try {
    const eans = Array.from({ length: LOOKUPS }, (_, i) => eanFor(500_000 + i))
    sandbox.control.addCatalogItems(
      eans.map((ean, i) => ({ asin: `B0BENCH${String(i).padStart(3, "0")}`, identifiers: { EAN: [ean] }, title: `Bench ${i}`, brand: "Bench", productType: "PRODUCT" }))
    )
    const client = new SpApiClient({
      clientId: "amzn1.application-oa2-client.sandbox",
      clientSecret: "sandbox-client-secret",
      refreshToken: "Atzr|sandbox-refresh-token-eu",
      region: "eu",
      sellingPartnerId: "A1SANDBOXSELLER01",
      endpoint: sandbox.url,
      lwaTokenUrl: sandbox.lwaTokenUrl,
      rateLimiter: new RateLimiterRegistry(),
    })
    const changes = eans.map(
      (ean, i): ChangeRow => ({
        id: `c${i}`,
        listing_id: `l${i}`,
        marketplace_id: "A1PA6795UKMFR9",
        sku: `S${i}`,
        operation: "update",
        hash: "",
        attempts: 0,
        payload: {
          sku: `S${i}`,
          marketplace_id: "A1PA6795UKMFR9",
          identifier: { type: "EAN", value: ean },
          asin: null,
          product_type: "PRODUCT",
          condition: "new_new",
          price: { amount: 10, currency: "EUR" },
          quantity: 1,
          handling_days: 2,
          package_weight_kg: null,
          withdrawn: false,
        },
      })
    )
    await client.sellers.getMarketplaceParticipations() // token and header-corrected rates first
    const started = performance.now()
    const matches = await matchAsins(client, changes)
    const seconds = (performance.now() - started) / 1000
    // quota floor: the bucket starts with burst 2, then 2 calls/s × time scale, 20 barcodes a call
    const calls = Math.ceil(LOOKUPS / 20)
    const floor = Math.max(0, calls - 2) / (2 * LOOKUP_TIME_SCALE)
    const quotaPerSecond = 40 * LOOKUP_TIME_SCALE
    const throttled = sandbox.control.stats().operations.searchCatalogItems?.throttled ?? 0
    const name = `listings out · barcode → ASIN · ${LOOKUPS.toLocaleString("en")} EANs at ${LOOKUP_TIME_SCALE}×`
    return [
      { bench: name, metric: "lookups/s ÷ quota (40/s × scale)", value: (LOOKUPS / seconds / quotaPerSecond).toFixed(3), goal: "≥ 0.95", note: `${(LOOKUPS / seconds).toFixed(0)}/s vs ${quotaPerSecond}/s; floor ${floor.toFixed(1)} s (burst counted), wall ${seconds.toFixed(1)} s` },
      { bench: name, metric: "ASINs found", value: `${matches.size}/${LOOKUPS}`, goal: "all" },
      { bench: name, metric: "429s received", value: throttled, goal: "0" },
    ]
  } finally {
    await sandbox.close()
  }
}

export async function benchListings(): Promise<BenchRow[]> {
  return [...(await benchFeedBuild()), ...(await benchBarcodeLookups())]
}

if (require.main === module) {
  if (process.argv[2] === "--feed-build-child") {
    console.log(JSON.stringify(buildFeeds(Number(process.argv[3]))))
  } else {
    benchListings().then((rows) => console.table(rows))
  }
}
