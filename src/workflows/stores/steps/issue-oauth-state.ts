import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/**
 * Records the hash of a fresh consent `state` on the store (replacing any earlier one) and returns the state.
 * `replace_seller`: the admin confirmed that this consent may switch the store to another seller account.
 */
export const issueOAuthStateStep = createStep(
  "amazon-issue-oauth-state",
  async ({ store_id: storeId, replace_seller }: { store_id: string; replace_seller?: boolean }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonStore(storeId, { select: ["id", "oauth_state_hash", "oauth_state_expires_at"] })
    const issued = amazon.issueOAuthState(storeId, { replaceSeller: !!replace_seller })
    await amazon.updateAmazonStores({ id: storeId, oauth_state_hash: issued.hash, oauth_state_expires_at: issued.expiresAt })
    return new StepResponse(issued.state, {
      id: storeId,
      oauth_state_hash: before.oauth_state_hash,
      oauth_state_expires_at: before.oauth_state_expires_at,
    })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonStores(before)
  }
)
