import type { ListingTriggerInput } from "../../../workflows/listings/steps/resolve-variant-ids"
import { RefreshBuffer, type ListingTrigger, type ListingTriggerStore, type TriggerKind } from "../refresh-buffer"

const container = { resolve: () => ({ error: jest.fn() }) } as never

/** The trigger table in memory: what survives a "crash" is what one buffer saved and another reads. */
class MemoryTriggerStore implements ListingTriggerStore {
  rows: Array<ListingTrigger & { claimed_by: string | null; claimed_at: Date | null }> = []

  async save(_c: unknown, kind: TriggerKind, ids: string[]) {
    this.rows.push(...ids.map((entity_id) => ({ kind, entity_id, claimed_by: null, claimed_at: null })))
  }

  async claim(_c: unknown, claimId: string, max: number, leaseStart: Date) {
    const claimable = this.rows.filter((r) => r.claimed_by === null || r.claimed_at! < leaseStart).slice(0, max)
    claimable.forEach((r) => Object.assign(r, { claimed_by: claimId, claimed_at: new Date() }))
    return claimable.map(({ kind, entity_id }) => ({ kind, entity_id }))
  }

  async done(_c: unknown, claimId: string) {
    this.rows = this.rows.filter((r) => r.claimed_by !== claimId)
  }

  async release(_c: unknown, claimId: string) {
    this.rows.filter((r) => r.claimed_by === claimId).forEach((r) => Object.assign(r, { claimed_by: null, claimed_at: null }))
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("RefreshBuffer", () => {
  it("gathers the ids of many events into one refresh", async () => {
    const flushed: unknown[] = []
    const store = new MemoryTriggerStore()
    const buffer = new RefreshBuffer({ store, refresh: async (_c, input) => flushed.push(input), delayMs: 50 })
    await buffer.add(container, "product_ids", ["p1"])
    await buffer.add(container, "variant_ids", ["v1", "v2"])
    await buffer.add(container, "product_ids", ["p1", "p2"])
    await buffer.add(container, "inventory_level_ids", ["l1"])
    expect(flushed).toEqual([])
    expect(store.rows).toHaveLength(6) // committed before the event is acknowledged
    await sleep(80)
    await buffer.flush()
    expect(flushed).toEqual([{ product_ids: ["p1", "p2"], variant_ids: ["v1", "v2"], inventory_level_ids: ["l1"] }])
    expect(store.rows).toEqual([])
  })

  it("drains at once when many ids pile up, without the event waiting for it, and never runs two refreshes at a time", async () => {
    let running = 0
    let maxRunning = 0
    const sizes: number[] = []
    const buffer = new RefreshBuffer({
      store: new MemoryTriggerStore(),
      refresh: async (_c, input) => {
        running++
        maxRunning = Math.max(maxRunning, running)
        await sleep(20)
        sizes.push(input.variant_ids?.length ?? 0)
        running--
      },
      delayMs: 10_000,
      maxIds: 3,
    })
    const adds = ["a", "b", "c", "d", "e", "f", "g"].map((id) => buffer.add(container, "variant_ids", [id]))
    await Promise.all(adds)
    expect(sizes).toEqual([]) // the adds returned before any refresh ended
    await buffer.flush()
    expect(sizes).toEqual([3, 3, 1])
    expect(maxRunning).toBe(1)
  })

  it("logs a failed refresh instead of throwing into the event bus, and the next drain retries the ids", async () => {
    const error = jest.fn()
    const store = new MemoryTriggerStore()
    let fail = true
    const refreshed: ListingTriggerInput[] = []
    const buffer = new RefreshBuffer({
      store,
      refresh: async (_c, input) => {
        if (fail) throw new Error("db down")
        refreshed.push(input)
      },
      delayMs: 10,
    })
    await buffer.add({ resolve: () => ({ error }) } as never, "product_ids", ["p"])
    await buffer.flush()
    expect(error).toHaveBeenCalledWith(expect.stringContaining("db down"))
    expect(store.rows).toEqual([expect.objectContaining({ entity_id: "p", claimed_by: null })])

    fail = false
    await buffer.flush()
    expect(refreshed).toEqual([{ product_ids: ["p"] }])
    expect(store.rows).toEqual([])
  })

  it("loses no id when the process dies before its drain: a new process drains what the first saved", async () => {
    const store = new MemoryTriggerStore()
    const dead = new RefreshBuffer({ store, refresh: async () => undefined, delayMs: 60_000 })
    await dead.add(container, "inventory_level_ids", ["l1", "l2"])
    await dead.add(container, "reservation_ids", ["r1"])
    // SIGKILL: the timer never fires

    const refreshed: ListingTriggerInput[] = []
    const restarted = new RefreshBuffer({ store, refresh: async (_c, input) => refreshed.push(input) })
    await restarted.flush(container) // the minute job: this buffer has seen no event yet
    expect(refreshed).toEqual([{ inventory_level_ids: ["l1", "l2"], reservation_ids: ["r1"] }])
    expect(store.rows).toEqual([])
  })

  it("never refreshes an id twice when two processes drain the same storage", async () => {
    const store = new MemoryTriggerStore()
    const refreshed: string[] = []
    const refresh = async (_c: unknown, input: ListingTriggerInput) => {
      await sleep(5)
      refreshed.push(...(input.variant_ids ?? []))
    }
    const one = new RefreshBuffer({ store, refresh, delayMs: 10_000, maxIds: 4 })
    const two = new RefreshBuffer({ store, refresh, delayMs: 10_000, maxIds: 4 })
    const ids = Array.from({ length: 30 }, (_, i) => `v${i}`)
    await Promise.all(ids.map((id, i) => (i % 2 ? one : two).add(container, "variant_ids", [id])))
    await Promise.all([one.flush(), two.flush()])
    expect([...refreshed].sort()).toEqual([...ids].sort())
    expect(store.rows).toEqual([])
  })

  it("takes over a claim older than the lease (its process died mid-refresh), and no younger one", async () => {
    const store = new MemoryTriggerStore()
    const dying = new RefreshBuffer({ store, refresh: () => new Promise(() => undefined), delayMs: 60_000 })
    await dying.add(container, "product_ids", ["p1"])
    void dying.flush() // claims p1, then hangs forever: the process was killed mid-refresh
    await sleep(5)
    expect(store.rows).toEqual([expect.objectContaining({ entity_id: "p1", claimed_by: expect.any(String) })])

    const refreshed: ListingTriggerInput[] = []
    const patient = new RefreshBuffer({ store, refresh: async (_c, input) => refreshed.push(input) })
    await patient.flush(container)
    expect(refreshed).toEqual([]) // a 2-minute lease: the claim may still be alive

    await sleep(30)
    const survivor = new RefreshBuffer({ store, refresh: async (_c, input) => refreshed.push(input), leaseMs: 20 })
    await survivor.flush(container)
    expect(refreshed).toEqual([{ product_ids: ["p1"] }])
    expect(store.rows).toEqual([])
  })
})
