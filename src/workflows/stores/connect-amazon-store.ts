import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadStoreStep } from "./steps/load-store"
import { forgetPreviousSellerStep } from "./steps/forget-previous-seller"
import { saveStoreAuthorizationStep } from "./steps/save-store-authorization"
import { syncStoreMarketplacesStep } from "./steps/sync-store-marketplaces"
import { verifySellerAuthorizationStep } from "./steps/verify-seller-authorization"

export type ConnectAmazonStoreWorkflowInput = {
  store_id: string
  selling_partner_id: string
  /** sealed with the module's key before it enters the workflow */
  refresh_token_ciphertext: string
  /** confirmed by the admin: the store may switch to another seller account (its old listings are forgotten) */
  replace_seller?: boolean
}

/**
 * Verifies a refresh token with Amazon, then stores it and the seller's
 * marketplaces. Used by the consent callback, by "I have a refresh token" and
 * by re-authorization (the token is replaced). Nothing is written unless
 * Amazon accepted the token. A store connected to one seller account is
 * switched to another only when `replace_seller` confirms it.
 */
export const connectAmazonStoreWorkflow = createWorkflow(
  "connect-amazon-store",
  (input: ConnectAmazonStoreWorkflowInput) => {
    const store = loadStoreStep(input.store_id)
    const participations = verifySellerAuthorizationStep(
      transform({ input, store }, ({ input, store }) => ({
        store_id: input.store_id,
        region: store.region,
        selling_partner_id: input.selling_partner_id,
        refresh_token_ciphertext: input.refresh_token_ciphertext,
      }))
    )
    const saved = saveStoreAuthorizationStep(input)
    forgetPreviousSellerStep(saved)
    const marketplaces = syncStoreMarketplacesStep(
      transform({ input, participations }, ({ input, participations }) => ({
        store_id: input.store_id,
        participations,
      }))
    )
    return new WorkflowResponse({ store_id: input.store_id, marketplaces })
  }
)
