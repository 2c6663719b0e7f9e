import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { SyncRunType } from "./begin-sync-run"

export type QueueSyncRunInput = { store_id: string; type: SyncRunType; marketplace_id?: string | null }

/** A run the admin asked for: refused for a store that is not connected, queued otherwise. */
export const queueSyncRunStep = createStep(
  "amazon-queue-sync-run",
  async (input: QueueSyncRunInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const store = await amazon.retrieveAmazonStore(input.store_id, { select: ["id", "status", "status_message"] })
    if (store.status !== "connected") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The store is ${store.status}: ${store.status_message ?? "connect it with Amazon first."}`
      )
    }
    const run = await amazon.createAmazonSyncRuns({
      store_id: input.store_id,
      type: input.type,
      trigger: "manual",
      status: "queued",
      marketplace_id: input.marketplace_id ?? null,
    })
    return new StepResponse(run, run.id)
  },
  async (runId, { container }) => {
    if (!runId) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).deleteAmazonSyncRuns(runId)
  }
)
