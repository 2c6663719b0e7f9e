import { keepLock, keptLockCount, stopKeepingLock } from "../lock-keeper"

function fakeLocking(answer: () => Promise<void> = async () => undefined) {
  const calls: Array<{ key: string; ownerId?: string; expire?: number }> = []
  return {
    calls,
    locking: {
      acquire: async (key: string, args: { ownerId?: string; expire?: number }) => {
        calls.push({ key, ...args })
        return answer()
      },
    } as never,
  }
}

describe("keepLock", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => {
    stopKeepingLock("amazon-orders:s1", "run-1")
    jest.useRealTimers()
  })

  it("takes the lock again as its owner every third of its expiry, until released", async () => {
    const { locking, calls } = fakeLocking()
    keepLock(locking, { key: "amazon-orders:s1", owner_id: "run-1", ttl_seconds: 60, max_hold_seconds: 600 })
    await jest.advanceTimersByTimeAsync(60_000)
    expect(calls).toEqual(Array(3).fill({ key: "amazon-orders:s1", ownerId: "run-1", expire: 60 }))
    stopKeepingLock("amazon-orders:s1", "run-1")
    await jest.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(3)
    expect(keptLockCount()).toBe(0)
  })

  it("stops renewing after the longest hold, so a run that never lets go cannot hold the store for ever", async () => {
    const { locking, calls } = fakeLocking()
    keepLock(locking, { key: "amazon-orders:s1", owner_id: "run-1", ttl_seconds: 60, max_hold_seconds: 50 })
    await jest.advanceTimersByTimeAsync(300_000)
    expect(calls).toHaveLength(2)
    expect(keptLockCount()).toBe(0)
  })

  it("stops and says so when a renewal fails (the lock went to someone else)", async () => {
    const { locking, calls } = fakeLocking(async () => {
      throw new Error("Failed to acquire lock")
    })
    const warn = jest.fn()
    keepLock(locking, { key: "amazon-orders:s1", owner_id: "run-1", ttl_seconds: 60, max_hold_seconds: 600, logger: { warn } as never })
    await jest.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("lost the lock amazon-orders:s1"))
    expect(keptLockCount()).toBe(0)
  })
})
