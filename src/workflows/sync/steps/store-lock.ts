import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { keepLock, stopKeepingLock } from "../../../utils/lock-keeper"

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
}

export type HeldStoreLock = { key: string; owner_id: string; acquired: boolean }

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
    const until = Date.now() + (input.wait_seconds ?? 0) * 1000
    for (;;) {
      try {
        await locking.acquire(input.key, { ownerId, expire: ttl })
        break
      } catch {
        if (Date.now() >= until) {
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
