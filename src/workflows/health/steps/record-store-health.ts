import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { daysUntil, expiryReminder, statusAfterLostAuthorization } from "../../../utils/authorization-status"
import type { AuthorizationCheck } from "./check-store-authorization"

type Restore = { id: string; status: "pending" | "connected" | "expired" | "revoked" | "error"; status_message: string | null }

/**
 * Writes what the check found: lost → expired/revoked (its jobs pause, the
 * admin shows why); ok → connected, with a reminder inside the last 30 days;
 * unreachable → nothing (a network blip must not pause a store).
 */
export const recordStoreHealthStep = createStep(
  "amazon-record-store-health",
  async (check: AuthorizationCheck, { container }) => {
    if (check.result === "skipped" || check.result === "unreachable") {
      return new StepResponse<AuthorizationCheck, Restore | null>(check, null)
    }
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonStore(check.store_id, { select: ["id", "status", "status_message"] })
    let update: { status: "connected" | "expired" | "revoked"; status_message: string | null }
    if (check.result === "lost") {
      update = statusAfterLostAuthorization(check.reason, check.expires_at)
    } else {
      const days = daysUntil(check.expires_at)
      update =
        days !== null && days <= 0
          ? statusAfterLostAuthorization("the yearly authorization ran out", check.expires_at)
          : { status: "connected", status_message: check.expires_at ? expiryReminder(check.expires_at) : null }
    }
    await amazon.updateAmazonStores({ id: check.store_id, ...update })
    const restore: Restore = { id: before.id, status: before.status, status_message: before.status_message }
    return new StepResponse<AuthorizationCheck, Restore | null>(check, restore)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonStores(before)
  }
)
