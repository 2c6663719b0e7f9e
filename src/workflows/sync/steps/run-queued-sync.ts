import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { SyncRunType } from "./begin-sync-run"
import { getSyncWorkflow } from "../sync-workflows"
import { findRunningSyncRun, skipSyncRun } from "../lib/running-sync-run"

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
  const { errors } = (await workflow(container).run({
    input: { store_id: input.store_id, run_id: input.run_id, trigger: "manual" },
    throwOnError: false,
  })) as { errors?: Array<{ error?: { message?: string } }> }
  if (errors?.length) {
    // a run that never started (e.g. another send held the store's lock) must not stay "queued" forever
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const [run] = await amazon.listAmazonSyncRuns({ id: input.run_id }, { select: ["id", "status"] })
    if (run && run.status === "queued") {
      const message = errors[0]?.error?.message ?? "the run could not start"
      if (/lock/i.test(message)) {
        // another run of the flow had the store: that is not a failure, it did the work (skipped, naming it)
        await skipSyncRun(amazon, run.id, await findRunningSyncRun(amazon, { store_id: input.store_id, type: input.type as SyncRunType, except_id: run.id }))
      } else {
        await amazon.updateAmazonSyncRuns({
          id: run.id,
          status: "failed",
          finished_at: new Date(),
          errors: [{ code: "not_started", message }] as unknown as Record<string, unknown>,
        })
      }
    }
  }
  return new StepResponse({ ran: !errors?.length })
})

