import {
  type Item,
  type ItemSearchResults,
  type ListingsItemPatchRequest,
  type ListingsItemPutRequest,
  ListingsItemsApi,
  type ListingsItemsApiDeleteListingsItemRequest,
  type ListingsItemsApiGetListingsItemRequest,
  type ListingsItemsApiPatchListingsItemRequest,
  type ListingsItemsApiPutListingsItemRequest,
  type ListingsItemsApiSearchListingsItemsRequest,
  type ListingsItemSubmissionResponse,
} from "@sp-api-sdk/listings-items-api-2021-08-01"
import { SpApiError } from "../errors"
import type { SpApiTransport } from "../transport"
import type { MarketplaceId, SellerId, Sku } from "../types"

/** Replaces the bizon request's loose ids with branded ones; `sellerId` defaults to the client's seller. */
type ListingsParams<T> = Omit<T, "sellerId" | "sku" | "marketplaceIds"> & {
  sellerId?: SellerId
  sku: Sku
  /** One marketplace (the model's maxItems is 1 for put/patch). */
  marketplaceIds: MarketplaceId[]
}

export type GetListingsItemParams = ListingsParams<ListingsItemsApiGetListingsItemRequest>
export type PutListingsItemParams = ListingsParams<ListingsItemsApiPutListingsItemRequest> & { body: ListingsItemPutRequest }
export type PatchListingsItemParams = ListingsParams<ListingsItemsApiPatchListingsItemRequest> & {
  body: ListingsItemPatchRequest
}
export type DeleteListingsItemParams = ListingsParams<ListingsItemsApiDeleteListingsItemRequest>
export type SearchListingsItemsParams = Omit<ListingsItemsApiSearchListingsItemsRequest, "sellerId" | "marketplaceIds"> & {
  sellerId?: SellerId
  marketplaceIds: MarketplaceId[]
}

/**
 * Listings Items API 2021-08-01 (listingsItems_2021-08-01.json): the per-SKU fast path next to
 * JSON_LISTINGS_FEED. PUT/PATCH/DELETE of a listing converge to the same state when repeated, so they are
 * retried like reads.
 */
export class ListingsItemsOperations {
  private readonly api: ListingsItemsApi

  constructor(
    private readonly transport: SpApiTransport,
    private readonly defaultSellerId: string | undefined
  ) {
    this.api = new ListingsItemsApi(undefined, transport.basePath, transport.http)
  }

  /** One listing (rate 5/s, burst 10). */
  async getListingsItem(params: GetListingsItemParams): Promise<Item> {
    const request = { ...params, sellerId: this.sellerId(params.sellerId, "getListingsItem") }
    return this.transport.data("getListingsItem", (options) => this.api.getListingsItem(request, options))
  }

  /** Creates or fully replaces a listing (rate 5/s, burst 10); `mode: "VALIDATION_PREVIEW"` only validates. */
  async putListingsItem(params: PutListingsItemParams): Promise<ListingsItemSubmissionResponse> {
    const request = { ...params, sellerId: this.sellerId(params.sellerId, "putListingsItem") }
    return this.transport.data("putListingsItem", (options) => this.api.putListingsItem(request, options))
  }

  /** JSON-Patch of top-level attributes (rate 5/s, burst 5) — price and quantity updates. */
  async patchListingsItem(params: PatchListingsItemParams): Promise<ListingsItemSubmissionResponse> {
    const request = { ...params, sellerId: this.sellerId(params.sellerId, "patchListingsItem") }
    return this.transport.data("patchListingsItem", (options) => this.api.patchListingsItem(request, options))
  }

  /** Deletes a listing (rate 5/s, burst 5). */
  async deleteListingsItem(params: DeleteListingsItemParams): Promise<ListingsItemSubmissionResponse> {
    const request = { ...params, sellerId: this.sellerId(params.sellerId, "deleteListingsItem") }
    return this.transport.data("deleteListingsItem", (options) => this.api.deleteListingsItem(request, options))
  }

  /** One page of the seller's listings, ≤ 20 (rate 5/s, burst 5). */
  async searchListingsItems(params: SearchListingsItemsParams): Promise<ItemSearchResults> {
    const request = { ...params, sellerId: this.sellerId(params.sellerId, "searchListingsItems") }
    return this.transport.data("searchListingsItems", (options) => this.api.searchListingsItems(request, options))
  }

  /** Every page of `searchListingsItems`, following `pagination.nextToken`. */
  async *searchListingsItemsPages(params: SearchListingsItemsParams): AsyncGenerator<ItemSearchResults, void, undefined> {
    let pageToken = params.pageToken
    do {
      const page = await this.searchListingsItems({ ...params, pageToken })
      yield page
      pageToken = page.pagination?.nextToken
    } while (pageToken)
  }

  private sellerId(given: SellerId | undefined, operation: string): string {
    const sellerId = given ?? this.defaultSellerId
    if (!sellerId) {
      throw new SpApiError({
        operation,
        code: "InvalidRequest",
        amazonMessage: "sellerId is required: pass it or configure sellingPartnerId",
      })
    }
    return sellerId
  }
}
