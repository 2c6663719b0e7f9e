import { WorkQueue } from "../work-queue"

const tick = () => new Promise((r) => setImmediate(r))

describe("WorkQueue", () => {
  it("runs at most `concurrency` at once, in order, each waiting id once", async () => {
    let active = 0
    let peak = 0
    const done: string[] = []
    const queue = new WorkQueue(async (id) => {
      active++
      peak = Math.max(peak, active)
      await tick()
      done.push(id)
      active--
    }, 2)
    queue.push(["a", "b", "c", "c", "d"])
    queue.push(["d"])
    await queue.drain()
    expect(done).toEqual(["a", "b", "c", "d"])
    expect(peak).toBe(2)
    expect(queue.processed).toBe(4)
  })

  it("takes new work while running, and a failing item does not stop the rest", async () => {
    const done: string[] = []
    const queue = new WorkQueue(async (id) => {
      await tick()
      if (id === "bad") throw new Error("boom")
      done.push(id)
    }, 1)
    queue.push(["a", "bad"])
    await tick()
    queue.push(["b"])
    await queue.drain()
    expect(done).toEqual(["a", "b"])
  })

  it("stop() finishes what runs and drops what waits", async () => {
    const done: string[] = []
    const queue = new WorkQueue(async (id) => {
      await tick()
      done.push(id)
    }, 1)
    queue.push(["a", "b", "c"])
    await queue.stop()
    queue.push(["d"])
    await queue.drain()
    expect(done).toEqual(["a"])
  })

  it("drains at once when empty", async () => {
    await expect(new WorkQueue(async () => undefined, 1).drain()).resolves.toBeUndefined()
  })
})
