import {
  type CreateFulfillmentOrderRequest,
  FulfillmentOutboundApi,
  type FulfillmentPreview,
  type GetFulfillmentOrderResult,
  type GetFulfillmentPreviewRequest,
  type PackageTrackingDetails,
} from "@sp-api-sdk/fulfillment-outbound-api-2020-07-01"
import type { SpApiTransport } from "../transport"

export type { CreateFulfillmentOrderRequest, FulfillmentPreview, GetFulfillmentOrderResult, GetFulfillmentPreviewRequest, PackageTrackingDetails }

/**
 * Fulfillment Outbound 2020-07-01 (models/fulfillment-outbound-api-model/fulfillmentOutbound_2020-07-01.json),
 * Multi-Channel Fulfillment: every operation 2 rps, burst 30. `createFulfillmentOrder` is not retried by the
 * transport (a create that reached Amazon and lost its answer would come back as "already exists"); the caller
 * reads `getFulfillmentOrder` first instead. `sellerFulfillmentOrderId` is unique per seller at Amazon.
 */
export class FulfillmentOutboundOperations {
  private readonly api: FulfillmentOutboundApi

  constructor(private readonly transport: SpApiTransport) {
    this.api = new FulfillmentOutboundApi(undefined, transport.basePath, transport.http)
  }

  async getFulfillmentPreview(body: GetFulfillmentPreviewRequest): Promise<FulfillmentPreview[]> {
    const response = await this.transport.data("getFulfillmentPreview", (options) => this.api.getFulfillmentPreview({ body }, options))
    return response.payload?.fulfillmentPreviews ?? []
  }

  async createFulfillmentOrder(body: CreateFulfillmentOrderRequest): Promise<void> {
    await this.transport.data("createFulfillmentOrder", (options) => this.api.createFulfillmentOrder({ body }, options))
  }

  /** The order, or `null` when Amazon does not know the id (400 InvalidInput / 404). */
  async getFulfillmentOrder(sellerFulfillmentOrderId: string): Promise<GetFulfillmentOrderResult | null> {
    try {
      const response = await this.transport.data("getFulfillmentOrder", (options) =>
        this.api.getFulfillmentOrder({ sellerFulfillmentOrderId }, options)
      )
      return response.payload ?? null
    } catch (e) {
      const status = (e as { status?: number }).status
      if (status === 404 || status === 400) return null
      throw e
    }
  }

  async cancelFulfillmentOrder(sellerFulfillmentOrderId: string): Promise<void> {
    await this.transport.data("cancelFulfillmentOrder", (options) => this.api.cancelFulfillmentOrder({ sellerFulfillmentOrderId }, options))
  }

  async getPackageTrackingDetails(packageNumber: number): Promise<PackageTrackingDetails | null> {
    const response = await this.transport.data("getPackageTrackingDetails", (options) =>
      this.api.getPackageTrackingDetails({ packageNumber }, options)
    )
    return response.payload ?? null
  }
}
