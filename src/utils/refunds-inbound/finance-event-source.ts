import type { FinancesV0Operations } from "../../lib/sp-api/apis/finances"
import { type FinanceEventSource, type InboundRefundEvent, refundEventsOf } from "./finance-events"

/**
 * Finances v0 `listFinancialEvents` (0.5 rps, burst 30; the client's bucket and retries) as a FinanceEventSource.
 * The second implementation is Finances 2024-06-19 `listTransactions` (postedAfter, transactionType refund,
 * relatedIdentifiers ORDER_ID): it plugs in here, behind the same interface, when v0's event lists are retired.
 */
export class FinancesV0EventSource implements FinanceEventSource {
  constructor(private readonly finances: FinancesV0Operations) {}

  async *listRefundEvents(range: { postedAfter: string; postedBefore?: string }): AsyncIterable<InboundRefundEvent[]> {
    for await (const page of this.finances.listFinancialEventsPages({ ...range, maxResultsPerPage: 100 })) {
      yield refundEventsOf(page.events).events
    }
  }
}

/** The ledger's window: 72 h before the cursor, as Amazon posts refunds up to ~48 h late. */
export const INBOUND_LOOKBACK_MS = 72 * 3600_000

/** PostedAfter for a run: cursor − 72 h (or 30 days back on the first run), and never later than now − 2 min. */
export function inboundWindow(cursor: Date | null, now: Date): { postedAfter: string; postedBefore: string } {
  const before = new Date(now.getTime() - 3 * 60_000)
  const after = cursor ? new Date(cursor.getTime() - INBOUND_LOOKBACK_MS) : new Date(now.getTime() - 30 * 86_400_000)
  return { postedAfter: new Date(Math.min(after.getTime(), before.getTime() - 60_000)).toISOString(), postedBefore: before.toISOString() }
}
