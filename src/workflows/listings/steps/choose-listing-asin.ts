import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ListingIssue } from "../../../utils/listings/desired-listing"

export type ChooseListingAsinInput = { store_id: string; listing_id: string; asin: string }

/**
 * A human settles an ambiguous barcode: the listing takes the chosen ASIN (one of the candidates Amazon's
 * catalog gave) with that ASIN's product type, and the ambiguity issue goes. Forgetting the desired hash
 * makes the next compute queue the offer on that ASIN. Compensation puts the listing back as it was.
 */
export const chooseListingAsinStep = createStep(
  "amazon-choose-listing-asin",
  async (input: ChooseListingAsinInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const [listing] = await amazon.listAmazonListings(
      { id: input.listing_id, store_id: input.store_id },
      { select: ["id", "variant_id", "asin", "product_type", "issues", "desired_hash"] }
    )
    if (!listing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Listing "${input.listing_id}" not found in this store`)
    const issues = (Array.isArray(listing.issues) ? listing.issues : []) as unknown as ListingIssue[]
    const ambiguity = issues.find((i) => i.code === "ambiguous_asin")
    const chosen = ambiguity?.candidates?.find((c) => c.asin === input.asin.trim().toUpperCase())
    if (!ambiguity) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This listing has no ambiguous barcode to settle.")
    if (!chosen) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${input.asin} is not one of the ASINs Amazon's catalog has for this barcode (${(ambiguity.candidates ?? []).map((c) => c.asin).join(", ")}).`
      )
    }
    await amazon.updateAmazonListings({
      id: listing.id,
      asin: chosen.asin,
      product_type: chosen.product_type ?? "PRODUCT",
      issues: issues.filter((i) => i.code !== "ambiguous_asin") as unknown as Record<string, unknown>,
      desired_hash: null,
    })
    return new StepResponse(
      { listing_id: listing.id, variant_id: listing.variant_id, asin: chosen.asin },
      { id: listing.id, asin: listing.asin, product_type: listing.product_type, issues: listing.issues, desired_hash: listing.desired_hash }
    )
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonListings(before as never)
  }
)
