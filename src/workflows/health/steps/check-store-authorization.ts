import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { refreshTokenBinding } from "../../../modules/amazon/lib/secret-bindings"
import { SpApiError } from "../../../lib/sp-api"
import { amazonReason, isAuthorizationLost } from "../../../utils/sp-api-errors"

export type AuthorizationCheck =
  | { store_id: string; result: "skipped" }
  | { store_id: string; result: "ok"; expires_at: Date | null }
  | { store_id: string; result: "lost"; reason: string; expires_at: Date | null }
  | { store_id: string; result: "unreachable"; reason: string }

/**
 * Asks LWA for a fresh access token with the store's refresh token (no SP-API
 * quota is spent). Reads only; what to write is the next step's business.
 */
export const checkStoreAuthorizationStep = createStep(
  "amazon-check-store-authorization",
  async (storeId: string, { container }): Promise<StepResponse<AuthorizationCheck>> => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const store = await amazon.retrieveAmazonStore(storeId, {
      select: ["id", "status", "refresh_token_ciphertext", "authorization_expires_at"],
    })
    if (!store.refresh_token_ciphertext || store.status === "pending") {
      return new StepResponse({ store_id: storeId, result: "skipped" })
    }
    const expires_at = store.authorization_expires_at ? new Date(store.authorization_expires_at) : null
    const refreshToken = amazon.openSecret(store.refresh_token_ciphertext, refreshTokenBinding(store.id))
    const lwa = amazon.getLwaClient()
    try {
      lwa.invalidate(refreshToken) // a cached access token would prove nothing
      await lwa.getAccessToken(refreshToken)
      return new StepResponse({ store_id: storeId, result: "ok", expires_at })
    } catch (error) {
      if (isAuthorizationLost(error)) {
        return new StepResponse({ store_id: storeId, result: "lost", reason: amazonReason(error), expires_at })
      }
      const reason = error instanceof SpApiError ? amazonReason(error) : String(error)
      return new StepResponse({ store_id: storeId, result: "unreachable", reason })
    }
  }
)
