import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

const REFUSED =
  "This Amazon authorization link is not valid any more (it was forged, has expired after 10 minutes, or was already used). Go back to Settings → Amazon and click Connect again."

/**
 * Checks the consent `state` and clears it so it cannot be used twice. Under a
 * lock: two callbacks racing with the same state must not both pass.
 * Not compensated: a state is spent once presented, whatever happens next.
 */
export const consumeOAuthStateStep = createStep(
  "amazon-consume-oauth-state",
  async (state: string, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const check = amazon.checkOAuthState(state)
    if (!check.ok) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${REFUSED} (${check.reason})`)
    }
    const locking = container.resolve(Modules.LOCKING)
    return await locking.execute(`amazon:oauth:${check.storeId}`, async () => {
      const [store] = await amazon.listAmazonStores(
        { id: check.storeId },
        { select: ["id", "oauth_state_hash", "oauth_state_expires_at"] }
      )
      const current = store?.oauth_state_hash === check.hash
      const unexpired = store?.oauth_state_expires_at && new Date(store.oauth_state_expires_at).getTime() > Date.now()
      if (!store || !current || !unexpired) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${REFUSED} (${store ? "used" : "unknown store"})`)
      }
      await amazon.updateAmazonStores({ id: store.id, oauth_state_hash: null, oauth_state_expires_at: null })
      return new StepResponse(store.id)
    })
  }
)
