import { hostname } from "node:os"
import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ListingTriggerInput } from "../../workflows/listings/steps/resolve-variant-ids"

export type TriggerKind = keyof ListingTriggerInput
export type ListingTrigger = { kind: TriggerKind; entity_id: string }

/** Where event ids wait for their refresh: the `amazon_listing_trigger` table (memory in unit tests). */
export interface ListingTriggerStore {
  /** Commits the ids of one event; once it returns, a killed process loses none of them. */
  save(container: MedusaContainer, kind: TriggerKind, ids: string[]): Promise<void>
  /**
   * Claims up to `max` triggers for `claimId`: those nobody holds, and those
   * whose claim began before `leaseStart` (its process died). Each row goes to
   * one claim only, however many processes drain at once.
   */
  claim(container: MedusaContainer, claimId: string, max: number, leaseStart: Date): Promise<ListingTrigger[]>
  /** Deletes the triggers of a claim whose refresh succeeded. */
  done(container: MedusaContainer, claimId: string): Promise<void>
  /** Lets go of the triggers of a claim whose refresh failed, for the next drain. */
  release(container: MedusaContainer, claimId: string): Promise<void>
}

type Refresh = (container: MedusaContainer, input: ListingTriggerInput) => Promise<unknown>

export type RefreshBufferOptions = {
  store: ListingTriggerStore
  refresh: Refresh
  /** how long ids gather before a drain */
  delayMs?: number
  /** a drain starts at once when this many ids were saved, and refreshes at most this many at a time */
  maxIds?: number
  /** a claim older than this is a dead process's: longer than any refresh of `maxIds` ids takes */
  leaseMs?: number
}

const PROCESS = `${hostname()}:${process.pid}`

/**
 * Gathers the ids of catalog and stock events for a moment and hands them to
 * one refresh: creating 500 products (an import) emits thousands of events,
 * and one workflow per event would swamp the process. `add` commits the ids
 * (the event is acknowledged only after it returns) and schedules a drain
 * within `delayMs`, which it does not wait for: the event bus works one event
 * at a time. A drain claims what is waiting — this process's ids, a dead
 * process's, any — refreshes it and deletes it, until nothing is left.
 */
export class RefreshBuffer {
  private readonly store: ListingTriggerStore
  private readonly refresh: Refresh
  private readonly delayMs: number
  private readonly maxIds: number
  private readonly leaseMs: number
  /** ids saved by this process since its last drain began */
  private waiting = 0
  private timer: NodeJS.Timeout | null = null
  private container: MedusaContainer | null = null
  private running: Promise<void> | null = null
  /** the one drain queued behind the running one, for ids saved while it runs */
  private next: Promise<void> | null = null

  constructor({ store, refresh, delayMs = 250, maxIds = 2000, leaseMs = 2 * 60_000 }: RefreshBufferOptions) {
    this.store = store
    this.refresh = refresh
    this.delayMs = delayMs
    this.maxIds = maxIds
    this.leaseMs = leaseMs
  }

  async add(container: MedusaContainer, kind: TriggerKind, ids: string[]): Promise<void> {
    this.container = container
    await this.store.save(container, kind, ids)
    this.waiting += ids.length
    if (this.waiting >= this.maxIds) {
      void this.flush()
      return
    }
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs)
    this.timer.unref?.()
  }

  /**
   * Drains everything waiting. Drains of one process never overlap (they would
   * only redo each other): a flush during a drain queues one more after it.
   * Never throws; a failed refresh is logged and retried by the next drain.
   */
  flush(container: MedusaContainer | null = this.container): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!container) return Promise.resolve()
    this.container = container
    if (!this.running) {
      this.waiting = 0
      this.running = this.drain(container).finally(() => {
        this.running = null
      })
      return this.running
    }
    this.next ??= this.running.then(() => {
      this.next = null
      return this.flush(container)
    })
    return this.next
  }

  private async drain(container: MedusaContainer): Promise<void> {
    for (;;) {
      const claimId = `${PROCESS}:${randomUUID()}`
      let claimed: ListingTrigger[] = []
      try {
        claimed = await this.store.claim(container, claimId, this.maxIds, new Date(Date.now() - this.leaseMs))
        if (!claimed.length) return
        await this.refresh(container, byKind(claimed))
        await this.store.done(container, claimId)
      } catch (error) {
        const logger = container.resolve("logger")
        logger.error(`[amazon] listing refresh failed (the next drain retries, at the latest the minute job): ${(error as Error)?.message ?? error}`)
        if (claimed.length) {
          // if this fails too, the claim lapses after the lease
          await this.store.release(container, claimId).catch(() => undefined)
        }
        return
      }
    }
  }
}

/** The refresh input of some triggers: ids per kind, each once. */
function byKind(triggers: ListingTrigger[]): ListingTriggerInput {
  const sets = new Map<TriggerKind, Set<string>>()
  for (const { kind, entity_id } of triggers) {
    if (!sets.has(kind)) sets.set(kind, new Set())
    sets.get(kind)!.add(entity_id)
  }
  return Object.fromEntries([...sets].map(([kind, ids]) => [kind, [...ids]]))
}
