import type AmazonModuleService from "../modules/amazon/service"
import { statusAfterLostAuthorization } from "./authorization-status"

/**
 * Called from inside a sync step that got invalid_grant from Amazon: the store
 * becomes expired/revoked with the reason (its jobs pause, the admin says
 * re-authorize). Returns the message for the run's errors.
 */
export async function markAuthorizationLost(amazon: AmazonModuleService, storeId: string, reason: string): Promise<string> {
  const store = await amazon.retrieveAmazonStore(storeId, { select: ["id", "authorization_expires_at"] })
  const update = statusAfterLostAuthorization(reason, store.authorization_expires_at)
  await amazon.updateAmazonStores({ id: storeId, ...update })
  return update.status_message!
}
