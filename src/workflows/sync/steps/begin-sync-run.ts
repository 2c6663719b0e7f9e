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

/**
 * Marks a run as running (creating it when the schedule started it). A store
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
