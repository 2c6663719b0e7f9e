import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ListingIssue } from "../../../utils/listings/desired-listing"
import { adoptSellerOffer, type SellerOffer } from "../lib/find-seller-offers"

export type ChooseListingSkuInput = { store_id: string; listing_id: string; sku: string }

const FIELDS = ["id", "variant_id", "marketplace_id", "sku", "asin", "product_type", "fulfillment_channel", "condition_type", "status", "quantity", "price", "issues", "desired_hash"] as const

/**
 * A human settles several seller offers on one ASIN (issue several_seller_offers): the listing adopts the chosen
 * SKU — one of the candidates Amazon showed — with its channel, condition and product type, and the issue goes.
 * The next compute patches that offer. Compensation puts the listing back as it was.
 */
export const chooseListingSkuStep = createStep(
  "amazon-choose-listing-sku",
  async (input: ChooseListingSkuInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const [listing] = await amazon.listAmazonListings({ id: input.listing_id, store_id: input.store_id }, { select: [...FIELDS] })
    if (!listing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Listing "${input.listing_id}" not found in this store`)
    const issues = (Array.isArray(listing.issues) ? listing.issues : []) as unknown as ListingIssue[]
    const choice = issues.find((i) => i.code === "several_seller_offers")
    if (!choice) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This listing has no choice of seller SKUs to settle.")
    const chosen = (choice.sku_candidates ?? []).find((c) => c.sku === input.sku.trim()) as (SellerOffer & { status?: SellerOffer["status"] }) | undefined
    if (!chosen) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${input.sku} is not one of your SKUs on this ASIN (${(choice.sku_candidates ?? []).map((c) => c.sku).join(", ")}).`
      )
    }
    const [taken] = await amazon.listAmazonListings({ store_id: input.store_id, sku: chosen.sku, marketplace_id: listing.marketplace_id }, { select: ["id"] })
    if (taken && taken.id !== listing.id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `SKU ${chosen.sku} is already linked to another listing of this store.`)
    }
    await adoptSellerOffer(amazon, listing.id, {
      sku: chosen.sku,
      asin: listing.asin!,
      product_type: chosen.product_type,
      condition_type: chosen.condition_type,
      fulfillment_channel: chosen.fulfillment_channel,
      quantity: chosen.quantity ?? null,
      price: chosen.price ?? null,
      status: chosen.status ?? "inactive",
    })
    await amazon.updateAmazonListings({ id: listing.id, issues: issues.filter((i) => i.code !== "several_seller_offers") as unknown as Record<string, unknown> })
    return new StepResponse({ listing_id: listing.id, variant_id: listing.variant_id, sku: chosen.sku }, listing)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonListings(before as never)
  }
)
