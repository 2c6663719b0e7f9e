import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildConsentUrl } from "../../utils/consent-url"
import { issueOAuthStateStep } from "./steps/issue-oauth-state"
import { loadStoreStep } from "./steps/load-store"

export type StartAmazonAuthorizationWorkflowInput = {
  store_id: string
  app_id: string
  draft: boolean
  redirect_uri: string
  /** overrides the marketplace's Seller Central (AMAZON_SELLER_CENTRAL_URL) */
  seller_central_url?: string
  /** the admin confirmed replacing the store's seller account with whichever account consents */
  replace_seller?: boolean
}

/** Issues a single-use 10-minute state and returns the Seller Central consent URL of the store's marketplace. */
export const startAmazonAuthorizationWorkflow = createWorkflow(
  "start-amazon-authorization",
  (input: StartAmazonAuthorizationWorkflowInput) => {
    const store = loadStoreStep(input.store_id)
    const state = issueOAuthStateStep(
      transform({ input }, ({ input }) => ({ store_id: input.store_id, replace_seller: input.replace_seller }))
    )
    const authorizationUrl = transform({ input, store, state }, ({ input, store, state }) =>
      buildConsentUrl({
        marketplaceId: store.marketplace_id,
        appId: input.app_id,
        state,
        draft: input.draft,
        redirectUri: input.redirect_uri,
        sellerCentralUrl: input.seller_central_url,
      })
    )
    return new WorkflowResponse({ authorization_url: authorizationUrl })
  }
)
