import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { beginSyncRunStep } from "../sync/steps/begin-sync-run"
import { finishSyncRunStep } from "../sync/steps/finish-sync-run"
import type { SyncWorkflowInput } from "../sync/sync-workflows"
import { awaitListingsReportsStep } from "./steps/await-listings-reports"
import { importListingsReportsStep } from "./steps/import-listings-reports"
import { loadListingsImportPlanStep } from "./steps/load-listings-import-plan"
import { markListingsImportedStep } from "./steps/mark-listings-imported"
import { requestListingsReportsStep } from "./steps/request-listings-reports"

/**
 * Listings in (ARCHITECTURE §4 flow 3): per enabled marketplace with "Import listings" on, Amazon's
 * all-listings report (and the inactive one when asked) → streamed, parsed → known SKUs linked, unknown
 * ones created as products in the store's sales channel — the children of a seller's variation family as
 * one product with options, its parent recorded without a variant (families.ts). A sync run records progress (rows done/total)
 * and the summary: linked, created, skipped with why. Rerunning changes nothing: products created by one
 * run are known to the next.
 */
export const importAmazonListingsWorkflow = createWorkflow("import-amazon-listings", (input: SyncWorkflowInput) => {
  const run = beginSyncRunStep(
    transform({ input }, ({ input }) => ({
      store_id: input.store_id,
      type: "listings_import" as const,
      trigger: input.trigger,
      marketplace_id: input.marketplace_id ?? null,
      run_id: input.run_id,
    }))
  )
  const plan = loadListingsImportPlanStep(
    transform({ input, run }, ({ input, run }) => ({
      store_id: input.store_id,
      run_id: run.id,
      started_at: run.started_at ?? null,
      marketplace_id: input.marketplace_id ?? null,
    }))
  )
  const requested = requestListingsReportsStep(plan)
  const ready = awaitListingsReportsStep(transform({ plan, requested }, ({ plan, requested }) => ({ ...requested, store_id: plan.store_id })))
  const imported = importListingsReportsStep(transform({ plan, ready }, ({ plan, ready }) => ({ plan, ready })))
  markListingsImportedStep(
    transform({ plan, imported }, ({ plan, imported }) => ({
      store_id: plan.store_id,
      marketplace_ids: imported.imported_marketplace_ids,
      at: plan.run_marker,
    }))
  )
  return new WorkflowResponse(finishSyncRunStep(transform({ imported }, ({ imported }) => imported.run)))
})
