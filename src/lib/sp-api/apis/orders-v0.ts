import { type ConfirmShipmentRequest, OrdersApi } from "@sp-api-sdk/orders-api-v0"
import type { SpApiTransport } from "../transport"
import type { AmazonOrderId, MarketplaceId } from "../types"

export type ConfirmShipmentPayload = Omit<ConfirmShipmentRequest, "marketplaceId"> & { marketplaceId: MarketplaceId }

/** Orders API v0 (ordersV0.json): only `confirmShipment`, which 2026-01-01 does not replace and is not deprecated. */
export class OrdersV0Operations {
  private readonly api: OrdersApi

  constructor(private readonly transport: SpApiTransport) {
    this.api = new OrdersApi(undefined, transport.basePath, transport.http)
  }

  /**
   * Confirms one package of a seller-fulfilled order (rate 2/s, burst 10; 204 on success). Irreversible and
   * not idempotent: never retried after a timeout or a 5xx that may have been applied (see retry.ts).
   */
  async confirmShipment(orderId: AmazonOrderId, payload: ConfirmShipmentPayload): Promise<void> {
    await this.transport.call("confirmShipment", (options) =>
      this.api.confirmShipment({ orderId, payload }, options)
    )
  }
}
