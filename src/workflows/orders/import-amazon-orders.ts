import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { beginSyncRunStep } from "../sync/steps/begin-sync-run"
import { finishSyncRunStep } from "../sync/steps/finish-sync-run"
import { registerSyncWorkflow, type SyncWorkflowInput } from "../sync/sync-workflows"
import { DEFAULT_ORDERS_RUN_BUDGET_MS, importStoreOrdersStep } from "./steps/import-store-orders"
import { holdStoreLockStep, releaseStoreLockStep, storeLockKey } from "../sync/steps/store-lock"

export type ImportAmazonOrdersInput = SyncWorkflowInput & {
  /** ms a run may take (default 4 minutes) — tests and the bench change it */
  budget_ms?: number
  /** Medusa orders created at once (default 4) */
  concurrency?: number
  /** false: only pull orders into the ledger (back-fills, the bench); the next run makes the Medusa orders */
  create_orders?: boolean
}

/**
 * "orders" sync of one store (schedule or "sync now"): under the store's order-import lock, pull every
 * enabled marketplace's new and changed orders into the ledger and bring them into Medusa. A second run
 * while one holds the lock does nothing and says so in its counts.
 */
export const importAmazonOrdersWorkflow = createWorkflow("import-amazon-orders", (input: ImportAmazonOrdersInput) => {
  const run = beginSyncRunStep(
    transform({ input }, ({ input }) => ({
      store_id: input.store_id,
      run_id: input.run_id,
      type: "orders" as const,
      trigger: input.trigger,
      marketplace_id: input.marketplace_id,
    }))
  )
  const held = holdStoreLockStep(
    transform({ input, run }, ({ input, run }) => ({
      key: storeLockKey("orders", input.store_id)!,
      owner_id: run.id,
      // busy: this run is recorded skipped, naming the run that holds it (never failed)
      sync_run: { id: run.id, store_id: input.store_id, type: "orders" as const },
      // renewed while the run lives; a run that never lets go is cut off after its budget and a margin
      max_hold_seconds: Math.ceil((input.budget_ms ?? DEFAULT_ORDERS_RUN_BUDGET_MS) / 1000) + 120,
    }))
  )
  const result = importStoreOrdersStep(
    transform({ input, run, held }, ({ input, run, held }) => ({
      store_id: input.store_id,
      run_id: run.id,
      marketplace_id: input.marketplace_id,
      acquired: held.acquired,
      budget_ms: input.budget_ms,
      concurrency: input.concurrency,
      create_orders: input.create_orders,
    }))
  )
  releaseStoreLockStep(transform({ held, result }, ({ held }) => held))
  return new WorkflowResponse(finishSyncRunStep(result))
})

// POST /admin/amazon/stores/:id/sync { type: "orders" } runs this workflow
registerSyncWorkflow("orders", importAmazonOrdersWorkflow)
