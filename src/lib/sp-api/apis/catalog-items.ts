import {
  CatalogItemsApi,
  type CatalogItemsApiGetCatalogItemRequest,
  type CatalogItemsApiSearchCatalogItemsRequest,
  type Item,
  type ItemSearchResults,
  type SearchCatalogItemsIdentifiersTypeEnum,
  type SearchCatalogItemsIncludedDataEnum,
} from "@sp-api-sdk/catalog-items-api-2022-04-01"
import type { SpApiTransport } from "../transport"
import type { Asin, MarketplaceId, SellerId } from "../types"

/** Amazon accepts at most 20 identifiers (and 20 results a page) per searchCatalogItems call. */
export const CATALOG_IDENTIFIERS_PER_CALL = 20

export type SearchCatalogItemsParams = Omit<CatalogItemsApiSearchCatalogItemsRequest, "marketplaceIds" | "sellerId"> & {
  /** Exactly one marketplace (the model's maxItems is 1). */
  marketplaceIds: [MarketplaceId]
  /** Required when `identifiersType` is SKU. */
  sellerId?: SellerId
}

export type GetCatalogItemParams = Omit<CatalogItemsApiGetCatalogItemRequest, "asin" | "marketplaceIds"> & {
  asin: Asin
  marketplaceIds: MarketplaceId[]
}

export interface SearchCatalogItemsByIdentifiersParams {
  /** Any number; sent 20 a call. */
  identifiers: string[]
  identifiersType: SearchCatalogItemsIdentifiersTypeEnum
  marketplaceId: MarketplaceId
  includedData?: SearchCatalogItemsIncludedDataEnum[]
  locale?: string
  /** Required when `identifiersType` is SKU. */
  sellerId?: SellerId
}

/** Catalog Items API 2022-04-01 (catalogItems_2022-04-01.json): ASIN lookup by barcode, item dimensions. */
export class CatalogItemsOperations {
  private readonly api: CatalogItemsApi

  constructor(private readonly transport: SpApiTransport) {
    this.api = new CatalogItemsApi(undefined, transport.basePath, transport.http)
  }

  /** One page of a search by identifiers (≤ 20) or keywords (rate 2/s, burst 2). */
  searchCatalogItems(params: SearchCatalogItemsParams): Promise<ItemSearchResults> {
    return this.transport.data("searchCatalogItems", (options) => this.api.searchCatalogItems(params, options))
  }

  /**
   * Looks up any number of identifiers (e.g. every EAN of a catalog): 20 per call, every page of each call,
   * merged into one result with each ASIN once. Calls are queued by the rate limiter (2/s), so 1,000
   * barcodes take about 25 s at Amazon's default quota.
   */
  async searchCatalogItemsByIdentifiers(params: SearchCatalogItemsByIdentifiersParams): Promise<ItemSearchResults> {
    const unique = [...new Set(params.identifiers)]
    const chunks: string[][] = []
    for (let i = 0; i < unique.length; i += CATALOG_IDENTIFIERS_PER_CALL) {
      chunks.push(unique.slice(i, i + CATALOG_IDENTIFIERS_PER_CALL))
    }
    const pages = await Promise.all(chunks.map((identifiers) => this.searchAllPages(identifiers, params)))
    const seen = new Set<string>()
    const items: Item[] = []
    for (const item of pages.flat()) {
      if (!seen.has(item.asin)) {
        seen.add(item.asin)
        items.push(item)
      }
    }
    return { numberOfResults: items.length, items }
  }

  /** One item (rate 2/s, burst 2); `includedData: ["dimensions"]` gives item and package weight/size. */
  getCatalogItem(params: GetCatalogItemParams): Promise<Item> {
    return this.transport.data("getCatalogItem", (options) => this.api.getCatalogItem(params, options))
  }

  private async searchAllPages(identifiers: string[], params: SearchCatalogItemsByIdentifiersParams): Promise<Item[]> {
    const items: Item[] = []
    let pageToken: string | undefined
    do {
      const page = await this.searchCatalogItems({
        identifiers,
        identifiersType: params.identifiersType,
        marketplaceIds: [params.marketplaceId],
        includedData: params.includedData,
        locale: params.locale,
        sellerId: params.sellerId,
        pageSize: CATALOG_IDENTIFIERS_PER_CALL,
        pageToken,
      })
      items.push(...page.items)
      pageToken = page.pagination?.nextToken
    } while (pageToken)
    return items
  }
}
