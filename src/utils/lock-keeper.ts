import type { ILockingModule, Logger } from "@medusajs/framework/types"

/** Locks this process holds and keeps alive: `${key} ${owner}` → renewal timer. */
const kept = new Map<string, NodeJS.Timeout>()

const idOf = (key: string, ownerId: string) => `${key}\u0000${ownerId}`

export type KeepLockOptions = {
  key: string
  owner_id: string
  /** the lock's expiry, renewed every third of it: a dead process's lock lapses within this */
  ttl_seconds: number
  /** renewal stops after this long, so a run that never releases cannot hold the store for ever */
  max_hold_seconds: number
  logger?: Logger
}

/**
 * Keeps a held lock alive while this process runs: it is taken again by its owner (which extends it, in
 * Medusa's Redis and in-memory providers alike) every third of its expiry. A worker killed mid-run stops
 * renewing, so its lock lapses within `ttl_seconds` — not after the longest a run may take — and another
 * worker carries on. A renewal that fails (the lock went to someone else) stops the keeping and says so.
 */
export function keepLock(locking: ILockingModule, options: KeepLockOptions): void {
  stopKeepingLock(options.key, options.owner_id)
  const until = Date.now() + options.max_hold_seconds * 1000
  const timer = setInterval(() => {
    if (Date.now() >= until) {
      stopKeepingLock(options.key, options.owner_id)
      return
    }
    locking.acquire(options.key, { ownerId: options.owner_id, expire: options.ttl_seconds }).catch((error: unknown) => {
      stopKeepingLock(options.key, options.owner_id)
      options.logger?.warn(
        `[amazon] lost the lock ${options.key} while holding it (${error instanceof Error ? error.message : String(error)}); another process may take over`
      )
    })
  }, Math.max(1000, (options.ttl_seconds * 1000) / 3))
  timer.unref()
  kept.set(idOf(options.key, options.owner_id), timer)
}

export function stopKeepingLock(key: string, ownerId: string): void {
  const id = idOf(key, ownerId)
  const timer = kept.get(id)
  if (timer) clearInterval(timer)
  kept.delete(id)
}

/** How many locks this process keeps alive (tests). */
export function keptLockCount(): number {
  return kept.size
}
