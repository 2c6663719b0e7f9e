import type AmazonModuleService from "../../../modules/amazon/service"
import type { SyncRunType } from "../steps/begin-sync-run"

/** A run that has written nothing for this long while "running" belonged to a process that died. */
export const INTERRUPTED_AFTER_MS = 5 * 60 * 1000

export type RunningSyncRun = { id: string; marketplace_id: string | null; trigger: string; started_at: Date | string | null }

/**
 * The live run of a store's flow that already does what a new request asks for: same type, "running",
 * written to within INTERRUPTED_AFTER_MS, and covering the marketplace asked for (a run over every
 * marketplace covers any one). Oldest first, so every request names the same run. Reads only.
 */
export async function findRunningSyncRun(
  amazon: AmazonModuleService,
  where: { store_id: string; type: SyncRunType; marketplace_id?: string | null; except_id?: string }
): Promise<RunningSyncRun | null> {
  const runs = await amazon.listAmazonSyncRuns(
    {
      store_id: where.store_id,
      type: where.type,
      status: "running",
      updated_at: { $gte: new Date(Date.now() - INTERRUPTED_AFTER_MS) },
    } as never,
    { select: ["id", "marketplace_id", "trigger", "started_at"], order: { started_at: "ASC" } }
  )
  const covering = runs.find(
    (run) => run.id !== where.except_id && (!run.marketplace_id || !where.marketplace_id || run.marketplace_id === where.marketplace_id)
  )
  return covering ? { id: covering.id, marketplace_id: covering.marketplace_id ?? null, trigger: covering.trigger, started_at: covering.started_at ?? null } : null
}

/**
 * Records that a run did not run because another of the same flow held the store's lock: `skipped`, naming
 * that run when it is known. Never `failed` — nothing went wrong, the running one does the work.
 */
export async function skipSyncRun(amazon: AmazonModuleService, runId: string, joined: RunningSyncRun | null): Promise<void> {
  await amazon.updateAmazonSyncRuns({
    id: runId,
    status: "skipped",
    joined_run_id: joined?.id ?? null,
    finished_at: new Date(),
    eta_seconds: 0,
    counts: { skipped_locked: 1 },
  })
}
