import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { refreshTokenBinding } from "../../../modules/amazon/lib/secret-bindings"
import { toMedusaError } from "../../../utils/sp-api-errors"

export type ExchangeAuthorizationCodeInput = { store_id: string; code: string; redirect_uri?: string }

/**
 * Trades the consent page's `spapi_oauth_code` (5-minute life, single use) for
 * the seller's refresh token, returned sealed so no workflow storage ever
 * holds it in clear.
 */
export const exchangeAuthorizationCodeStep = createStep(
  "amazon-exchange-authorization-code",
  async (input: ExchangeAuthorizationCodeInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    try {
      const tokens = await amazon.getLwaClient().exchangeAuthorizationCode(input.code, input.redirect_uri)
      return new StepResponse(amazon.sealSecret(tokens.refreshToken!, refreshTokenBinding(input.store_id)))
    } catch (error) {
      throw toMedusaError(error, "exchange the authorization code")
    }
  }
)
