import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { holdStoreLockStep, releaseStoreLockStep, storeLockKey } from "../sync/steps/store-lock"
import { beginSyncRunStep } from "../sync/steps/begin-sync-run"
import { finishSyncRunStep } from "../sync/steps/finish-sync-run"
import { registerSyncWorkflow, type SyncWorkflowInput } from "../sync/sync-workflows"
import { confirmDueShipmentsStep } from "./steps/confirm-due-shipments"

/**
 * "shipments" sync of one store (every minute, and "sync now"): confirm to Amazon every package that is
 * due, under the store's shipment lock so two runs never send the same package.
 */
export const confirmAmazonShipmentsWorkflow = createWorkflow(
  "confirm-amazon-shipments",
  (input: SyncWorkflowInput & { now?: Date | string }) => {
    const run = beginSyncRunStep(
      transform({ input }, ({ input }) => ({ store_id: input.store_id, run_id: input.run_id, type: "shipments" as const, trigger: input.trigger }))
    )
    const held = holdStoreLockStep(
      transform({ input, run }, ({ input, run }) => ({
        key: storeLockKey("shipments", input.store_id)!,
        owner_id: run.id,
        max_hold_seconds: 600,
        // busy: the run holding it sends what is due; this one is recorded skipped, naming it
        sync_run: { id: run.id, store_id: input.store_id, type: "shipments" as const },
      }))
    )
    const result = confirmDueShipmentsStep(
      transform({ input, run, held }, ({ input, run, held }) => ({ store_id: input.store_id, run_id: run.id, acquired: held.acquired, now: input.now }))
    )
    releaseStoreLockStep(transform({ held, result }, ({ held }) => held))
    return new WorkflowResponse(finishSyncRunStep(result))
  }
)

// POST /admin/amazon/stores/:id/sync { type: "shipments" } runs this workflow
registerSyncWorkflow("shipments", confirmAmazonShipmentsWorkflow)
