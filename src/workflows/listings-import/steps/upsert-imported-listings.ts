import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ListingFields } from "../../../utils/listings-import/plan-batch"

/** One amazon_listing to write: an existing row (updated, restored first when soft-deleted) or a new one. */
export type ImportedListingWrite = ListingFields & {
  existing_id: string | null
  restore: boolean
  /** null for a variation parent: a listing of the family's product, not sold, no variant */
  variant_id: string | null
  product_id: string
  /** our unsent listing of the variant now carries Amazon's SKU: what it had queued is obsolete */
  rekey?: boolean
}

export type UpsertImportedListingsInput = {
  store_id: string
  marketplace_id: string
  currency_code: string
  /** the run marker (plan.run_marker) */
  synced_at: string
  writes: ImportedListingWrite[]
}

/** The columns this step writes — and restores on compensation. Never desired_hash / sent_hash (listings-out's). */
const OWNED = ["sku", "desired_hash", "variant_id", "product_id", "asin", "status", "price", "currency_code", "quantity", "fulfillment_channel", "condition_type", "synced_at"] as const
type Previous = { id: string } & Record<(typeof OWNED)[number], unknown>

/**
 * Links a batch's listings: one bulk update of the rows we have, one bulk create of the rest, with
 * Amazon's view (ASIN, status, price, quantity). Compensation deletes what it created, puts back the
 * columns it changed and soft-deletes again what it restored.
 */
export const upsertImportedListingsStep = createStep(
  "amazon-upsert-imported-listings",
  async (input: UpsertImportedListingsInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const synced_at = new Date(input.synced_at)
    const values = (write: ImportedListingWrite) => ({
      variant_id: write.variant_id,
      product_id: write.product_id,
      asin: write.asin,
      status: write.status,
      price: write.price,
      currency_code: write.price === null ? null : input.currency_code.toUpperCase(),
      quantity: write.quantity,
      fulfillment_channel: write.fulfillment_channel,
      condition_type: write.condition_type,
      synced_at,
    })

    const updates = input.writes.filter((write) => write.existing_id)
    const restored = updates.filter((write) => write.restore).map((write) => write.existing_id!)
    if (restored.length) await amazon.restoreAmazonListings(restored)
    const previous = updates.length
      ? ((await amazon.listAmazonListings({ id: updates.map((write) => write.existing_id!) }, { select: ["id", ...OWNED] })) as unknown as Previous[])
      : []
    if (updates.length) {
      await amazon.updateAmazonListings(
        updates.map((write) => ({ id: write.existing_id!, sku: write.sku, ...(write.rekey ? { desired_hash: null } : {}), ...values(write) }))
      )
    }
    const rekeyed = updates.filter((write) => write.rekey).map((write) => write.existing_id!)
    if (rekeyed.length) {
      await amazon.updateAmazonListingChanges({ selector: { listing_id: rekeyed, status: ["pending", "held"] }, data: { status: "superseded", completed_at: new Date() } })
    }

    const creates = input.writes.filter((write) => !write.existing_id)
    const created = creates.length
      ? await amazon.createAmazonListings(
          creates.map((write) => ({ store_id: input.store_id, marketplace_id: input.marketplace_id, sku: write.sku, ...values(write) }))
        )
      : []

    return new StepResponse(
      { created: created.length, updated: updates.length },
      { created_ids: created.map((listing) => listing.id), previous, restored }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.created_ids.length) await amazon.deleteAmazonListings(undo.created_ids)
    if (undo.previous.length) await amazon.updateAmazonListings(undo.previous as Parameters<AmazonModuleService["updateAmazonListings"]>[0] & unknown[])
    if (undo.restored.length) await amazon.softDeleteAmazonListings(undo.restored)
  }
)
