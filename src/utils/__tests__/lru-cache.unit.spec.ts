import { LruCache } from "../lru-cache"

describe("LruCache", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new LruCache<string, number>(2)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1) // a is now the most recent
    cache.set("c", 3)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    expect(cache.get("c")).toBe(3)
    expect(cache.size).toBe(2)
  })

  it("replaces a key without growing", () => {
    const cache = new LruCache<string, number>(2)
    cache.set("a", 1)
    cache.set("a", 2)
    expect(cache.size).toBe(1)
    expect(cache.get("a")).toBe(2)
  })

  it("never holds more than its capacity however many keys pass through", () => {
    const cache = new LruCache<number, number>(100)
    for (let i = 0; i < 10_000; i++) cache.set(i, i)
    expect(cache.size).toBe(100)
    expect(cache.get(9_999)).toBe(9_999)
    expect(cache.get(0)).toBeUndefined()
  })

  it("refuses a capacity below 1", () => {
    expect(() => new LruCache(0)).toThrow(RangeError)
  })
})
