import type { Readable } from "node:stream"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type DocumentLocation, getMarketplace, reportDocumentId, type SpApiClient } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { type ReportListing, defaultStatusOf, readListingRow } from "../../../utils/listings-import/listing-row"
import { type CreateEntry, type FamilyPlan, planFamilies } from "../../../utils/listings-import/families"
import { assignHandles, familyProductInput, familyVariantInput, handleCandidates, initialStock, newProductInput } from "../../../utils/listings-import/new-product"
import { countReportLines, readListingsReport, ReportFormatError } from "../../../utils/listings-import/parse-listings-report"
import { listingFields, planListingsBatch } from "../../../utils/listings-import/plan-batch"
import { declaredCharset, legacyCharsetOf } from "../../../utils/listings-import/report-charset"
import { isAuthorizationLost } from "../../../utils/sp-api-errors"
import { SyncRunReporter, type SyncRunError } from "../../../utils/sync-run-reporter"
import { importListingsBatchWorkflow, type ParentListing } from "../import-listings-batch"
import { readBatchFacts, takenHandles } from "../read-batch-facts"
import { lookUpFamilies, readFamilyProducts } from "../read-family-facts"
import { amazonRunError, reportLabel } from "../run-errors"
import type { ReadyReport, ReadyReports } from "./await-listings-reports"
import { ALL_LISTINGS_REPORT, type ImportMarketplace, type ListingsImportPlan } from "./load-listings-import-plan"

/** Rows per batch: one set of lookups, one createProductsWorkflow, one bulk listing write. */
export const IMPORT_BATCH_SIZE = 500
/** Report URLs are presigned for 5 minutes (notes §6); one older than this is fetched again. */
const URL_MAX_AGE_MS = 4 * 60_000

export type ImportListingsReportsInput = { plan: ListingsImportPlan; ready: ReadyReports }
export type ImportListingsReportsResult = {
  run: {
    run_id: string
    status: "succeeded" | "failed"
    counts: Record<string, number>
    errors: SyncRunError[]
    progress: { done: number; total: number | null }
  }
  /** marketplaces whose reports were all read to the end */
  imported_marketplace_ids: string[]
}

/**
 * Streams each finished report through the parser in batches of IMPORT_BATCH_SIZE rows and runs
 * importListingsBatchWorkflow per batch, under a lock per store (two imports at once would race for the
 * same SKUs). Progress: rows done of the rows counted in a first, parse-free pass over the documents.
 * A malformed row is reported with its line and skipped; a failed batch is reported and the run goes
 * on; a lost authorization stops the run. The batches commit one by one — compensation is theirs.
 */
export const importListingsReportsStep = createStep(
  "amazon-import-listings-reports",
  async ({ plan, ready }: ImportListingsReportsInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const reporter = new SyncRunReporter(amazon, plan.run_id)
    for (const key of ["rows", "linked", "created", "skipped"]) reporter.count(key, 0)
    for (const error of ready.errors) reporter.error(error)
    const imported = new Set<string>()
    const failed = new Set(ready.errors.map((error) => error.marketplace_id as string | undefined).filter(Boolean))

    const documents = sortReports(ready.documents)
    if (!ready.stopped && documents.length) {
      const locking = container.resolve(Modules.LOCKING)
      try {
        await locking.execute(`amazon:listings-import:${plan.store_id}`, async () => {
          const session = new ImportSession(container, amazon, plan, reporter, await amazon.getStoreSpApiClient(plan.store_id))
          await session.run(documents, imported, failed)
        }, { timeout: 1 })
      } catch (error) {
        if (!isLockTimeout(error)) throw error
        reporter.error({ code: "already_running", message: "Another listings import of this store is running; this run imported nothing.", fatal: true })
      }
    }
    if (!plan.marketplaces.length) {
      reporter.error({ code: "nothing_to_import", message: "No enabled marketplace of this store has “Import listings” on." })
    }

    const importedIds = [...imported].filter((id) => !failed.has(id))
    // nothing could be imported because of Amazon or the reports: the run failed, even without a fatal error
    const nothingImported = plan.marketplaces.length > 0 && importedIds.length === 0 && reporter.errors.length > 0
    return new StepResponse<ImportListingsReportsResult>({
      run: reporter.result(nothingImported ? "failed" : undefined),
      imported_marketplace_ids: importedIds,
    })
  }
)

/** The all-listings report of a marketplace before its inactive report: what the first imports, the second recognises. */
function sortReports(documents: ReadyReport[]): ReadyReport[] {
  const rank = (type: string) => (type === ALL_LISTINGS_REPORT ? 0 : 1)
  return [...documents].sort((a, b) => a.marketplace_id.localeCompare(b.marketplace_id) || rank(a.report_type) - rank(b.report_type))
}

function isLockTimeout(error: unknown): boolean {
  return error instanceof Error && /timed-out acquiring lock/i.test(error.message)
}

type Located = { location: DocumentLocation; at: number }

/** One run's pass over its reports: counts, batches, progress. */
class ImportSession {
  private done = 0
  private total = 0
  private startedAt = Date.now()
  private readonly locations = new Map<string, Located>()

  constructor(
    private readonly container: MedusaContainer,
    private readonly amazon: AmazonModuleService,
    private readonly plan: ListingsImportPlan,
    private readonly reporter: SyncRunReporter,
    private readonly client: SpApiClient
  ) {}

  async run(documents: ReadyReport[], imported: Set<string>, failed: Set<string | undefined>): Promise<void> {
    const readable: ReadyReport[] = []
    for (const document of documents) {
      if (!document.report_document_id) {
        imported.add(document.marketplace_id) // Amazon had no listings to report
        continue
      }
      const outcome = await this.guard(document, async () => {
        this.total += await countReportLines(await this.client.reports.streamReportDocument(await this.locate(document)))
      })
      if (outcome.ok) readable.push(document)
      else failed.add(document.marketplace_id)
      if (outcome.stop) return
    }
    await this.reporter.progress(0, this.total, null, true)

    let complete = true
    for (const document of readable) {
      const outcome = await this.guard(document, () => this.importReport(document))
      if (outcome.ok) imported.add(document.marketplace_id)
      else failed.add(document.marketplace_id)
      complete &&= outcome.ok
      if (outcome.stop) return
    }
    // every line was read: the count (an upper bound, empty lines included) gives way to the real one
    if (complete) this.total = this.done
    await this.reporter.progress(this.done, Math.max(this.total, this.done), 0, true)
  }

  /**
   * Runs `work` on one report; an Amazon or report failure becomes that report's error (a cut-off download
   * included: the next run reads the report again). `stop` when the run must end (authorization lost).
   */
  private async guard(document: ReadyReport, work: () => Promise<void>): Promise<{ ok: boolean; stop: boolean }> {
    const where = { marketplace_id: document.marketplace_id, report_type: document.report_type }
    const label = this.label(document)
    try {
      await work()
      return { ok: true, stop: false }
    } catch (error) {
      if (error instanceof ReportFormatError) {
        this.reporter.error({ code: "report_unreadable", message: `${capitalize(label)} could not be read: ${error.message}`, ...where })
        return { ok: false, stop: false }
      }
      const failure = await amazonRunError(this.amazon, this.plan.store_id, error, `download ${label}`, where)
      this.reporter.error(failure)
      return { ok: false, stop: !!failure.fatal }
    }
  }

  private async importReport(document: ReadyReport): Promise<void> {
    const marketplace = this.plan.marketplaces.find((m) => m.marketplace_id === document.marketplace_id)!
    const stream: Readable & { contentType?: string } = await this.client.reports.streamReportDocument(await this.locate(document))
    // the charset the download declares wins; until the client passes the Content-Type on (a `contentType`
    // on the stream), the decoder goes by the bytes and the marketplace (report-charset.ts)
    const decoding = { declared: declaredCharset(stream.contentType), fallback: legacyCharsetOf(document.marketplace_id) }
    const defaultStatus = defaultStatusOf(document.report_type)
    let batch: ReportListing[] = []
    for await (const line of readListingsReport(stream, decoding)) {
      this.done++
      this.reporter.count("rows")
      if (line.kind === "malformed") {
        this.skip("malformed", { code: "malformed_row", line: line.line, message: `${capitalize(this.label(document))}, line ${line.line}: ${line.reason}; skipped.` }, document)
        continue
      }
      const read = readListingRow(line.cells, line.line, defaultStatus)
      if (!read.ok) {
        this.skip("malformed", { code: "malformed_row", line: line.line, message: `${capitalize(this.label(document))}, line ${line.line} ${read.message}; skipped.` }, document)
        continue
      }
      if (read.listing.status !== "active" && !marketplace.include_inactive) {
        this.reporter.count("skipped")
        this.reporter.count("skipped_inactive")
        continue
      }
      batch.push(read.listing)
      if (batch.length >= IMPORT_BATCH_SIZE) {
        await this.importBatch(marketplace, document, batch)
        batch = []
      }
      if (this.done % 100 === 0) await this.reportProgress()
    }
    if (batch.length) await this.importBatch(marketplace, document, batch)
    await this.reportProgress()
  }

  private async importBatch(marketplace: ImportMarketplace, document: ReadyReport, listings: ReportListing[]): Promise<void> {
    const scope = { store_id: this.plan.store_id, marketplace_id: marketplace.marketplace_id, mapping: this.plan.mapping }
    const plan = planListingsBatch(listings, await readBatchFacts(this.container, scope, listings), {
      mapping: this.plan.mapping,
      run_marker: this.plan.run_marker,
    })
    for (const skipped of plan.skipped) {
      this.skip(skipped.reason, { code: `${skipped.reason}_listing`, line: skipped.line, sku: skipped.sku, message: `${capitalize(this.label(document))}, line ${skipped.line}: ${skipped.message}.` }, document)
    }
    this.reporter.count("already_imported", plan.already_imported)
    if (!plan.link.length && !plan.create.length) return

    const families = await this.sortFamilies(marketplace, document, listings, plan.create)
    for (const skipped of families.skipped) {
      this.skip(skipped.reason, { code: `${skipped.reason}_listing`, line: skipped.line, sku: skipped.sku, message: `${capitalize(this.label(document))}, line ${skipped.line}: ${skipped.message}.` }, document)
    }
    for (const flat of families.flat.filter((entry) => entry.note)) {
      this.reporter.count("family_children_apart")
      this.reporter.error({
        code: "family_child_apart",
        line: flat.listing.line,
        sku: flat.listing.sku,
        message: `${capitalize(this.label(document))}, line ${flat.listing.line}: ${flat.note}.`,
        marketplace_id: marketplace.marketplace_id,
        report_type: document.report_type,
      })
    }
    const newFamilies = families.groups.filter((group) => !group.product_id)
    const joining = families.groups.filter((group) => group.product_id)
    if (!plan.link.length && !families.flat.length && !families.groups.length && !families.parents.length) return

    const named = [...families.flat.map((entry) => entry.listing), ...newFamilies.map((group) => ({ title: group.title, sku: group.parent_sku }))]
    const taken = await takenHandles(this.container, named.flatMap((listing) => handleCandidates(listing)))
    const handles = assignHandles(named, taken)
    const productContext = {
      marketplace_id: marketplace.marketplace_id,
      currency_code: marketplace.currency_code,
      publish: this.plan.publish,
      sales_channel_id: this.plan.sales_channel_id,
      shipping_profile_id: this.plan.shipping_profile_id,
    }
    const parentAsin = new Map(families.parents.map((parent) => [parent.parent_sku, parent.asin]))
    const children = families.groups.flatMap((group) => group.children)
    const newListing = (entry: CreateEntry) => ({ fields: listingFields(entry.listing), existing_id: entry.existing_id, restore: entry.restore, stock: initialStock(entry.listing) })
    const parentRows = await this.parentRows(marketplace.marketplace_id, families)
    try {
      await importListingsBatchWorkflow(this.container).run({
        input: {
          store_id: this.plan.store_id,
          marketplace_id: marketplace.marketplace_id,
          currency_code: marketplace.currency_code,
          synced_at: this.plan.run_marker,
          location_id: this.plan.location_id,
          links: plan.link.map(({ matched_by: _matchedBy, ...write }) => write),
          products: [
            ...families.flat.map((entry, i) => newProductInput(entry.listing, handles[i], productContext)),
            ...newFamilies.map((group, i) => familyProductInput(group, handles[families.flat.length + i], productContext, parentAsin.get(group.parent_sku) ?? null)),
          ],
          new_listings: [...families.flat, ...children].map(newListing),
          additions: joining.map((group) => ({
            product_id: group.product_id!,
            option_values: group.options.filter((option) => option.option_id && option.values.length).map((option) => ({ product_option_id: option.option_id!, add: option.values })),
            variants: group.children.map((child) => familyVariantInput(child, marketplace.currency_code)),
          })),
          parents: parentRows,
        },
      })
    } catch (error) {
      const first = listings[0].line
      const last = listings[listings.length - 1].line
      const count = plan.link.length + families.flat.length + children.length
      this.reporter.count("skipped", count)
      this.reporter.count("skipped_failed", count)
      this.reporter.error({
        code: "batch_failed",
        message: `${capitalize(this.label(document))}, lines ${first}–${last}: ${count} listings were not imported (${errorMessage(error)}); nothing of this batch was kept and the next run tries again.`,
        marketplace_id: marketplace.marketplace_id,
        report_type: document.report_type,
      })
      return
    }
    this.reporter.count("linked", plan.link.length)
    this.reporter.count("created", families.flat.length + newFamilies.length)
    if (families.groups.length) {
      this.reporter.count("families_created", newFamilies.length)
      this.reporter.count("family_children", children.length)
    }
    if (parentRows.length) this.reporter.count("family_parents", parentRows.length)
  }

  /**
   * The batch's unknown SKUs sorted by family (families.ts), after asking Amazon about them. When Amazon
   * cannot be asked, the unknown SKUs wait for the next run (a child imported alone could not be regrouped);
   * the known ones are still linked. A lost authorization is re-thrown: it stops the run.
   */
  private async sortFamilies(marketplace: ImportMarketplace, document: ReadyReport, listings: ReportListing[], creates: CreateEntry[]): Promise<FamilyPlan> {
    const empty: FamilyPlan = { flat: [], groups: [], parents: [], skipped: [] }
    if (!creates.length) return empty
    try {
      const facts = await lookUpFamilies(this.client, marketplace.marketplace_id, creates.map((entry) => entry.listing.sku))
      const parentSkus = new Set<string>()
      for (const entry of creates) {
        const own = facts.get(entry.listing.sku)
        if (own?.role === "parent") parentSkus.add(own.sku)
        if (own?.role === "child" && own.parent_sku) parentSkus.add(own.parent_sku)
      }
      const existing = await readFamilyProducts(this.container, this.plan.store_id, [...parentSkus], facts)
      return planFamilies(creates, facts, existing)
    } catch (error) {
      const where = { marketplace_id: marketplace.marketplace_id, report_type: document.report_type }
      if (isAuthorizationLost(error)) throw error
      const failure = await amazonRunError(this.amazon, this.plan.store_id, error, "read the variation families of new listings", where)
      const first = listings[0].line
      const last = listings[listings.length - 1].line
      this.reporter.count("skipped", creates.length)
      this.reporter.count("skipped_family_unknown", creates.length)
      this.reporter.error({
        ...failure,
        message: `${capitalize(this.label(document))}, lines ${first}–${last}: ${creates.length} new listings were not imported because Amazon could not say which belong to a variation family (${failure.message}); the next run tries again.`,
      })
      return empty
    }
  }

  /** Each parent to record, with the row it already has in this marketplace (one already on the family's product is left as it is). */
  private async parentRows(marketplaceId: string, families: FamilyPlan): Promise<ParentListing[]> {
    if (!families.parents.length) return []
    const loose = families.parents.filter((parent) => !parent.entry).map((parent) => parent.parent_sku)
    const rows = loose.length
      ? ((await this.amazon.listAmazonListings(
          { store_id: this.plan.store_id, marketplace_id: marketplaceId, sku: loose },
          { select: ["id", "sku", "product_id", "deleted_at"], withDeleted: true }
        )) as Array<{ id: string; sku: string; product_id: string | null; deleted_at: Date | string | null }>)
      : []
    const bySku = new Map<string, (typeof rows)[number]>()
    for (const row of rows) if (!bySku.get(row.sku) || bySku.get(row.sku)!.deleted_at) bySku.set(row.sku, row)
    const firstChild = new Map(families.groups.map((group) => [group.parent_sku, group.children[0]?.listing.sku]))
    const out: ParentListing[] = []
    for (const parent of families.parents) {
      const row = parent.entry ? null : bySku.get(parent.parent_sku)
      // already on the family's product; one on a product deleted since is pointed at the family's product
      if (row && !row.deleted_at && row.product_id && row.product_id === parent.product_id) continue
      const childSku = firstChild.get(parent.parent_sku)
      if (!parent.product_id && !childSku) continue
      out.push({
        fields: { sku: parent.parent_sku, asin: parent.asin, status: parent.status, price: null, quantity: null, fulfillment_channel: null, condition_type: null },
        existing_id: parent.entry?.existing_id ?? row?.id ?? null,
        restore: parent.entry?.restore ?? !!row?.deleted_at,
        product_id: parent.product_id,
        child_sku: childSku ?? "",
      })
    }
    return out
  }

  private skip(reason: string, error: SyncRunError & { line: number }, document: ReadyReport): void {
    this.reporter.count("skipped")
    this.reporter.count(`skipped_${reason}`)
    this.reporter.error({ ...error, marketplace_id: document.marketplace_id, report_type: document.report_type })
  }

  private async reportProgress(): Promise<void> {
    const elapsed = (Date.now() - this.startedAt) / 1000
    const rate = elapsed > 0 ? this.done / elapsed : 0
    const total = Math.max(this.total, this.done)
    await this.reporter.progress(this.done, total, rate > 0 ? (total - this.done) / rate : null)
  }

  /** The document's presigned URL, fetched again once it is close to its 5-minute expiry. */
  private async locate(document: ReadyReport): Promise<DocumentLocation> {
    const cached = this.locations.get(document.report_document_id!)
    if (cached && Date.now() - cached.at < URL_MAX_AGE_MS) return cached.location
    const location = await this.client.reports.getReportDocument(reportDocumentId(document.report_document_id!))
    this.locations.set(document.report_document_id!, { location, at: Date.now() })
    return location
  }

  private label(document: ReadyReport): string {
    return reportLabel(document.marketplace_id, document.report_type, getMarketplace(document.marketplace_id)?.country_code)
  }
}

/** Workflow runs reject with serialized errors (plain objects with a message), not always Error instances. */
function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === "string" ? message : String(error)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
