import type { MedusaContainer } from "@medusajs/framework/types"
import type { ListingTriggerInput } from "../../workflows/listings/steps/resolve-variant-ids"

type Kind = keyof ListingTriggerInput
type Flush = (container: MedusaContainer, input: ListingTriggerInput) => Promise<unknown>

/**
 * Gathers the ids of catalog and stock events for a moment and hands them to
 * one refresh: creating 500 products (an import) emits thousands of events,
 * and one workflow per event would swamp the process. Ids wait at most
 * `delayMs` (and at most `maxIds` pile up). What a crash loses here the
 * hourly reconciliation finds.
 */
export class RefreshBuffer {
  private pending: Record<Kind, Set<string>> = emptySets()
  private size = 0
  private timer: NodeJS.Timeout | null = null
  private container: MedusaContainer | null = null
  private running: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly flushTo: Flush,
    private readonly delayMs = 250,
    private readonly maxIds = 2000
  ) {}

  add(container: MedusaContainer, kind: Kind, ids: string[]): Promise<void> {
    this.container = container
    for (const id of ids) {
      if (!this.pending[kind].has(id)) {
        this.pending[kind].add(id)
        this.size++
      }
    }
    if (this.size >= this.maxIds) return this.flush()
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs)
    this.timer.unref?.()
    return Promise.resolve()
  }

  /** Runs one refresh with everything gathered; refreshes never overlap (they would only redo each other). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.size || !this.container) return Promise.resolve()
    const batch = Object.fromEntries(
      (Object.entries(this.pending) as Array<[Kind, Set<string>]>).filter(([, ids]) => ids.size).map(([kind, ids]) => [kind, [...ids]])
    ) as ListingTriggerInput
    const container = this.container
    this.pending = emptySets()
    this.size = 0
    const run = this.running.then(() => this.flushTo(container, batch)).catch((error) => {
      container.resolve("logger").error(`[amazon] listing refresh failed (the hourly reconciliation will retry): ${error?.message ?? error}`)
    })
    this.running = run
    return run.then(() => undefined)
  }
}

function emptySets(): Record<Kind, Set<string>> {
  return {
    variant_ids: new Set(),
    product_ids: new Set(),
    inventory_item_ids: new Set(),
    inventory_level_ids: new Set(),
    reservation_ids: new Set(),
  }
}
