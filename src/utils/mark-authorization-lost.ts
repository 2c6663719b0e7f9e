import type AmazonModuleService from "../modules/amazon/service"
import { statusAfterLostAuthorization } from "./authorization-status"

/**
 * Called from inside a sync step that got invalid_grant from Amazon: the store
 * becomes expired/revoked with the reason (its jobs pause, the admin says
 * re-authorize), and its outbox is paused with it (pauseOutbox). Returns the
 * message for the run's errors, which starts "Authorization lost:".
 */
export async function markAuthorizationLost(amazon: AmazonModuleService, storeId: string, reason: string): Promise<string> {
  const store = await amazon.retrieveAmazonStore(storeId, { select: ["id", "authorization_expires_at"] })
  const update = statusAfterLostAuthorization(reason, store.authorization_expires_at)
  await amazon.updateAmazonStores({ id: storeId, ...update })
  await pauseOutbox(amazon, storeId)
  return `Authorization lost: ${update.status_message}`
}

/**
 * A lost authorization is not Amazon refusing a change: the listing changes a run had claimed go back to
 * the queue, and the queue's retry waits are cleared, so that the re-authorized store sends everything at
 * once instead of waiting out a backoff (2, 4 … 60 minutes) that the refused calls ran up — and no change is
 * given up for tries the store could never have won. Changes a feed holds (submitted to Amazon) stay with it.
 */
async function pauseOutbox(amazon: AmazonModuleService, storeId: string): Promise<void> {
  const interrupted = await amazon.listAmazonListingChanges(
    {
      store_id: storeId,
      $or: [
        { status: "pending", attempts: { $gt: 0 } },
        { status: "claimed", claimed_by: { $like: "amzrun_%" } },
      ],
    } as never,
    { select: ["id"] }
  )
  if (!interrupted.length) return
  await amazon.updateAmazonListingChanges({
    selector: { id: interrupted.map((change) => change.id) },
    data: { status: "pending", claimed_by: null, claimed_at: null, feed_message_id: null, attempts: 0 },
  })
}
