/**
 * Where an order import starts and how far its cursor may move. The cursor (amazon_marketplace.orders_cursor)
 * is a lastUpdatedAfter time; it moves only past orders that are committed to amazon_order.
 */

/** Re-read this much before the cursor: Amazon's order index lags (lastUpdatedBefore must be ≥ 2 minutes in the past). */
export const ORDERS_OVERLAP_MS = 10 * 60 * 1000
/** A marketplace imported for the first time starts this far back; older orders are not imported. */
export const ORDERS_INITIAL_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000
/** Amazon's maxResultsPerPage upper bound. */
export const ORDERS_PAGE_SIZE = 100

export function searchWindowStart(cursor: Date | null, now: Date): Date {
  return cursor
    ? new Date(cursor.getTime() - ORDERS_OVERLAP_MS)
    : new Date(now.getTime() - ORDERS_INITIAL_LOOKBACK_MS)
}

export type CursorState = {
  /** the cursor as committed so far in this run */
  cursor: Date | null
  /** latest lastUpdatedTime seen in this run's committed pages */
  max_seen: Date | null
  /** every page so far started at or after the previous page's latest order */
  ascending: boolean
}

export function initialCursorState(cursor: Date | null): CursorState {
  return { cursor, max_seen: null, ascending: true }
}

/**
 * The cursor after one more page is committed. After the last page it moves to the end of the search
 * window (Amazon's `lastUpdatedBefore`). Mid-way it moves to the page's latest order, but only while pages
 * come sorted by update time (Amazon does not promise an order; the sandbox sorts): an unsorted sequence
 * could still hold older orders on later pages, so the cursor waits for its end. Never moves back.
 */
export function advanceCursor(
  state: CursorState,
  page: { updated: Date[]; last: boolean; window_end: Date | null }
): CursorState {
  const times = page.updated.map((d) => d.getTime())
  const pageMin = times.length ? Math.min(...times) : null
  const pageMax = times.length ? Math.max(...times) : null
  const ascending = state.ascending && (pageMin === null || state.max_seen === null || pageMin >= state.max_seen.getTime())
  const maxSeen = pageMax === null ? state.max_seen : new Date(Math.max(pageMax, state.max_seen?.getTime() ?? -Infinity))
  let next: Date | null = state.cursor
  if (page.last) next = page.window_end ?? maxSeen ?? state.cursor
  else if (ascending && maxSeen) next = maxSeen
  if (state.cursor && next && next.getTime() < state.cursor.getTime()) next = state.cursor
  return { cursor: next, max_seen: maxSeen, ascending }
}

/**
 * Seconds until the rest of the search window is read, from the quota: orders left are estimated from how
 * many the part of the window read so far held; each page beyond the tokens in the bucket costs 1/rate.
 * Null while nothing is known (before the first page).
 */
export function estimateOrdersEtaSeconds(input: {
  window_start: Date
  window_end: Date
  covered_until: Date | null
  orders_so_far: number
  tokens: number
  rate: number
  page_size?: number
}): number | null {
  if (!input.covered_until || !(input.rate > 0)) return null
  const covered = input.covered_until.getTime() - input.window_start.getTime()
  const left = input.window_end.getTime() - input.covered_until.getTime()
  if (left <= 0) return 0
  if (covered <= 0) return null
  const ordersLeft = (input.orders_so_far * left) / covered
  const pages = Math.ceil(ordersLeft / (input.page_size ?? ORDERS_PAGE_SIZE))
  return Math.max(0, pages - Math.floor(input.tokens)) / input.rate
}

/** Whether the next page fits into the run's time budget, counting the wait for its quota token. */
export function fitsBudget(input: { elapsed_ms: number; budget_ms: number; wait_ms: number }): boolean {
  return input.elapsed_ms + input.wait_ms <= input.budget_ms
}
