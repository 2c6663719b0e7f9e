import {
  type GetOrderIncludedDataEnum,
  type GetOrderResponse,
  OrdersApi,
  type OrdersApiSearchOrdersRequest,
  type SearchOrdersResponse,
} from "@sp-api-sdk/orders-api-2026-01-01"
import type { SpApiTransport } from "../transport"
import type { AmazonOrderId, MarketplaceId } from "../types"

/** searchOrders parameters, with branded marketplace ids. Exactly one of `createdAfter`/`lastUpdatedAfter`. */
export type SearchOrdersParams = Omit<OrdersApiSearchOrdersRequest, "marketplaceIds"> & {
  /** ≤ 50 */
  marketplaceIds?: MarketplaceId[]
}

/**
 * Orders API 2026-01-01 (orders_2026-01-01.json) — the one to import orders with; v0 reads are deprecated
 * (notes §0.1). Buyer and recipient data come with `includedData` (no Restricted Data Token).
 */
export class OrdersOperations {
  private readonly api: OrdersApi

  constructor(private readonly transport: SpApiTransport) {
    this.api = new OrdersApi(undefined, transport.basePath, transport.http)
  }

  /** One page of orders (rate 0.0056/s ≈ one call per 180 s, burst 20; up to 100 orders a page). */
  searchOrders(params: SearchOrdersParams): Promise<SearchOrdersResponse> {
    return this.transport.data("searchOrders", (options) => this.api.searchOrders(params, options))
  }

  /**
   * Every page, following `pagination.nextToken` (passed back as `paginationToken` with the same filters,
   * as Amazon's examples do). Each page waits for quota like any call:
   * `for await (const page of client.orders.searchOrdersPages(params)) { … }`.
   */
  async *searchOrdersPages(params: SearchOrdersParams): AsyncGenerator<SearchOrdersResponse, void, undefined> {
    let paginationToken = params.paginationToken
    do {
      const page = await this.searchOrders({ ...params, paginationToken })
      yield page
      paginationToken = page.pagination?.nextToken
    } while (paginationToken)
  }

  /** One order with its items (rate 0.5/s, burst 30). */
  getOrder(orderId: AmazonOrderId, includedData?: GetOrderIncludedDataEnum[]): Promise<GetOrderResponse> {
    return this.transport.data("getOrder", (options) => this.api.getOrder({ orderId, includedData }, options))
  }
}
