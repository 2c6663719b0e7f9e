import { randomUUID } from "node:crypto"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILockingModule } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { findRunningSyncRun } from "../lib/running-sync-run"
import type { SyncRunType } from "./begin-sync-run"
import { storeLockKey } from "./store-lock"

export type QueueSyncRunInput = { store_id: string; type: SyncRunType; marketplace_id?: string | null }

type SyncRunRow = Awaited<ReturnType<AmazonModuleService["listAmazonSyncRuns"]>>[number]

/** The run the admin gets back: a new queued one, or the one already running that it joined. */
export type QueuedSyncRun = { run: SyncRunRow; joined: boolean }

/**
 * Whether the flow's store lock is held right now (a held lock means its run is alive: a dead process's
 * lapses within a minute, while its run may still read "running" for five). Flows without a lock: assumed held.
 */
async function lockIsHeld(locking: ILockingModule, key: string | null): Promise<boolean> {
  if (!key) return true
  const probe = `probe_${randomUUID()}`
  try {
    await locking.acquire(key, { ownerId: probe, expire: 1 })
  } catch {
    return true
  }
  await locking.release(key, { ownerId: probe })
  return false
}

/**
 * A run the admin asked for: refused for a store that is not connected. When a run of the same flow is
 * already under way for the store (and covers the marketplace asked for), the request joins it: that run
 * is answered, nothing new is queued — it does what was asked. Otherwise a run is queued.
 * Compensation: a run this step queued is deleted.
 */
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
    const running = await findRunningSyncRun(amazon, { store_id: input.store_id, type: input.type, marketplace_id: input.marketplace_id })
    if (running && (await lockIsHeld(container.resolve(Modules.LOCKING), storeLockKey(input.type, input.store_id)))) {
      const [run] = await amazon.listAmazonSyncRuns({ id: running.id })
      if (run) return new StepResponse<QueuedSyncRun, string | null>({ run, joined: true }, null)
    }
    const run = await amazon.createAmazonSyncRuns({
      store_id: input.store_id,
      type: input.type,
      trigger: "manual",
      status: "queued",
      marketplace_id: input.marketplace_id ?? null,
    })
    return new StepResponse<QueuedSyncRun, string | null>({ run, joined: false }, run.id)
  },
  async (runId, { container }) => {
    if (!runId) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).deleteAmazonSyncRuns(runId)
  }
)
