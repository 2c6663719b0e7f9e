import {
  advanceCursor,
  estimateOrdersEtaSeconds,
  fitsBudget,
  initialCursorState,
  ORDERS_INITIAL_LOOKBACK_MS,
  ORDERS_OVERLAP_MS,
  searchWindowStart,
} from "../orders-cursor"

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 10, minutes))

describe("searchWindowStart", () => {
  it("re-reads an overlap before the cursor", () => {
    expect(searchWindowStart(t(30), t(40)).getTime()).toBe(t(30).getTime() - ORDERS_OVERLAP_MS)
  })
  it("starts a first import a week back", () => {
    expect(searchWindowStart(null, t(40)).getTime()).toBe(t(40).getTime() - ORDERS_INITIAL_LOOKBACK_MS)
  })
})

describe("advanceCursor", () => {
  it.each([
    // [title, pages, expected cursors after each page]
    [
      "sorted pages: to each page's latest order, then to the window's end",
      [
        { updated: [t(1), t(2)], last: false, window_end: t(9) },
        { updated: [t(2), t(5)], last: false, window_end: t(9) },
        { updated: [t(6)], last: true, window_end: t(9) },
      ],
      [t(2), t(5), t(9)],
    ],
    [
      "unsorted pages: stays put until the sequence ends",
      [
        { updated: [t(4), t(5)], last: false, window_end: t(9) },
        { updated: [t(1), t(2)], last: false, window_end: t(9) },
        { updated: [t(3)], last: true, window_end: t(9) },
      ],
      [t(5), t(5), t(9)],
    ],
    ["an empty window moves to its end", [{ updated: [], last: true, window_end: t(9) }], [t(9)]],
    ["no window end from Amazon: the latest order", [{ updated: [t(3), t(7)], last: true, window_end: null }], [t(7)]],
  ])("%s", (_, pages, expected) => {
    let state = initialCursorState(t(0))
    const cursors: Date[] = []
    for (const page of pages) {
      state = advanceCursor(state, page)
      cursors.push(state.cursor!)
    }
    expect(cursors).toEqual(expected)
  })

  it("never moves back", () => {
    const state = advanceCursor(initialCursorState(t(20)), { updated: [t(3)], last: true, window_end: t(10) })
    expect(state.cursor).toEqual(t(20))
  })

  it("holds an unsorted cursor at the start of the run", () => {
    let state = initialCursorState(t(0))
    state = advanceCursor(state, { updated: [t(5)], last: false, window_end: null })
    state = advanceCursor(state, { updated: [t(1)], last: false, window_end: null })
    state = advanceCursor(state, { updated: [t(8)], last: false, window_end: null })
    expect(state).toMatchObject({ cursor: t(5), ascending: false })
  })
})

describe("estimateOrdersEtaSeconds", () => {
  it("extrapolates the orders left from the part read, and charges each page beyond the bucket 1/rate", () => {
    // half the window read with 1,000 orders → 1,000 left → 10 pages; 4 tokens in the bucket → 6 × 180 s
    const eta = estimateOrdersEtaSeconds({ window_start: t(0), window_end: t(20), covered_until: t(10), orders_so_far: 1000, tokens: 4, rate: 1 / 180 })
    expect(eta).toBeCloseTo(6 * 180)
  })
  it.each([
    ["before the first page", { covered_until: null }, null],
    ["when the window is read", { covered_until: t(20) }, 0],
    ["when the bucket covers the rest", { covered_until: t(19), tokens: 20 }, 0],
  ])("%s", (_, overrides, expected) => {
    const base = { window_start: t(0), window_end: t(20), covered_until: t(10) as Date | null, orders_so_far: 100, tokens: 0, rate: 1 }
    expect(estimateOrdersEtaSeconds({ ...base, ...(overrides as Partial<typeof base>) })).toBe(expected)
  })
})

describe("fitsBudget", () => {
  it.each([
    [10_000, 60_000, 0, true],
    [50_000, 60_000, 10_000, true],
    [50_000, 60_000, 10_001, false],
  ])("elapsed %d, budget %d, wait %d → %s", (elapsed_ms, budget_ms, wait_ms, fits) => {
    expect(fitsBudget({ elapsed_ms, budget_ms, wait_ms })).toBe(fits)
  })
})
