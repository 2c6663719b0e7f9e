import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { connectAmazonStoreWorkflow } from "./connect-amazon-store"
import { consumeOAuthStateStep } from "./steps/consume-oauth-state"
import { exchangeAuthorizationCodeStep } from "./steps/exchange-authorization-code"

export type CompleteAmazonConsentWorkflowInput = {
  state: string
  selling_partner_id: string
  spapi_oauth_code: string
  redirect_uri?: string
  /** from the signed state: the admin confirmed replacing the store's seller account */
  replace_seller?: boolean
}

/** The consent page's callback: spend the state, trade the code for a token, connect. */
export const completeAmazonConsentWorkflow = createWorkflow(
  "complete-amazon-consent",
  (input: CompleteAmazonConsentWorkflowInput) => {
    const storeId = consumeOAuthStateStep(input.state)
    const sealedToken = exchangeAuthorizationCodeStep(
      transform({ input, storeId }, ({ input, storeId }) => ({ store_id: storeId, code: input.spapi_oauth_code, redirect_uri: input.redirect_uri }))
    )
    const connected = connectAmazonStoreWorkflow.runAsStep({
      input: transform({ input, storeId, sealedToken }, ({ input, storeId, sealedToken }) => ({
        store_id: storeId,
        selling_partner_id: input.selling_partner_id,
        refresh_token_ciphertext: sealedToken,
        replace_seller: !!input.replace_seller,
      })),
    })
    return new WorkflowResponse(connected)
  }
)
