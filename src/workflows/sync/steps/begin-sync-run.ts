import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type SyncRunType = "orders" | "listings" | "listings_import" | "shipments" | "reconcile" | "health" | "purge"
export type SyncTrigger = "schedule" | "manual" | "event"

export type BeginSyncRunInput = {
  store_id: string
  type: SyncRunType
  trigger?: SyncTrigger
  marketplace_id?: string | null
  /** a run the admin queued (POST …/sync); otherwise a new one is created */
  run_id?: string
}

import { INTERRUPTED_AFTER_MS } from "../lib/running-sync-run"

export { INTERRUPTED_AFTER_MS }

/**
 * Runs of the same store and flow left "running" by a process that died (killed worker, restart): they
 * are closed as failed with a message that says so, instead of spinning in the admin for ever. Their
 * work is not lost — cursors and outboxes are committed as they go, and this run continues it. A live
 * run writes its progress at least every few seconds; should one be slow enough to be closed here, its
 * own finish overwrites the status.
 */
async function closeInterruptedRuns(amazon: AmazonModuleService, storeId: string, type: SyncRunType, exceptRunId: string) {
  const stale = await amazon.listAmazonSyncRuns(
    { store_id: storeId, type, status: "running", updated_at: { $lt: new Date(Date.now() - INTERRUPTED_AFTER_MS) } } as never,
    { select: ["id", "errors"] }
  )
  const interrupted = stale.filter((run) => run.id !== exceptRunId)
  if (!interrupted.length) return
  await amazon.updateAmazonSyncRuns(
    interrupted.map((run) => ({
      id: run.id,
      status: "failed" as const,
      finished_at: new Date(),
      errors: [
        ...(Array.isArray(run.errors) ? run.errors : []),
        {
          code: "interrupted",
          message: "The process running this sync stopped (restart or crash). What it had committed is kept; a later run carried on from there.",
        },
      ] as unknown as Record<string, unknown>,
    }))
  )
}

/**
 * Marks a run as running (creating it when the schedule started it), and closes runs of the same flow
 * that a dead process left running. A store
 * that is not connected does not run: the run is recorded as failed with what
 * to do, so a paused store is loud, never silent.
 * Compensation: the run is marked failed — whatever step threw, the run is
 * over and a rerun continues from the committed cursors.
 */
export const beginSyncRunStep = createStep(
  "amazon-begin-sync-run",
  async (input: BeginSyncRunInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const store = await amazon.retrieveAmazonStore(input.store_id, { select: ["id", "status", "status_message"] })
    const fields = {
      store_id: input.store_id,
      type: input.type,
      trigger: input.trigger ?? "schedule",
      marketplace_id: input.marketplace_id ?? null,
    }
    const run = input.run_id
      ? await amazon.updateAmazonSyncRuns({ id: input.run_id, status: "running", started_at: new Date() })
      : await amazon.createAmazonSyncRuns({ ...fields, status: "running", started_at: new Date() })
    await closeInterruptedRuns(amazon, input.store_id, input.type, run.id)
    if (store.status !== "connected") {
      const message = `The store is ${store.status}, so nothing was synced. ${store.status_message ?? "Connect or re-authorize it in Settings → Amazon."}`
      await amazon.updateAmazonSyncRuns({
        id: run.id,
        status: "failed",
        finished_at: new Date(),
        errors: [{ code: "store_not_connected", message }] as unknown as Record<string, unknown>,
      })
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
    }
    return new StepResponse(run, run.id)
  },
  async (runId, { container }) => {
    if (!runId) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const [run] = await amazon.listAmazonSyncRuns({ id: runId }, { select: ["id", "status", "errors"] })
    if (!run || run.status !== "running") return
    await amazon.updateAmazonSyncRuns({
      id: runId,
      status: "failed",
      finished_at: new Date(),
      errors: (Array.isArray(run.errors) && run.errors.length
        ? run.errors
        : [{ code: "run_failed", message: "The run stopped on an unexpected error; what it had committed is kept and the next run continues from there." }]) as unknown as Record<string, unknown>,
    })
  }
)
