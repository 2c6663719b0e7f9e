import {
  type FinancialEvents,
  FinancesApi,
  type ListFinancialEventsResponse,
  type ShipmentEvent,
} from "@sp-api-sdk/finances-api-v0"
import type { SpApiTransport } from "../transport"
import type { AmazonOrderId } from "../types"

export type { FinancialEvents, ShipmentEvent }

export interface ListFinancialEventsParams {
  /** ISO 8601; more than 2 minutes before now (Amazon refuses a later one) */
  postedAfter: string
  /** ISO 8601; defaults (at Amazon) to 2 minutes before now; ≤ 180 days after postedAfter or the page is empty */
  postedBefore?: string
  /** 1–100 */
  maxResultsPerPage?: number
}

/** One page of financial events and the token for the next (absent on the last page). Pages may be empty. */
export interface FinancialEventsPage {
  events: FinancialEvents
  nextToken?: string
}

/**
 * Finances API v0 (models/finances-api-model/financesV0.json): `listFinancialEvents` and
 * `listFinancialEventsByOrderId`, both 0.5 rps, burst 30. "Orders from the last 48 hours might not be included";
 * deferred events appear only once released. Pages are walked with NextToken and the same arguments.
 */
export class FinancesV0Operations {
  private readonly api: FinancesApi

  constructor(private readonly transport: SpApiTransport) {
    this.api = new FinancesApi(undefined, transport.basePath, transport.http)
  }

  /** Every page of financial events posted in [postedAfter, postedBefore). */
  async *listFinancialEventsPages(params: ListFinancialEventsParams): AsyncGenerator<FinancialEventsPage> {
    let nextToken: string | undefined
    do {
      const response: ListFinancialEventsResponse = await this.transport.data("listFinancialEvents", (options) =>
        this.api.listFinancialEvents(
          {
            postedAfter: params.postedAfter,
            postedBefore: params.postedBefore,
            maxResultsPerPage: params.maxResultsPerPage ?? 100,
            nextToken,
          },
          options
        )
      )
      nextToken = response.payload?.NextToken || undefined
      yield { events: response.payload?.FinancialEvents ?? {}, nextToken }
    } while (nextToken)
  }

  /** Every page of one order's financial events. */
  async *listFinancialEventsByOrderIdPages(orderId: AmazonOrderId): AsyncGenerator<FinancialEventsPage> {
    let nextToken: string | undefined
    do {
      const response: ListFinancialEventsResponse = await this.transport.data(
        "listFinancialEventsByOrderId",
        (options) => this.api.listFinancialEventsByOrderId({ orderId, maxResultsPerPage: 100, nextToken }, options)
      )
      nextToken = response.payload?.NextToken || undefined
      yield { events: response.payload?.FinancialEvents ?? {}, nextToken }
    } while (nextToken)
  }
}
