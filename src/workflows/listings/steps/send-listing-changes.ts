import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "../../../modules/amazon/types"
import {
  marketplaceId,
  sku as toSku,
  type SpApiClient,
  SpApiError,
  SpApiNetworkError,
  feedDocumentId,
} from "../../../lib/sp-api"
import { hashState, type ListingIssue } from "../../../utils/listings/desired-listing"
import { type CurrentAttributes, defaultPatchFields, feedDocument, feedMessage, offerPatches, splitIntoFeeds } from "../../../utils/listings/feed-messages"
import { FAST_PATH_MAX_DEFAULT } from "../../../utils/listings/limits"
import { shouldHold } from "../../../utils/listings/safety-hold"
import { amazonReason, isAuthorizationLost } from "../../../utils/sp-api-errors"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import { SyncRunReporter } from "../../../utils/sync-run-reporter"
import { loadAttributeValues } from "../lib/attribute-values"
import { type ChangeRow, recordAccepted, recordRejected, releaseToQueue } from "../lib/listing-outcomes"
import { readPatchAnswer } from "../../../utils/listings/patch-answer"
import { matchAsins } from "../lib/match-asins"
import { ambiguousAsinMessage, type CatalogAnswer } from "../../../utils/listings/catalog-match"
import { readCurrentOffers } from "../lib/read-current-offers"
import { adoptSellerOffer, findSellerOffers, sameOffer, type SellerOffer } from "../lib/find-seller-offers"
import { type FeedMessageBody, groupFeedMessages } from "../../../utils/listings/multi-marketplace-feeds"
import { childrenAwaitingParent } from "../lib/variation-families"
import { READ_BACK_FIELDS, readBackListings, type ReadBackRow } from "../lib/read-back-listings"

export type SendListingChangesInput = {
  store_id: string
  run_id: string
  /** wait this long before claiming, so a burst of edits to one SKU becomes one change (event-triggered sends) */
  settle_ms?: number
}

/** Changes that arrive while a send runs are picked up by the same run, within this budget. */
const ROUND_BUDGET_MS = 10 * 60 * 1000

const FAST_PATH_MAX = FAST_PATH_MAX_DEFAULT
/** JSON_LISTINGS_FEED: 5 submissions per 5 minutes per region (changelog 2025-05-06, notes §0.4). */
const FEEDS_PER_WINDOW = 5
const FEED_WINDOW_MS = 5 * 60 * 1000
/**
 * A change Amazon keeps failing with something other than a listing issue (outage, FATAL feeds) is tried
 * again after 2, 4, 8 … 60 minutes, and given up — as an issue on the listing — after this many tries (~4 h).
 */
const MAX_ATTEMPTS = 8
const retryDelayMs = (attempts: number) => (attempts ? Math.min(60, 2 ** attempts) * 60_000 : 0)
const PATCH_RPS = 5
/** How long feed-bound changes wait for company after the last one arrived (env AMAZON_FEED_GATHER_MS). */
const FEED_GATHER_MS = 10_000
/** …unless there are already this many: then the feed goes at once. */
const FEED_GATHER_ENOUGH = 5_000
/** Zeros accepted this recently count toward the safety hold with the pending ones. */
const HOLD_WINDOW_MS = 15 * 60 * 1000

class StopRun extends Error {}

/**
 * Drains the store's outbox: safety hold → claim → ASIN lookup → fast path
 * (patchListingsItem) for small price/stock changes, JSON_LISTINGS_FEED for
 * the rest. The only irreversible call, createFeed, comes last per feed.
 * Changes are claimed before anything is sent and every outcome is written as
 * it arrives, so a crash leaves claimed changes that the next run re-sends
 * (a listing PUT/PATCH converges to the same state when repeated).
 */
export const sendListingChangesStep = createStep(
  "amazon-send-listing-changes",
  async (input: SendListingChangesInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const reporter = new SyncRunReporter(amazon, input.run_id)
    const store = await amazon.retrieveAmazonStore(input.store_id, { select: ["id", "selling_partner_id", "settings"] })
    const settings: StoreSettings = { ...DEFAULT_STORE_SETTINGS, ...((store.settings as Partial<StoreSettings>) ?? {}) }
    const client = await amazon.getStoreSpApiClient(input.store_id)
    /** Amazon's attributes of the offers this round patches (read-current-offers.ts), by change id */
    let current = new Map<string, CurrentAttributes | null>()

    try {
      await releaseStaleClaims(amazon, input.store_id, input.run_id)
      if (input.settle_ms) await new Promise((resolve) => setTimeout(resolve, input.settle_ms))
      reporter.total = 0
      for (const until = Date.now() + ROUND_BUDGET_MS; Date.now() < until; ) {
        await applySafetyHold(amazon, input.store_id, reporter)
        const changes = await claimChanges(amazon, input.store_id, input.run_id)
        if (!changes.length) break
        reporter.total += changes.length
        await reporter.progress(reporter.done, reporter.total, null, true)

        const patches = changes.filter((c) => c.operation === "patch")
        const fastPath = settings.fast_path && patches.length <= FAST_PATH_MAX ? patches : []
        let viaFeed = changes.filter((c) => !fastPath.includes(c))
        // Feed-bound changes gather a little before a feed is built (Amazon allows 5 feeds in 5 minutes):
        // offers created one by one then share a feed. Price/stock patches do not wait.
        const gatherMs = Number(process.env.AMAZON_FEED_GATHER_MS ?? FEED_GATHER_MS)
        const ages = viaFeed.map((c) => new Date(c.created_at ?? 0).getTime())
        // until the flow pauses for gatherMs, but never more than 3 × gatherMs after the first arrived
        const sendAt = Math.min(Math.max(0, ...ages) + gatherMs, Math.min(...ages) + 3 * gatherMs)
        const waitMs = viaFeed.length && viaFeed.length < FEED_GATHER_ENOUGH ? sendAt - Date.now() : 0
        if (waitMs > 0) {
          await releaseToQueue(amazon, viaFeed.map((c) => c.id), undefined, false)
          reporter.total -= viaFeed.length
          viaFeed = []
        }
        let ready = await resolveAsins(amazon, client, [...fastPath, ...viaFeed], reporter)
        // an offer we would create on an ASIN the seller already sells becomes a patch of the seller's offer
        ready = await adoptSellerOffers(amazon, client, input.store_id, ready, reporter)
        // a patch is built on the offer as Amazon has it now, so what the seller set beside our price/stock survives
        const patching = ready.filter((c) => c.operation === "patch")
        try {
          current = await readCurrentOffers(client, patching)
        } catch (error) {
          await onAmazonError(error, patching.map((c) => c.id))
          ready = ready.filter((c) => c.operation !== "patch")
        }
        const readyFast = ready.filter((c) => fastPath.includes(c))
        const readyFeed = ready.filter((c) => !fastPath.includes(c))

        const deferredBefore = reporter.counts.deferred_feed_quota ?? 0
        const unavailableBefore = reporter.counts.errors ?? 0
        await sendFastPath(amazon, client, store.selling_partner_id!, readyFast, reporter)
        await submitFeeds(amazon, client, input.store_id, store.selling_partner_id!, readyFeed, reporter)
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, gatherMs)))
        // what is left waits for the feed quota: a later run (the minute job) takes it, this one stops
        if ((reporter.counts.deferred_feed_quota ?? 0) > deferredBefore) break
        // Amazon refused or failed this round: retrying at once would only spend the attempts; the next run retries
        if ((reporter.counts.errors ?? 0) > unavailableBefore) break
      }
    } catch (error) {
      if (error instanceof StopRun) return new StepResponse(reporter.result("failed"))
      throw error
    }
    await reporter.progress(reporter.done, reporter.total, 0, true)
    return new StepResponse(reporter.result())

    /** Amazon's answer to a call: a lost authorization stops the run (and pauses the store), loudly. */
    async function onAmazonError(error: unknown, changeIds: string[]): Promise<void> {
      // a lost authorization is not the change's fault: no attempt counted, no backoff after re-authorization
      await releaseToQueue(amazon, changeIds, error instanceof Error ? error.message : String(error), !isAuthorizationLost(error))
      if (isAuthorizationLost(error)) {
        const message = await markAuthorizationLost(amazon, input.store_id, amazonReason(error))
        reporter.error({ code: "authorization_lost", message, fatal: true })
        throw new StopRun()
      }
      const reason = error instanceof SpApiError ? amazonReason(error) : String(error)
      reporter.error({ code: "amazon_unavailable", message: `Amazon did not take ${changeIds.length} change(s) (${reason}); they stay queued for the next run.` })
    }

    async function resolveAsins(amazonService: AmazonModuleService, spApi: SpApiClient, claimed: ChangeRow[], run: SyncRunReporter) {
      const lookups = claimed.filter((c) => c.operation === "update" && !c.payload.asin)
      let matches = new Map<string, CatalogAnswer>()
      try {
        matches = await matchAsins(spApi, lookups)
      } catch (error) {
        await onAmazonError(error, lookups.map((c) => c.id))
        return claimed.filter((c) => !lookups.includes(c))
      }
      run.count("asin_lookups", lookups.length)
      run.count("asins_found", [...matches.values()].filter((m) => m.kind === "match").length)
      const unmatched: Array<{ change: ChangeRow; issues: ListingIssue[] }> = []
      const listingUpdates: Array<{ id: string; asin: string; product_type: string | null; desired_hash: string }> = []
      const changeUpdates: Array<{ id: string; payload: Record<string, unknown>; hash: string }> = []
      for (const change of lookups) {
        const match = matches.get(change.id)
        if (match?.kind === "ambiguous") {
          // several ASINs carry the barcode: offering on the wrong one sells the wrong product, so a human chooses
          const id = change.payload.identifier!
          unmatched.push({
            change,
            issues: [
              {
                source: "amazon",
                code: "ambiguous_asin",
                severity: "error",
                message: ambiguousAsinMessage(id.type, id.value, match.candidates),
                field: "barcode",
                candidates: match.candidates,
              },
            ],
          })
        } else if (match) {
          // the ASIN becomes part of the state, so the hash moves with it: the next compute sees no change.
          // An offer on an existing ASIN goes as that ASIN's product type (or PRODUCT), never the category mapping meant for new ASINs
          change.payload = { ...change.payload, asin: match.asin, product_type: match.product_type ?? "PRODUCT" }
          change.hash = hashState(change.payload)
          listingUpdates.push({ id: change.listing_id, asin: match.asin, product_type: change.payload.product_type, desired_hash: change.hash })
          changeUpdates.push({ id: change.id, payload: change.payload as unknown as Record<string, unknown>, hash: change.hash })
        } else if (change.payload.product_type === "PRODUCT") {
          const id = change.payload.identifier!
          unmatched.push({
            change,
            issues: [
              {
                source: "medusa",
                code: "no_asin",
                severity: "error",
                message: `No ASIN found for ${id.type} ${id.value} in Amazon's catalog for this marketplace. Check the ${id.type}, or map the product's category to an Amazon product type to create a new listing.`,
                field: "barcode",
              },
            ],
          })
        }
      }
      if (listingUpdates.length) await amazonService.updateAmazonListings(listingUpdates)
      if (changeUpdates.length) await amazonService.updateAmazonListingChanges(changeUpdates)
      await recordRejected(amazonService, unmatched, null)
      run.count("rejected", unmatched.length)
      run.done += unmatched.length
      const rejectedIds = new Set(unmatched.map((u) => u.change.id))
      return claimed.filter((c) => !rejectedIds.has(c.id))
    }

    /**
     * Never a second SKU on an ASIN the seller sells (issue 13, point 2): before an offer is created on an
     * existing ASIN, Amazon is asked which offers the seller has on it (searchListingsItems by ASIN). One of the
     * same condition → the listing adopts it (Amazon's SKU, channel, condition, product type, status) and the
     * change becomes a patch of its price and stock; several → a listing issue the admin settles by choosing the
     * SKU (POST …/listings/:listing_id/sku); none → the offer is new and is created.
     */
    async function adoptSellerOffers(amazonService: AmazonModuleService, spApi: SpApiClient, storeId: string, claimed: ChangeRow[], run: SyncRunReporter) {
      const creating = claimed.filter((c) => c.operation === "update" && !!c.payload.asin && !c.payload.withdrawn && !c.payload.variation)
      if (!creating.length) return claimed
      let found: Map<string, SellerOffer[]>
      try {
        found = await findSellerOffers(spApi, creating)
      } catch (error) {
        await onAmazonError(error, creating.map((c) => c.id))
        return claimed.filter((c) => !creating.includes(c))
      }
      const refused: Array<{ change: ChangeRow; issues: ListingIssue[] }> = []
      for (const change of creating) {
        const verdict = sameOffer(change.payload.condition, found.get(change.id) ?? [])
        if (!verdict) continue
        if (verdict.kind === "ambiguous") {
          refused.push({
            change,
            issues: [
              {
                source: "medusa",
                code: "several_seller_offers",
                severity: "error",
                message: `You already sell ASIN ${change.payload.asin} here under ${verdict.offers.length} SKUs (${verdict.offers.map((o) => o.sku).join(", ")}). Choose the one this variant is, so its price and stock go to that offer; no second offer is created.`,
                field: "sku",
                sku_candidates: verdict.offers.map(({ asin: _asin, ...o }) => o),
              },
            ],
          })
          continue
        }
        const offer = verdict.offer
        const [taken] = await amazonService.listAmazonListings(
          { store_id: storeId, marketplace_id: change.marketplace_id, sku: offer.sku },
          { select: ["id", "variant_id"] }
        )
        if (taken && taken.id !== change.listing_id) {
          refused.push({
            change,
            issues: [
              {
                source: "medusa",
                code: "seller_sku_taken",
                severity: "error",
                message: `You already sell ASIN ${change.payload.asin} here under SKU ${offer.sku}, which is linked to ${taken.variant_id ? "another variant" : "no variant"} in Medusa. Link that listing to this variant (or fix the barcode); no second offer is created.`,
                field: "sku",
              },
            ],
          })
          continue
        }
        await adoptSellerOffer(amazonService, change.listing_id, offer, change)
        run.count("adopted_seller_offers")
      }
      await recordRejected(amazonService, refused, null)
      run.count("rejected", refused.length)
      run.done += refused.length
      const refusedIds = new Set(refused.map((r) => r.change.id))
      return claimed.filter((c) => !refusedIds.has(c.id))
    }

    async function sendFastPath(amazonService: AmazonModuleService, spApi: SpApiClient, sellerId: string, items: ChangeRow[], run: SyncRunReporter) {
      // a patch with nothing of ours left to send (an offer Amazon shows as FBA gets no stock) is done as it is
      const empty = items.filter((c) => c.operation === "patch" && !patchesOf(c).length)
      await recordAccepted(amazonService, empty.map((change) => ({ change, issues: [] })), null)
      run.done += empty.length
      const queue = items.filter((c) => !empty.includes(c))
      // nothing-to-send patches were recorded as accepted too: their status is read back with the rest
      const acceptedListings: string[] = empty.map((c) => c.listing_id)
      const worker = async () => {
        for (let change = queue.shift(); change; change = queue.shift()) {
          try {
            const answer = await spApi.listingsItems.patchListingsItem({
              sellerId: sellerId as never,
              sku: toSku(change.sku),
              marketplaceIds: [marketplaceId(change.marketplace_id)],
              issueLocale: "en_US",
              body: { productType: change.payload.product_type, patches: patchesOf(change) },
            })
            const { accepted, issues } = readPatchAnswer(answer)
            if (accepted) {
              await recordAccepted(amazonService, [{ change, issues }], null)
              acceptedListings.push(change.listing_id)
              run.count("accepted_fast_path")
            } else {
              await recordRejected(amazonService, [{ change, issues }], null)
              run.count("rejected")
            }
          } catch (error) {
            await onAmazonError(error, [change.id])
          }
          run.done++
          await run.progress(run.done, run.total, queue.length / PATCH_RPS)
        }
      }
      // A few calls in flight hide the round trip; the rate limiter still paces them at the quota.
      await Promise.all(Array.from({ length: Math.min(5, items.length) }, worker))
      // accepted is not live: Amazon's status and issues are read back (20 SKUs a call); unread ones wait for the hourly reconcile
      if (acceptedListings.length) {
        const rows = await amazonService.listAmazonListings({ id: acceptedListings }, { select: [...READ_BACK_FIELDS] })
        await readBackListings(amazonService, spApi, rows as unknown as ReadBackRow[], { keepSubmissionIssues: true }).catch((error) => onAmazonReadBackError(error))
      }
    }

    async function onAmazonReadBackError(error: unknown) {
      if (isAuthorizationLost(error)) return onAmazonError(error, [])
      reporter.error({ code: "read_back_failed", message: `Amazon took the changes but their listing status could not be read yet (${error instanceof SpApiError ? amazonReason(error) : String(error)}); the hourly reconcile reads it.` })
    }

    /** The patch operations of a change: only the parts it changes, merged into Amazon's current attributes. */
    function patchesOf(change: ChangeRow) {
      return offerPatches(change.payload, change.payload.patch_fields ?? defaultPatchFields(change.payload), current.get(change.id) ?? null)
    }

    async function submitFeeds(amazonService: AmazonModuleService, spApi: SpApiClient, storeId: string, sellerId: string, all: ChangeRow[], run: SyncRunReporter) {
      const empty = all.filter((c) => c.operation === "patch" && !patchesOf(c).length)
      await recordAccepted(amazonService, empty.map((change) => ({ change, issues: [] })), null)
      if (empty.length) {
        const rows = await amazonService.listAmazonListings({ id: empty.map((c) => c.listing_id) }, { select: [...READ_BACK_FIELDS] })
        await readBackListings(amazonService, spApi, rows as unknown as ReadBackRow[], { keepSubmissionIssues: true }).catch((error) => onAmazonReadBackError(error))
      }
      run.done += empty.length
      let items = all.filter((c) => !empty.includes(c))
      // new ASINs: attributes shaped per the product type's schema; what the schema refuses is not sent
      const creating = items.filter((c) => c.operation === "update" && !c.payload.asin)
      let extraAttributes = new Map<string, Record<string, unknown[]>>()
      try {
        const loaded = await loadAttributeValues(container, storeId, creating, spApi)
        extraAttributes = loaded.attributes
        const refused = creating.filter((c) => loaded.refused.has(c.id))
        await recordRejected(amazonService, refused.map((change) => ({ change, issues: loaded.refused.get(change.id)! })), null)
        run.count("rejected", refused.length)
        run.done += refused.length
        items = items.filter((c) => !refused.includes(c))
      } catch (error) {
        await onAmazonError(error, creating.map((c) => c.id))
        items = items.filter((c) => !creating.includes(c))
      }
      // a SKU whose message is the same in several marketplaces goes once, in one feed naming them all
      // (multi-marketplace-feeds.ts); messages that differ per marketplace go in per-marketplace feeds
      const groups = groupFeedMessages(
        items.map((change) => {
          const { messageId: _id, ...message } = feedMessage(0, change.operation, change.payload, extraAttributes.get(change.id), {
            fields: change.payload.patch_fields,
            current: current.get(change.id) ?? null,
          })
          return { item: change, marketplace: change.marketplace_id, message: message as FeedMessageBody }
        })
      )
      for (const group of groups) {
        const byMessage = new Map(group.entries.map((entry) => [entry.message, entry]))
        for (const messages of splitIntoFeeds(group.entries.map((entry) => entry.message))) {
          const batch = messages.map((message) => byMessage.get(message)!)
          if (!(await mayCreateFeed(amazonService, storeId))) {
            const ids = batch.flatMap((entry) => entry.items.map((c) => c.id))
            await releaseToQueue(amazonService, ids, undefined, false)
            run.count("deferred_feed_quota", ids.length)
            continue
          }
          await submitOneFeed(amazonService, spApi, storeId, sellerId, group.marketplaces, batch, run)
        }
      }
    }

    async function submitOneFeed(
      amazonService: AmazonModuleService,
      spApi: SpApiClient,
      storeId: string,
      sellerId: string,
      marketplaces: string[],
      entries: Array<{ message: FeedMessageBody; items: ChangeRow[] }>,
      run: SyncRunReporter
    ) {
      const batch = entries.flatMap((entry) => entry.items)
      const feed = await amazonService.createAmazonFeeds({
        store_id: storeId,
        feed_type: "JSON_LISTINGS_FEED",
        marketplace_ids: marketplaces as unknown as Record<string, unknown>,
        message_count: entries.length,
        status: "building",
      })
      const messages = entries.map((entry, index) => ({ messageId: index + 1, ...entry.message }) as ReturnType<typeof feedMessage>)
      // every change a message carries (one per marketplace) reads its outcome from that message
      await amazonService.updateAmazonListingChanges(
        entries.flatMap((entry, index) => entry.items.map((change) => ({ id: change.id, claimed_by: feed.id, feed_message_id: index + 1 })))
      )
      const body = JSON.stringify(feedDocument(sellerId, messages))
      const contentType = "application/json; charset=UTF-8"
      let documentId: string | undefined
      let uploadedAt = 0
      try {
        const target = await spApi.feeds.createFeedDocument({ contentType })
        documentId = target.feedDocumentId
        await spApi.feeds.uploadFeedDocument(target, Buffer.from(body), contentType)
        await amazonService.updateAmazonFeeds({ id: feed.id, status: "uploaded", input_document_id: documentId })
        uploadedAt = Date.now()
        // createFeed cannot be undone: it is the last call, and its answer is written at once
        const created = await spApi.feeds.createFeed({
          feedType: "JSON_LISTINGS_FEED",
          marketplaceIds: marketplaces.map((m) => marketplaceId(m)),
          inputFeedDocumentId: feedDocumentId(documentId),
        })
        await markSubmitted(amazonService, feed.id, created.feedId, batch)
        run.count("sent_in_feeds", batch.length)
        run.count("feeds")
        if (marketplaces.length > 1) run.count("multi_marketplace_feeds")
      } catch (error) {
        if (documentId && uploadedAt && ((error instanceof SpApiNetworkError && error.mayHaveBeenReceived) || (error instanceof SpApiError && (error.status ?? 0) >= 500))) {
          // Amazon may have taken it: look for a feed of this document before sending it again
          const found = await findFeedOfDocument(amazonService, spApi, marketplaces, uploadedAt).catch(() => undefined)
          if (found) {
            await markSubmitted(amazonService, feed.id, found, batch)
            run.count("sent_in_feeds", batch.length)
            return
          }
        }
        await amazonService.updateAmazonFeeds({ id: feed.id, status: "failed", error: error instanceof Error ? error.message : String(error) })
        await onAmazonError(error, batch.map((c) => c.id))
      }
      run.done += batch.length
      await run.progress(run.done, run.total, null)
    }

    async function markSubmitted(amazonService: AmazonModuleService, feedRowId: string, amazonFeedId: string, batch: ChangeRow[]) {
      const now = new Date()
      await amazonService.updateAmazonFeeds({ id: feedRowId, status: "submitted", amazon_feed_id: amazonFeedId, submitted_at: now })
      await amazonService.updateAmazonListings(
        batch.map((c) => ({ id: c.listing_id, status: "submitted" as const, submitted_at: now, last_feed_id: feedRowId }))
      )
    }
  }
)

/**
 * Amazon allows 5 JSON_LISTINGS_FEED submissions per 5 minutes. The first
 * few go at once; after that feeds are paced to one a minute, so offers that
 * trickle in gather into the next feed instead of using the window up and
 * then waiting five minutes.
 */
async function mayCreateFeed(amazon: AmazonModuleService, storeId: string): Promise<boolean> {
  const recent = await amazon.listAmazonFeeds(
    { store_id: storeId, submitted_at: { $gte: new Date(Date.now() - FEED_WINDOW_MS) } },
    { select: ["submitted_at"], order: { submitted_at: "DESC" } }
  )
  if (recent.length >= FEEDS_PER_WINDOW) return false
  if (recent.length < FEEDS_PER_WINDOW - 2) return true
  return Date.now() - new Date(recent[0].submitted_at!).getTime() >= FEED_WINDOW_MS / FEEDS_PER_WINDOW
}

/**
 * The feed a createFeed whose answer was lost made, if Amazon has it. Amazon's Feed does not name its input document
 * (feeds_2021-06-30 Feed has no inputFeedDocumentId), so it is recognised by what Amazon does show: a
 * JSON_LISTINGS_FEED for exactly these marketplaces, created since the upload (a minute of leeway for clocks), that no
 * amazon_feed row knows. Only one such feed counts; with none or several (another app sending listings feeds at the
 * same moment) the changes are sent again — a JSON_LISTINGS_FEED carries whole PATCH/DELETE messages, so a second copy
 * leaves Amazon as one would, at the cost of one feed of the quota.
 */
async function findFeedOfDocument(amazon: AmazonModuleService, client: SpApiClient, marketplaces: string[], uploadedAt: number): Promise<string | undefined> {
  const since = (uploadedAt || Date.now()) - 60_000
  const { feeds } = await client.feeds.getFeeds({
    feedTypes: ["JSON_LISTINGS_FEED"],
    marketplaceIds: [marketplaceId(marketplaces[0])],
    createdSince: new Date(since).toISOString(),
  })
  const ours = [...marketplaces].sort().join(",")
  const candidates = feeds.filter((f) => [...(f.marketplaceIds ?? [])].sort().join(",") === ours && new Date(f.createdTime).getTime() >= since)
  if (!candidates.length) return undefined
  const known = new Set((await amazon.listAmazonFeeds({ amazon_feed_id: candidates.map((f) => f.feedId) }, { select: ["amazon_feed_id"] })).map((f) => f.amazon_feed_id))
  const unknown = candidates.filter((f) => !known.has(f.feedId))
  return unknown.length === 1 ? unknown[0].feedId : undefined
}

/** A run that died left changes claimed by it (not by a feed): they go back to the queue. */
async function releaseStaleClaims(amazon: AmazonModuleService, storeId: string, runId: string) {
  const stale = await amazon.listAmazonListingChanges(
    { store_id: storeId, status: "claimed", claimed_by: { $like: "amzrun_%" } },
    { select: ["id", "claimed_by"] }
  )
  const ids = stale.filter((c) => c.claimed_by !== runId).map((c) => c.id)
  if (ids.length) await releaseToQueue(amazon, ids)
}

/**
 * Zeroing most of a store's offers at once is what a broken stock read looks
 * like: those changes wait for a human (status held) instead of delisting the
 * store. Changes a human released are not held again.
 */
async function applySafetyHold(amazon: AmazonModuleService, storeId: string, reporter: SyncRunReporter) {
  const pending = await amazon.listAmazonListingChanges(
    { store_id: storeId, status: "pending" },
    { select: ["id", "listing_id", "payload", "claimed_by"] }
  )
  const zeroing = pending.filter((c) => (c.payload as { quantity?: number })?.quantity === 0 && c.claimed_by !== "hold-released")
  if (!zeroing.length) return
  const listings = await amazon.listAmazonListings({ id: zeroing.map((c) => c.listing_id) }, { select: ["id", "quantity"] })
  const before = new Map(listings.map((l) => [l.id, l.quantity ?? 0]))
  // zeros that trickled out one by one in the last minutes count too: a broken stock read is not always one batch
  const recent = await amazon.listAmazonListingChanges(
    { store_id: storeId, status: "accepted", completed_at: { $gte: new Date(Date.now() - HOLD_WINDOW_MS) } },
    { select: ["listing_id", "payload"] }
  )
  const recentlyZeroed = new Set(recent.filter((c) => (c.payload as { quantity?: number })?.quantity === 0).map((c) => c.listing_id))
  const [, offersWithStock] = await amazon.listAndCountAmazonListings({ store_id: storeId, quantity: { $gt: 0 } }, { select: ["id"], take: 1 })
  const drops = [
    ...zeroing.map((c) => ({ listing_id: c.listing_id, from: before.get(c.listing_id) ?? 0, to: 0 })),
    ...[...recentlyZeroed].filter((id) => !before.has(id)).map((id) => ({ listing_id: id, from: 1, to: 0 })),
  ]
  const verdict = shouldHold(drops, offersWithStock + recentlyZeroed.size)
  if (!verdict.hold) return
  const held = zeroing.filter((c) => (before.get(c.listing_id) ?? 0) > 0).map((c) => c.id)
  if (!held.length) return
  await amazon.updateAmazonListingChanges({ selector: { id: held }, data: { status: "held" } })
  reporter.count("held", held.length)
  reporter.error({
    code: "safety_hold",
    message: `${verdict.zeroed} of ${offersWithStock + recentlyZeroed.size} offers would drop to zero stock at once, which looks like a broken stock read. Those changes are held: review them under Amazon → Listings and confirm or discard.`,
  })
}

/** Claims the store's pending changes for this run; of several for one listing only the newest is sent. */
async function claimChanges(amazon: AmazonModuleService, storeId: string, runId: string): Promise<ChangeRow[]> {
  const exhausted = (await amazon.listAmazonListingChanges({
    store_id: storeId,
    status: "pending",
    attempts: { $gte: MAX_ATTEMPTS },
  })) as unknown as ChangeRow[]
  if (exhausted.length) {
    await recordRejected(
      amazon,
      exhausted.map((change) => ({
        change,
        issues: [
          {
            source: "amazon" as const,
            code: "send_failed",
            severity: "error" as const,
            message: `Amazon did not take this change in ${MAX_ATTEMPTS} tries${(change as { error?: { message?: string } }).error?.message ? ` (last: ${(change as { error?: { message?: string } }).error!.message})` : ""}. Use "Send again" once Amazon is reachable.`,
          },
        ],
      })),
      null
    )
  }
  const pending = await amazon.listAmazonListingChanges(
    { store_id: storeId, status: "pending", attempts: { $lt: MAX_ATTEMPTS } },
    { order: { created_at: "DESC" } }
  )
  const newest = new Map<string, (typeof pending)[number]>()
  const superseded: string[] = []
  const seen = new Set<string>()
  const now = Date.now()
  for (const change of pending) {
    if (seen.has(change.listing_id)) {
      superseded.push(change.id) // an older state of a listing that has a newer change: never sent
      continue
    }
    seen.add(change.listing_id)
    if (now - new Date(change.updated_at).getTime() >= retryDelayMs(change.attempts)) newest.set(change.listing_id, change)
  }
  if (superseded.length) {
    await amazon.updateAmazonListingChanges({ selector: { id: superseded }, data: { status: "superseded", completed_at: new Date() } })
  }
  // a variation child waits (pending, unclaimed) until Amazon has accepted its parent
  const waiting = await childrenAwaitingParent(amazon, storeId, [...newest.values()] as unknown as ChangeRow[])
  const claimed = [...newest.values()].reverse().filter((c) => !waiting.has(c.id))
  if (!claimed.length) return []
  await amazon.updateAmazonListingChanges({
    selector: { id: claimed.map((c) => c.id) },
    data: { status: "claimed", claimed_by: runId, claimed_at: new Date() },
  })
  return claimed.map((c) => ({ ...c, payload: c.payload as unknown as ChangeRow["payload"] })) as ChangeRow[]
}

