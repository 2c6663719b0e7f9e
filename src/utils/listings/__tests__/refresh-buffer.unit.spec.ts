import { RefreshBuffer } from "../refresh-buffer"

const container = { resolve: () => ({ error: jest.fn() }) } as never

describe("RefreshBuffer", () => {
  it("gathers the ids of many events into one refresh", async () => {
    const flushed: unknown[] = []
    const buffer = new RefreshBuffer(async (_c, input) => flushed.push(input), 50)
    await buffer.add(container, "product_ids", ["p1"])
    await buffer.add(container, "variant_ids", ["v1", "v2"])
    await buffer.add(container, "product_ids", ["p1", "p2"])
    await buffer.add(container, "inventory_level_ids", ["l1"])
    expect(flushed).toEqual([])
    await new Promise((r) => setTimeout(r, 80))
    await buffer.flush()
    expect(flushed).toEqual([{ product_ids: ["p1", "p2"], variant_ids: ["v1", "v2"], inventory_level_ids: ["l1"] }])
  })

  it("flushes at once when many ids pile up, and never runs two refreshes at a time", async () => {
    let running = 0
    let maxRunning = 0
    const sizes: number[] = []
    const buffer = new RefreshBuffer(
      async (_c, input) => {
        running++
        maxRunning = Math.max(maxRunning, running)
        await new Promise((r) => setTimeout(r, 20))
        sizes.push(input.variant_ids?.length ?? 0)
        running--
      },
      10_000,
      3
    )
    const adds = ["a", "b", "c", "d", "e", "f", "g"].map((id) => buffer.add(container, "variant_ids", [id]))
    await Promise.all(adds)
    await buffer.flush()
    expect(sizes).toEqual([3, 3, 1])
    expect(maxRunning).toBe(1)
  })

  it("logs a failed refresh instead of throwing into the event bus", async () => {
    const error = jest.fn()
    const buffer = new RefreshBuffer(async () => {
      throw new Error("db down")
    }, 10)
    await buffer.add({ resolve: () => ({ error }) } as never, "product_ids", ["p"])
    await buffer.flush()
    expect(error).toHaveBeenCalledWith(expect.stringContaining("db down"))
  })
})
