import {
  type ProductTypeDefinition,
  ProductTypeDefinitionsApi,
  type ProductTypeDefinitionsApiGetDefinitionsProductTypeRequest,
  type ProductTypeDefinitionsApiSearchDefinitionsProductTypesRequest,
  type ProductTypeList,
} from "@sp-api-sdk/product-type-definitions-api-2020-09-01"
import { decodeDocument, downloadDocument, type DocumentTransferContext } from "../documents"
import { SpApiError } from "../errors"
import type { SpApiTransport } from "../transport"
import type { MarketplaceId, SellerId } from "../types"

export type SearchDefinitionsProductTypesParams = Omit<
  ProductTypeDefinitionsApiSearchDefinitionsProductTypesRequest,
  "marketplaceIds"
> & { marketplaceIds: MarketplaceId[] }

export type GetDefinitionsProductTypeParams = Omit<
  ProductTypeDefinitionsApiGetDefinitionsProductTypeRequest,
  "marketplaceIds" | "sellerId"
> & { marketplaceIds: MarketplaceId[]; sellerId?: SellerId }

/**
 * Product Type Definitions API 2020-09-01 (definitionsProductTypes_2020-09-01.json): product types for the
 * category mapping and the JSON Schema of each (its `schema.link` is a plain download, `checksum` a cache key).
 */
export class ProductTypeDefinitionsOperations {
  private readonly api: ProductTypeDefinitionsApi

  constructor(
    private readonly transport: SpApiTransport,
    private readonly documents: DocumentTransferContext
  ) {
    this.api = new ProductTypeDefinitionsApi(undefined, transport.basePath, transport.http)
  }

  /**
   * A definition's JSON Schema, from its `schema.link.resource` (a presigned S3 download: no token, no
   * quota). Same rules as feed and report documents: Amazon's hosts only, https, bounded size, retried.
   */
  async downloadSchema(link: string): Promise<unknown> {
    const document = await downloadDocument({ url: link }, this.documents, "downloadProductTypeSchema")
    try {
      return JSON.parse(decodeDocument(document))
    } catch {
      throw new SpApiError({
        operation: "downloadProductTypeSchema",
        code: "MalformedResponse",
        amazonMessage: "The product type schema is not JSON",
        retryable: false,
        attempts: 1,
      })
    }
  }

  /** Product types by keywords or by an item name (rate 5/s, burst 10). */
  searchDefinitionsProductTypes(params: SearchDefinitionsProductTypesParams): Promise<ProductTypeList> {
    return this.transport.data("searchDefinitionsProductTypes", (options) =>
      this.api.searchDefinitionsProductTypes(params, options)
    )
  }

  /** One product type's definition and schema link (rate 5/s, burst 10). */
  getDefinitionsProductType(params: GetDefinitionsProductTypeParams): Promise<ProductTypeDefinition> {
    return this.transport.data("getDefinitionsProductType", (options) =>
      this.api.getDefinitionsProductType(params, options)
    )
  }
}
