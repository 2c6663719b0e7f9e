import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { SyncRunType } from "./begin-sync-run"
import { getSyncWorkflow } from "../sync-workflows"

export type QueuedSync = { run_id: string; store_id: string; type: string }

/**
 * Dispatches a queued run to its workflow. The run records its own outcome
 * (succeeded/failed with errors), so a failure here is not re-thrown into the
 * event bus, which would only retry a run that already said why it stopped.
 */
export const runQueuedSyncStep = createStep("amazon-run-queued-sync", async (input: QueuedSync, { container }) => {
  const workflow = getSyncWorkflow(input.type as SyncRunType)
  if (!workflow) {
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonSyncRuns({
      id: input.run_id,
      status: "failed",
      finished_at: new Date(),
      errors: [{ code: "unknown_sync_type", message: `No sync of type "${input.type}" exists` }] as unknown as Record<string, unknown>,
    })
    return new StepResponse({ ran: false })
  }
  await workflow(container).run({
    input: { store_id: input.store_id, run_id: input.run_id, trigger: "manual" },
    throwOnError: false,
  })
  return new StepResponse({ ran: true })
})

