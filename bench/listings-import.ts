import { spawn } from "node:child_process"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { marketplaceId, reportDocumentId, reportId, SpApiClient } from "../src/lib/sp-api"
import { identifierKey } from "../src/utils/listings-import/identifiers"
import { type ReportListing, readListingRow } from "../src/utils/listings-import/listing-row"
import { assignHandles, handleCandidates, initialStock, newProductInput } from "../src/utils/listings-import/new-product"
import { countReportLines, readListingsReport } from "../src/utils/listings-import/parse-listings-report"
import { type BatchFacts, type KnownVariant, planListingsBatch } from "../src/utils/listings-import/plan-batch"
import { legacyCharsetOf } from "../src/utils/listings-import/report-charset"
import { type BenchRow, formatBenchTable } from "./bench-row"

/**
 * Listings in, the part that must stay flat whatever the catalog size: a 200,000-row
 * GET_MERCHANT_LISTINGS_ALL_DATA report requested from the sandbox, streamed (HTTP → gunzip → charset
 * decoder → csv-parse), every row read (readListingRow) and planned in batches of 500 (planListingsBatch
 * with half of the SKUs known, handles and createProductsWorkflow inputs built for the other half) —
 * exactly the code path of importListingsReportsStep, minus the database.
 *
 * What the figures do NOT cover: the per-batch database work (five lookups, createProductsWorkflow, one
 * bulk listing write), which needs a booted Medusa app and is what bounds a real import (creating
 * products is far slower than parsing them). The HTTP tests run that path end to end.
 *
 * The pipeline runs in its own child process so "peak RSS" is that process's alone (not this runner's,
 * not the sandbox's, which holds 200,000 listings in memory in a third process). For contrast, a second
 * child reads the same report the non-streaming way (downloadReportDocumentText, then split).
 */
const ROWS = Number(process.env.BENCH_LISTINGS_IMPORT_ROWS ?? 200_000)
/** A report a tenth the size, read the same way first: peak RSS should not grow with the row count. */
const SMALL_ROWS = Math.round(ROWS / 10)
const BATCH = 500
const SELLER = "A1SANDBOXSELLER01"
const DE = "A1PA6795UKMFR9"
const CREDENTIALS = {
  clientId: "amzn1.application-oa2-client.sandbox",
  clientSecret: "sandbox-client-secret",
  refreshToken: "Atzr|sandbox-refresh-token-eu",
}
const root = join(__dirname, "..")

type Mode = "streaming" | "buffered"
type ChildResult = {
  mode: Mode
  rows: number
  counted: number
  planned: { link: number; create: number; skipped: number; malformed: number }
  countMs: number
  parseMs: number
  baselineRssMb: number
  peakRssMb: number
  peakHeapMb: number
  /** the most the heap held after a forced GC (every 25,000 rows): what the pipeline really keeps */
  liveHeapMb: number | null
}

export async function benchListingsImport(): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess()
  try {
    // the sandbox's 6 seeded DE listings come on top
    await generate(sandbox.url, SMALL_ROWS)
    const small = await runChild("streaming", sandbox.url)
    await generate(sandbox.url, ROWS - SMALL_ROWS)
    const streaming = await runChild("streaming", sandbox.url)
    const buffered = await runChild("buffered", sandbox.url)
    const label = `listings import · ${streaming.rows.toLocaleString("en")}-row report`
    const rowsPerSecond = Math.round(streaming.rows / (streaming.parseMs / 1000))
    return [
      {
        bench: label,
        metric: "rows/s (download + gunzip + decode + parse + plan)",
        value: rowsPerSecond,
        note: `${(streaming.parseMs / 1000).toFixed(1)} s; ${streaming.planned.link} linked, ${streaming.planned.create} new products planned; no database`,
      },
      { bench: label, metric: "line-count pass (progress total)", value: `${Math.round(streaming.counted / (streaming.countMs / 1000))} rows/s`, note: `${streaming.countMs} ms` },
      {
        bench: label,
        metric: "peak RSS, streaming (MB)",
        value: streaming.peakRssMb,
        goal: "flat",
        note: `${streaming.baselineRssMb} MB before the download; ${small.peakRssMb} MB for the ${small.rows.toLocaleString("en")}-row report`,
      },
      {
        bench: label,
        metric: "live heap after GC, max (MB)",
        value: streaming.liveHeapMb ?? "n/a",
        goal: "flat",
        note: `${small.liveHeapMb ?? "n/a"} MB for the ${small.rows.toLocaleString("en")}-row report; peak heap incl. garbage ${streaming.peakHeapMb} MB`,
      },
      {
        bench: label,
        metric: "peak RSS, whole report as text (MB)",
        value: buffered.peakRssMb,
        note: `for contrast: downloadReportDocumentText, then split; baseline ${buffered.baselineRssMb} MB`,
      },
    ]
  } finally {
    await sandbox.close()
  }
}

async function generate(sandboxUrl: string, count: number): Promise<void> {
  const response = await fetch(`${sandboxUrl}/_sandbox/listings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ generate: { count, sellerId: SELLER, marketplaceId: DE } }),
  })
  if (!response.ok) throw new Error(`sandbox refused to generate listings: ${response.status}`)
}

function runChild(mode: Mode, sandboxUrl: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), __filename, "--child", mode, sandboxUrl], {
      cwd: root,
      // tsx runs the script in a child of its own: the flag travels in NODE_OPTIONS
      env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc"].filter(Boolean).join(" ") },
      stdio: ["ignore", "pipe", "inherit"],
    })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")))
    child.once("exit", (code) => {
      const line = output.trim().split("\n").pop() ?? ""
      try {
        if (code !== 0) throw new Error(`exit ${code}`)
        resolve(JSON.parse(line) as ChildResult)
      } catch (error) {
        reject(new Error(`listings-import bench child (${mode}) failed: ${(error as Error).message} ${output.slice(-500)}`))
      }
    })
  })
}

/** The child: one pass over the report in the given mode; prints a ChildResult as JSON. */
async function child(mode: Mode, sandboxUrl: string): Promise<void> {
  const client = new SpApiClient({
    ...CREDENTIALS,
    region: "eu",
    sellingPartnerId: SELLER,
    endpoint: sandboxUrl,
    lwaTokenUrl: `${sandboxUrl}/auth/o2/token`,
    unrefTimers: false,
  })
  const { reportId: id } = await client.reports.createReport({
    reportType: "GET_MERCHANT_LISTINGS_ALL_DATA",
    marketplaceIds: [marketplaceId(DE)],
    reportOptions: { preferredReportDocumentLocale: "en_US" },
  })
  await fetch(`${sandboxUrl}/_sandbox/reports/${id}/advance`, { method: "POST" })
  const report = await client.reports.getReport(reportId(id))
  const location = await client.reports.getReportDocument(reportDocumentId(report.reportDocumentId!))

  global.gc?.()
  const memory = new PeakMemory()
  const baselineRssMb = mb(process.memoryUsage().rss)

  let counted = 0
  const countStarted = performance.now()
  if (mode === "streaming") counted = await countReportLines(await client.reports.streamReportDocument(location))
  const countMs = Math.round(performance.now() - countStarted)

  const planned = { link: 0, create: 0, skipped: 0, malformed: 0 }
  let rows = 0
  let batch: ReportListing[] = []
  const flush = () => {
    const plan = planListingsBatch(batch, simulatedFacts(batch), { mapping: { product_id_type: "EAN", product_id_attribute: "barcode" }, run_marker: "2026-01-01T00:00:00.000Z" })
    const handles = assignHandles(plan.create.map((entry) => entry.listing), new Set(plan.create.flatMap((entry) => handleCandidates(entry.listing)).slice(0, 10)))
    const context = { marketplace_id: DE, currency_code: "eur", publish: false, sales_channel_id: "sc_bench", shipping_profile_id: null }
    for (const [i, entry] of plan.create.entries()) {
      newProductInput(entry.listing, handles[i], context)
      initialStock(entry.listing)
    }
    planned.link += plan.link.length
    planned.create += plan.create.length
    planned.skipped += plan.skipped.length
    batch = []
  }

  const started = performance.now()
  if (mode === "streaming") {
    const stream = await client.reports.streamReportDocument(location)
    for await (const line of readListingsReport(stream, { fallback: legacyCharsetOf(DE) })) {
      rows++
      if (line.kind === "malformed") {
        planned.malformed++
        continue
      }
      const read = readListingRow(line.cells, line.line)
      if (!read.ok) {
        planned.malformed++
        continue
      }
      batch.push(read.listing)
      if (batch.length >= BATCH) flush()
      if (rows % 5_000 === 0) memory.sample()
      if (rows % 25_000 === 0) memory.afterGc()
    }
    if (batch.length) flush()
    memory.afterGc()
  } else {
    // the naive way: the whole document as one string, then split into lines
    const text = await client.reports.downloadReportDocumentText(location)
    memory.sample()
    const lines = text.split("\n")
    memory.sample()
    const header = lines[0].split("\t")
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue
      rows++
      const values = lines[i].split("\t")
      const cells: Record<string, string> = {}
      header.forEach((name, j) => (cells[name] = values[j] ?? ""))
      const read = readListingRow(cells, i + 1)
      if (read.ok) batch.push(read.listing)
      if (batch.length >= BATCH) flush()
      if (rows % 5_000 === 0) memory.sample()
    }
  }
  if (batch.length) flush()
  memory.sample()
  const parseMs = Math.round(performance.now() - started)
  memory.stop()

  const result: ChildResult = {
    mode,
    rows,
    counted,
    planned,
    countMs,
    parseMs,
    baselineRssMb,
    // maxRSS is the OS's high-water mark of the whole process (KiB), sampled RSS as a cross-check
    peakRssMb: Math.max(mb(process.resourceUsage().maxRSS * 1024), memory.rss),
    peakHeapMb: memory.heap,
    liveHeapMb: memory.live,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

/** Half the batch's SKUs "known" (a variant with that SKU), every tenth also already listed — shapes the planner sees. */
function simulatedFacts(listings: ReportListing[]): BatchFacts {
  const facts: BatchFacts = {
    listingsBySku: new Map(),
    listingsByVariant: new Map(),
    variantsById: new Map(),
    variantsBySku: new Map(),
    variantsByIdentifier: new Map(),
  }
  listings.forEach((listing, i) => {
    if (i % 2) return
    const variant: KnownVariant = { id: `variant_${listing.sku}`, sku: listing.sku, product_id: `prod_${listing.sku}` }
    facts.variantsBySku.set(listing.sku, variant)
    facts.variantsById.set(variant.id, variant)
    if (listing.asin) facts.variantsByIdentifier.set(identifierKey("ASIN", listing.asin), [variant])
    if (i % 10 === 0) {
      const existing = { id: `amzlst_${i}`, sku: listing.sku, variant_id: variant.id, synced_at: null, deleted: false }
      facts.listingsBySku.set(listing.sku, existing)
      facts.listingsByVariant.set(variant.id, existing)
    }
  })
  return facts
}

class PeakMemory {
  rss = 0
  heap = 0
  live: number | null = null
  private readonly timer = setInterval(() => this.sample(), 50)
  sample(): void {
    const usage = process.memoryUsage()
    this.rss = Math.max(this.rss, mb(usage.rss))
    this.heap = Math.max(this.heap, mb(usage.heapUsed))
  }
  /** Heap still in use after a full collection (needs --expose-gc). */
  afterGc(): void {
    this.sample()
    if (!global.gc) return
    global.gc()
    this.live = Math.max(this.live ?? 0, mb(process.memoryUsage().heapUsed))
  }
  stop(): void {
    clearInterval(this.timer)
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/** The sandbox in its own process (it holds the 200,000 listings; its memory is not ours). */
async function startSandboxProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const sandbox = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "sandbox/main.ts")], {
    cwd: root,
    env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_TIME_SCALE: "600", SANDBOX_SEED: "demo", SANDBOX_VALIDATE: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ""
    sandbox.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
      const match = /AMAZON_SP_API_ENDPOINT=(\S+)/.exec(output)
      if (match) resolve(match[1])
    })
    sandbox.once("exit", (code) => reject(new Error(`sandbox exited (${code}) before it was ready`)))
  })
  sandbox.stdout.resume()
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        sandbox.once("exit", () => resolve())
        sandbox.kill("SIGTERM")
      }),
  }
}

if (require.main === module) {
  const [flag, mode, url] = process.argv.slice(2)
  const run = flag === "--child" ? child(mode as Mode, url) : benchListingsImport().then((rows) => console.log(formatBenchTable(rows)))
  run.then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
