import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { keepLock, stopKeepingLock } from "../../../utils/lock-keeper"
import { findRunningSyncRun, skipSyncRun } from "../lib/running-sync-run"
import type { SyncRunType } from "./begin-sync-run"

/** A held store lock lapses this long after its process died (it is renewed every third of it while alive). */
export const STORE_LOCK_TTL_SECONDS = 60

export type HoldStoreLockInput = {
  key: string
  /** who holds it (usually the sync run; absent, a fresh id): only the owner renews and releases it */
  owner_id?: string
  /** wait this long for a busy lock (default 0: do not wait) */
  wait_seconds?: number
  /** busy after the wait: "skip" answers acquired: false (default), "fail" throws */
  on_busy?: "skip" | "fail"
  /** the longest the lock is kept alive, whatever happens (the run's time budget plus a margin) */
  max_hold_seconds: number
  ttl_seconds?: number
  /**
   * The sync run this lock is for. Busy: the run of the same flow that holds it is looked for, and this one
   * is recorded `skipped` naming it, at once — instead of waiting, and never as failed. (Without a holder
   * to name, it keeps trying for wait_seconds, at least a few seconds: the holder may be about to record its run.)
   */
  sync_run?: { id: string; store_id: string; type: SyncRunType }
}

export type HeldStoreLock = { key: string; owner_id: string; acquired: boolean; joined_run_id?: string | null }

/** How long a run with nobody to name keeps trying a busy lock (a sender records its run right after locking). */
const MIN_WAIT_FOR_HOLDER_SECONDS = 3

/** Each flow's store lock: the workflows take it, and "sync now" looks whether it is taken. */
export function storeLockKey(type: SyncRunType, storeId: string): string | null {
  switch (type) {
    case "orders":
      return `amazon-orders:${storeId}`
    case "shipments":
      return `amazon-shipments:${storeId}`
    case "listings":
      return `amazon:listings:${storeId}`
    default:
      return null
  }
}

/**
 * Takes one of a store's flow locks (orders, shipments, listings) and keeps it alive while this process
 * works. Another run already holding it is not an error by default: this run has nothing to do (two
 * schedules, two workers, or "sync now" during a scheduled run) and says so. A worker killed while
 * holding it stops renewing it, so the store is free again within STORE_LOCK_TTL_SECONDS.
 * Compensation: releases the lock if this step took it.
 */
export const holdStoreLockStep = createStep(
  "amazon-hold-store-lock",
  async (input: HoldStoreLockInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const ttl = input.ttl_seconds ?? STORE_LOCK_TTL_SECONDS
    const ownerId = input.owner_id ?? `lock_${randomUUID()}`
    const run = input.sync_run
    const waitSeconds = run ? Math.max(MIN_WAIT_FOR_HOLDER_SECONDS, input.wait_seconds ?? 0) : (input.wait_seconds ?? 0)
    const until = Date.now() + waitSeconds * 1000
    const amazon = run ? container.resolve<AmazonModuleService>(AMAZON_MODULE) : null
    for (;;) {
      try {
        await locking.acquire(input.key, { ownerId, expire: ttl })
        break
      } catch {
        if (run && amazon) {
          // whichever run of the flow holds the lock is named (not only one covering this run's marketplace)
          const holder = await findRunningSyncRun(amazon, { store_id: run.store_id, type: run.type, except_id: run.id })
          if (holder || Date.now() >= until) {
            await skipSyncRun(amazon, run.id, holder)
            return new StepResponse<HeldStoreLock, null>({ key: input.key, owner_id: ownerId, acquired: false, joined_run_id: holder?.id ?? null }, null)
          }
        } else if (Date.now() >= until) {
          if (input.on_busy === "fail") {
            throw new MedusaError(MedusaError.Types.CONFLICT, `Another run holds ${input.key}; it goes on with the work this one was started for.`)
          }
          return new StepResponse<HeldStoreLock, null>({ key: input.key, owner_id: ownerId, acquired: false }, null)
        }
        await new Promise((resolve) => setTimeout(resolve, 300))
      }
    }
    keepLock(locking, {
      key: input.key,
      owner_id: ownerId,
      ttl_seconds: ttl,
      max_hold_seconds: input.max_hold_seconds,
      logger: container.resolve(ContainerRegistrationKeys.LOGGER),
    })
    const held: HeldStoreLock = { key: input.key, owner_id: ownerId, acquired: true }
    return new StepResponse(held, held)
  },
  async (held, { container }) => {
    if (!held) return
    stopKeepingLock(held.key, held.owner_id)
    await container.resolve(Modules.LOCKING).release(held.key, { ownerId: held.owner_id })
  }
)

export const releaseStoreLockStep = createStep("amazon-release-store-lock", async (held: HeldStoreLock, { container }) => {
  if (held.acquired) {
    stopKeepingLock(held.key, held.owner_id)
    await container.resolve(Modules.LOCKING).release(held.key, { ownerId: held.owner_id })
  }
  return new StepResponse(undefined)
})
