import {
  type CreateFeedDocumentResponse,
  type CreateFeedDocumentSpecification,
  type CreateFeedResponse,
  type CreateFeedSpecification,
  type Feed,
  type FeedDocument,
  FeedsApi,
  type FeedsApiGetFeedsRequest,
  type GetFeedsResponse,
} from "@sp-api-sdk/feeds-api-2021-06-30"
import {
  type DocumentLocation,
  type DocumentTransferContext,
  decodeDocument,
  downloadDocument,
  uploadDocument,
} from "../documents"
import type { SpApiTransport } from "../transport"
import type { FeedDocumentId, FeedId, MarketplaceId } from "../types"

export type CreateFeedParams = Omit<CreateFeedSpecification, "marketplaceIds" | "inputFeedDocumentId"> & {
  /** 1–25 */
  marketplaceIds: MarketplaceId[]
  inputFeedDocumentId: FeedDocumentId
}

export type GetFeedsParams = Omit<FeedsApiGetFeedsRequest, "marketplaceIds"> & { marketplaceIds?: MarketplaceId[] }

/**
 * Feeds API 2021-06-30 (feeds_2021-06-30.json; lifecycle in notes §5.1): createFeedDocument → upload →
 * createFeed → getFeed until DONE/FATAL/CANCELLED → getFeedDocument(resultFeedDocumentId) → download.
 */
export class FeedsOperations {
  private readonly api: FeedsApi

  constructor(
    private readonly transport: SpApiTransport,
    private readonly documents: DocumentTransferContext
  ) {
    this.api = new FeedsApi(undefined, transport.basePath, transport.http)
  }

  /** Reserves an upload URL (valid ~5 min) for a feed document (rate 0.5/s, burst 15). */
  createFeedDocument(specification: CreateFeedDocumentSpecification): Promise<CreateFeedDocumentResponse> {
    return this.transport.data("createFeedDocument", (options) =>
      this.api.createFeedDocument({ body: specification }, options)
    )
  }

  /** PUTs the document to the URL of `createFeedDocument`, with the same content type. */
  uploadFeedDocument(target: { url: string }, content: string | Uint8Array, contentType: string): Promise<void> {
    return uploadDocument(target.url, content, contentType, this.documents)
  }

  /**
   * Submits the uploaded document for processing (rate 0.0083/s ≈ one per 120 s, burst 15; JSON_LISTINGS_FEED
   * also ≤ 5 per 5 min per region). Irreversible and not idempotent: never retried after a timeout.
   */
  createFeed(params: CreateFeedParams): Promise<CreateFeedResponse> {
    return this.transport.data("createFeed", (options) => this.api.createFeed({ body: params }, options))
  }

  /** Status of one feed (rate 2/s, burst 15). */
  getFeed(feedId: FeedId): Promise<Feed> {
    return this.transport.data("getFeed", (options) => this.api.getFeed({ feedId }, options))
  }

  /** Feeds matching the filters, newest first (rate 0.0222/s, burst 10). */
  getFeeds(params: GetFeedsParams = {}): Promise<GetFeedsResponse> {
    return this.transport.data("getFeeds", (options) => this.api.getFeeds(params, options))
  }

  /** Cancels a feed still IN_QUEUE (rate 2/s, burst 15). */
  async cancelFeed(feedId: FeedId): Promise<void> {
    await this.transport.call("cancelFeed", (options) => this.api.cancelFeed({ feedId }, options))
  }

  /** Where to download a (result) document (rate 0.0222/s, burst 10). */
  getFeedDocument(feedDocumentId: FeedDocumentId): Promise<FeedDocument> {
    return this.transport.data("getFeedDocument", (options) => this.api.getFeedDocument({ feedDocumentId }, options))
  }

  /** The document's bytes, gunzipped when `compressionAlgorithm` is GZIP. Takes an id or a FeedDocument. */
  async downloadFeedDocument(document: FeedDocumentId | DocumentLocation): Promise<Buffer> {
    return (await downloadDocument(await this.locate(document), this.documents, "downloadFeedDocument")).body
  }

  /** The document as text (e.g. the JSON processing report of a JSON_LISTINGS_FEED). */
  async downloadFeedDocumentText(document: FeedDocumentId | DocumentLocation): Promise<string> {
    return decodeDocument(await downloadDocument(await this.locate(document), this.documents, "downloadFeedDocument"))
  }

  private async locate(document: FeedDocumentId | DocumentLocation): Promise<DocumentLocation> {
    return typeof document === "string" ? this.getFeedDocument(document) : document
  }
}
