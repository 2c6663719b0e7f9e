import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { refreshTokenBinding } from "../../../modules/amazon/lib/secret-bindings"
import type { SpApiRegion } from "../../../lib/sp-api"
import { toMedusaError } from "../../../utils/sp-api-errors"

export type VerifySellerAuthorizationInput = {
  store_id: string
  region: SpApiRegion
  selling_partner_id: string
  refresh_token_ciphertext: string
}

export type SellerParticipation = {
  marketplace_id: string
  is_participating: boolean
  has_suspended_listings: boolean
}

/**
 * Proves a refresh token works by asking Amazon which marketplaces the seller
 * sells in (getMarketplaceParticipations: 0.016 rps, burst 15 — sellers model).
 */
export const verifySellerAuthorizationStep = createStep(
  "amazon-verify-seller-authorization",
  async (input: VerifySellerAuthorizationInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    try {
      const client = amazon.createSpApiClient({
        refreshToken: amazon.openSecret(input.refresh_token_ciphertext, refreshTokenBinding(input.store_id)),
        region: input.region,
        sellingPartnerId: input.selling_partner_id,
      })
      const response = await client.sellers.getMarketplaceParticipations()
      const participations: SellerParticipation[] = (response.payload ?? []).map((p) => ({
        marketplace_id: p.marketplace.id,
        is_participating: p.participation.isParticipating,
        has_suspended_listings: p.participation.hasSuspendedListings,
      }))
      return new StepResponse(participations)
    } catch (error) {
      throw toMedusaError(error, "verify the authorization with Amazon")
    }
  }
)
