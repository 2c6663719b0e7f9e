import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type ResolveHeldChangesInput = { store_id: string; action: "release" | "discard" }

/**
 * release: the held changes go to the queue marked as confirmed (not held
 * again); discard: they are dropped (superseded) — the next reconciliation
 * recomputes them from whatever the stock is by then.
 */
export const resolveHeldChangesStep = createStep(
  "amazon-resolve-held-listing-changes",
  async (input: ResolveHeldChangesInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const held = await amazon.listAmazonListingChanges({ store_id: input.store_id, status: "held" }, { select: ["id", "listing_id"] })
    if (!held.length) return new StepResponse({ released: 0, discarded: 0 }, null)
    const ids = held.map((c) => c.id)
    if (input.action === "release") {
      await amazon.updateAmazonListingChanges({ selector: { id: ids }, data: { status: "pending", claimed_by: "hold-released" } })
    } else {
      await amazon.updateAmazonListingChanges({ selector: { id: ids }, data: { status: "superseded", completed_at: new Date() } })
      // the listings' desired hash no longer has a change behind it: forget it so the next compute queues afresh
      await amazon.updateAmazonListings(held.map((c) => ({ id: c.listing_id, desired_hash: null })))
    }
    return new StepResponse(
      { released: input.action === "release" ? ids.length : 0, discarded: input.action === "discard" ? ids.length : 0 },
      { ids }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    await container
      .resolve<AmazonModuleService>(AMAZON_MODULE)
      .updateAmazonListingChanges({ selector: { id: undo.ids }, data: { status: "held", claimed_by: null, completed_at: null } })
  }
)
