import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import {
  changeOperation,
  hashState,
  type DesiredListing,
  type ListingIssue,
  planListing,
  sendability,
} from "../../../utils/listings/desired-listing"
import { adoptKnownOffer, isFbaChannel, type PatchField, patchFields, switchOffChange } from "../../../utils/listings/existing-offer"
import { decideListing, type ListingDecision } from "../../../utils/listings/listing-rules"
import type { PriceTraceStep } from "../../../utils/listings/pricing-rules"
import { loadRuleProducts } from "../lib/load-rule-products"
import { defaultPatchFields } from "../../../utils/listings/feed-messages"
import { listChannelVariantIds, loadVariantFacts } from "../lib/load-variant-facts"
import { loadListingTargets, type ListingTarget } from "../lib/load-listing-targets"
import { type Family, familyKey, planFamilies, queueParents, withFamily } from "../lib/variation-families"
import type { VariationState } from "../../../utils/listings/variation"

export type ComputeListingChangesInput = {
  variant_ids?: string[]
  store_ids?: string[]
  /** reconciliation: every variant of each store's sales channel, and every listing we have */
  all?: boolean
  /** "Send to Amazon": queue a change even when nothing changed since the last send */
  force?: boolean
}

export type ComputeListingChangesResult = {
  store_ids: string[]
  counts: { variants: number; queued: number; blocked: number; unchanged: number }
}

const BATCH = 500

type ListingRow = Awaited<ReturnType<AmazonModuleService["listAmazonListings"]>>[number]

/**
 * The heart of listings out: for every (store, marketplace, variant) in scope,
 * compute the desired offer, compare its hash with what was last queued and
 * last accepted, and write an outbox row only when it moved. Many events for
 * one SKU therefore coalesce into one pending change (older pending ones are
 * superseded). Idempotent: rerunning computes the same hashes and queues
 * nothing new — which is also why it has no compensation.
 * Per store under a lock, so two events can't both create the same listing.
 */
export const computeListingChangesStep = createStep(
  "amazon-compute-listing-changes",
  async (input: ComputeListingChangesInput, { container }) => {
    const targets = await loadListingTargets(container, input.store_ids)
    const result: ComputeListingChangesResult = { store_ids: [], counts: { variants: 0, queued: 0, blocked: 0, unchanged: 0 } }
    const locking = container.resolve(Modules.LOCKING)
    for (const target of targets) {
      const queued = await locking.execute(`amazon:listings-compute:${target.store_id}`, () => computeStore(container, target, input, result), {
        timeout: 120,
      })
      if (queued > 0) result.store_ids.push(target.store_id)
    }
    return new StepResponse(result)
  }
)

async function computeStore(
  container: MedusaContainer,
  target: ListingTarget,
  input: ComputeListingChangesInput,
  result: ComputeListingChangesResult
): Promise<number> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  let variantIds = input.variant_ids ?? []
  if (input.all) {
    const listed = await amazon.listAmazonListings({ store_id: target.store_id, variant_id: { $ne: null } }, { select: ["variant_id"] })
    variantIds = [...new Set([...(await listChannelVariantIds(container, target.sales_channel_id)), ...listed.map((l) => l.variant_id!)])]
  }
  let queued = 0
  for (let i = 0; i < variantIds.length; i += BATCH) {
    queued += await computeBatch(amazon, container, target, variantIds.slice(i, i + BATCH), input.force ?? false, result)
  }
  return queued
}

async function computeBatch(
  amazon: AmazonModuleService,
  container: MedusaContainer,
  target: ListingTarget,
  variantIds: string[],
  force: boolean,
  result: ComputeListingChangesResult
): Promise<number> {
  const facts = await loadVariantFacts(container, variantIds, target.sales_channel_id)
  const existing = await amazon.listAmazonListings({ store_id: target.store_id, variant_id: variantIds })
  const byKey = new Map(existing.map((l) => [`${l.marketplace_id}|${l.variant_id}`, l]))
  result.counts.variants += facts.size

  type NewListing = Record<string, unknown> & { marketplace_id: string; variant_id: string }
  const toCreate: Array<{ row: NewListing; change: PendingChange | null }> = []
  const toUpdate: Array<Record<string, unknown> & { id: string }> = []
  const changes: Array<PendingChange & { listing_id: string }> = []
  let queued = 0
  /** offers found already in the desired state: whatever of theirs still waits is obsolete */
  const inSync: string[] = []
  // variation families (new ASINs of products with mapped options): children carry the family, parents are queued after
  // listing rules: what they match on, loaded only for a store that has rules
  const ruleProducts = target.listing_rules.size ? await loadRuleProducts(container, [...facts.values()].map((v) => v.product.id)) : null
  const families = await planFamilies(container, amazon, target.store_id, target.contexts, facts, () => amazon.getStoreSpApiClient(target.store_id))
  const parents = new Map<string, Parameters<typeof queueParents>[2][number]>()

  for (const ctx of target.contexts) {
    for (const variantId of variantIds) {
      const variant = facts.get(variantId) ?? null
      const listing = byKey.get(`${ctx.marketplace_id}|${variantId}`)
      if (!variant && !listing) continue
      if (variant && !listing && !variant.product.in_sales_channel) continue // never ours to list

      // an offer Amazon has: one we sent, or one listings import found there (it carries Amazon's status)
      const offered = !!listing?.sent_hash || (!!listing?.asin && ["accepted", "active", "inactive", "incomplete", "suppressed"].includes(listing.status))
      let desired: DesiredListing | null
      let hash: string | null
      let ourIssues: ListingIssue[]
      /** not hashed: how the price came to be and which listing rule let the product in (dry run, sent_state) */
      let annotations: Pick<PendingChange["payload"], "price_trace" | "listing_rule"> = {}
      if (variant) {
        // an offer Amazon has keeps its SKU, channel and condition; FBA / unmanaged stock is never sent as a number
        const known = listing
          ? { sku: listing.sku, fulfillment_channel: listing.fulfillment_channel ?? null, condition_type: listing.condition_type ?? null, offered }
          : null
        const ordered = target.listing_rules.get(ctx.marketplace_id)
        const decision: ListingDecision | null = ordered ? decideListing(ordered, ruleProducts?.get(variant.product.id) ?? { category_ids: variant.product.category_ids }) : null
        if (decision && !decision.listed) {
          // a listing rule keeps the product off this marketplace: an offer Amazon has is switched off as a
          // marketplace switch-off does (zero or delete, the store's switch_off_offers), never left buyable
          const excluded: ListingIssue = {
            source: "medusa",
            code: "listing_rule_excluded",
            severity: "warning",
            message: `${variant.sku?.trim() || variant.id} is not listed in this marketplace: ${decision.reason}.`,
            field: "listing_rules",
          }
          const off = listing && offered ? switchOffChange(listing as never, target.settings.switch_off_offers, target.settings.handling_time_days) : null
          if (!off) {
            result.counts.unchanged++
            if (listing) upsert(listing, { issues: [excluded, ...amazonIssues(listing)] }, variant, ctx.marketplace_id)
            continue
          }
          result.counts.queued++
          upsert(listing, { desired_hash: off.hash, status: "pending", issues: [excluded, ...amazonIssues(listing)] }, variant, ctx.marketplace_id, {
            store_id: target.store_id,
            marketplace_id: ctx.marketplace_id,
            sku: listing!.sku,
            operation: off.operation,
            payload: { ...off.payload, listing_rule: decision },
            hash: off.hash,
            // asked for by the merchant's rule, as a marketplace switch-off is: not held by the safety hold
            claimed_by: "hold-released",
          })
          continue
        }
        const family: Family | undefined = families.get(familyKey(ctx.marketplace_id, variant.product.id))
        const sentVariation = (listing?.sent_state as { variation?: VariationState } | null)?.variation
        const basePlan = planListing(variant, ctx, listing?.asin ?? null, listing?.product_type ?? null)
        const plan = withFamily(adoptKnownOffer(basePlan, variant, known), family, variant.id, sentVariation)
        annotations = {
          ...(basePlan.price_trace && basePlan.desired?.price ? { price_trace: { rule_id: basePlan.price_trace.rule_id, steps: basePlan.price_trace.trace } } : {}),
          ...(decision?.rule ? { listing_rule: decision } : {}),
        }
        if (family?.kind === "family" && plan.desired?.variation && !plan.issues.some((i) => i.severity === "error")) {
          parents.set(familyKey(ctx.marketplace_id, variant.product.id), { ctx, family, product: variant.product })
        }
        ;({ desired, hash } = plan)
        ourIssues = plan.issues
        if (plan.desired?.withdrawn && !listing?.sent_hash) {
          // never sent by us, so not ours to withdraw: e.g. an imported listing whose product is still a draft
          result.counts.unchanged++
          if (listing) upsert(listing, { issues: [...ourIssues, ...amazonIssues(listing)] }, variant, ctx.marketplace_id)
          continue
        }
        const verdict = sendability(plan, offered)
        if (!verdict.send) {
          result.counts.blocked++
          const status = verdict.reason === "blocked" ? "error" : offered ? listing!.status : "draft"
          upsert(listing, { status, issues: [...ourIssues, ...amazonIssues(listing)] }, variant, ctx.marketplace_id)
          continue
        }
      } else {
        // variant deleted: an offer Amazon has is withdrawn (quantity 0), never silently left for sale
        const sent = withoutPatchFields(listing!.sent_state as unknown as SentState | null)
        if (!sent || !offered) continue
        // an FBA offer's stock is Amazon's: it is left alone
        desired = { ...sent, quantity: isFbaChannel(sent.fulfillment_channel) ? null : 0, withdrawn: true }
        hash = hashState(desired)
        ourIssues = []
      }

      const unchanged = hash === (listing?.desired_hash ?? null) || (hash === listing?.sent_hash && listing?.desired_hash === listing?.sent_hash)
      if (unchanged && !force) {
        result.counts.unchanged++
        upsert(listing, { issues: [...ourIssues, ...amazonIssues(listing)] }, variant, ctx.marketplace_id)
        continue
      }
      const sent = withoutPatchFields((listing?.sent_state as unknown as SentState | null) ?? null)
      let operation: PendingChange["operation"] = changeOperation(sent, desired!)
      let payload: PendingChange["payload"] = { ...desired!, ...annotations }
      if (offered) {
        // an offer Amazon has is only ever patched, and only in the parts that changed (never a full UPDATE)
        let fields = patchFields(sent, desired!, { price: listing!.price === null ? null : Number(listing!.price), quantity: listing!.quantity })
        if (!fields.length && force) fields = defaultPatchFields(desired!)
        if (!fields.length) {
          // Amazon already has it (an imported offer that matches, or only the seller's parts differ): nothing to send
          result.counts.unchanged++
          inSync.push(listing!.id)
          upsert(listing, { desired_hash: hash, sent_hash: hash, sent_state: desired, issues: [...ourIssues, ...amazonIssues(listing)] }, variant, ctx.marketplace_id)
          continue
        }
        operation = "patch"
        payload = { ...desired!, ...annotations, patch_fields: fields }
      }
      const change: PendingChange = {
        store_id: target.store_id,
        marketplace_id: ctx.marketplace_id,
        sku: desired!.sku,
        operation,
        payload,
        hash: hash!,
      }
      result.counts.queued++
      upsert(listing, { desired_hash: hash, status: "pending", issues: [...ourIssues, ...amazonIssues(listing)] }, variant, ctx.marketplace_id, change)
    }
  }

  function upsert(
    listing: ListingRow | undefined,
    fields: Record<string, unknown>,
    variant: { id: string; sku: string | null; product: { id: string } } | null,
    marketplaceId: string,
    change: PendingChange | null = null
  ) {
    if (listing) {
      const differs = Object.entries(fields).some(([k, v]) => JSON.stringify((listing as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null))
      if (differs) toUpdate.push({ id: listing.id, ...fields })
      if (change) changes.push({ ...change, listing_id: listing.id })
      return
    }
    if (!variant?.sku) return
    toCreate.push({
      row: {
        store_id: target.store_id,
        marketplace_id: marketplaceId,
        variant_id: variant.id,
        product_id: variant.product.id,
        sku: variant.sku.trim(),
        status: "draft",
        ...fields,
      },
      change,
    })
  }

  queued += await queueParents(amazon, target.store_id, [...parents.values()])
  if (toCreate.length) {
    const created = (await amazon.createAmazonListings(toCreate.map((c) => c.row) as never)) as unknown as ListingRow[]
    created.forEach((row, index) => {
      const change = toCreate[index].change
      if (change) changes.push({ ...change, listing_id: row.id })
    })
  }
  if (toUpdate.length) await amazon.updateAmazonListings(toUpdate as never)
  if (inSync.length) {
    await amazon.updateAmazonListingChanges({
      selector: { listing_id: inSync, status: ["pending", "held"] },
      data: { status: "superseded", completed_at: new Date() },
    })
  }
  if (changes.length) {
    // a newer desired state replaces whatever of the same listing is still waiting
    await amazon.updateAmazonListingChanges({
      selector: { listing_id: changes.map((c) => c.listing_id), status: ["pending", "held"] },
      data: { status: "superseded", completed_at: new Date() },
    })
    await amazon.createAmazonListingChanges(
      changes.map((c) => ({ ...c, payload: c.payload as unknown as Record<string, unknown> })) as never
    )
  }
  return changes.length + queued
}

type PendingChange = {
  store_id: string
  marketplace_id: string
  sku: string
  operation: "update" | "patch" | "delete"
  /**
   * patch_fields: the parts of an existing offer the patch touches (existing-offer.ts); price_trace and
   * listing_rule: what the dry run shows and sent_state keeps (the rate and its date with each sent price)
   */
  payload: DesiredListing & {
    patch_fields?: PatchField[]
    price_trace?: { rule_id: string | null; steps: PriceTraceStep[] }
    listing_rule?: ListingDecision
  }
  hash: string
  /** "hold-released": a change the merchant asked for as a whole (a listing rule's switch-off) skips the safety hold */
  claimed_by?: string
}

type SentState = PendingChange["payload"]

/** sent_state as the desired state it was (older rows may carry the patch's field list; newer ones their trace). */
function withoutPatchFields(sent: SentState | null): DesiredListing | null {
  if (!sent) return null
  const { patch_fields: _fields, price_trace: _trace, listing_rule: _rule, ...desired } = sent
  return desired
}

function amazonIssues(listing: ListingRow | undefined): ListingIssue[] {
  const issues = (listing?.issues as unknown as ListingIssue[] | null) ?? []
  return Array.isArray(issues) ? issues.filter((i) => i.source === "amazon") : []
}
