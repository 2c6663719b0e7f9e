import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type TryAcquireLockInput = {
  key: string
  /** who holds it (the sync run): only the owner releases it */
  owner_id: string
  /** seconds; a crashed holder's lock lapses after this */
  ttl_seconds: number
}

/**
 * Takes a lock without waiting. Another run already holding it is not an
 * error: this run has nothing to do (two schedules, or "sync now" during a
 * scheduled run) and says so instead of failing loudly.
 * Compensation: releases the lock if this step took it.
 */
export const tryAcquireLockStep = createStep(
  "amazon-try-acquire-lock",
  async (input: TryAcquireLockInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    try {
      await locking.acquire(input.key, { ownerId: input.owner_id, expire: input.ttl_seconds })
      return new StepResponse({ acquired: true }, { key: input.key, owner_id: input.owner_id })
    } catch {
      return new StepResponse({ acquired: false }, null)
    }
  },
  async (held, { container }) => {
    if (!held) return
    await container.resolve(Modules.LOCKING).release(held.key, { ownerId: held.owner_id })
  }
)

export const releaseLockIfHeldStep = createStep(
  "amazon-release-lock",
  async (input: { key: string; owner_id: string; acquired: boolean }, { container }) => {
    if (input.acquired) await container.resolve(Modules.LOCKING).release(input.key, { ownerId: input.owner_id })
    return new StepResponse(undefined)
  }
)
