import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amazonOrderId, marketplaceId, SpApiError, SpApiNetworkError } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import { amazonReason, isAuthorizationLost } from "../../../utils/sp-api-errors"
import type { ClaimedShipment } from "./claim-shipment"

export type ShipmentOutcome =
  | { id: string; attempts: number; confirmed: true; already_there: boolean }
  | { id: string; attempts: number; confirmed: false; error: { code: string; message: string; status?: number; uncertain: boolean } }

/**
 * Tells Amazon about one package with confirmShipment (Orders v0: 2 rps, burst 10). Irreversible and not
 * idempotent, so it is the last effect of its workflow, and after an answer that may hide a success
 * (timeout, 5xx) the next attempt first looks at the order's packages (getOrder) instead of confirming
 * twice. Amazon's refusal is data, not an exception: the outcome carries Amazon's code and message.
 */
export const sendShipmentConfirmationStep = createStep(
  "amazon-send-shipment-confirmation",
  async (claim: ClaimedShipment, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const base = { id: claim.id, attempts: claim.attempts }
    try {
      const client = await amazon.getStoreSpApiClient(claim.store_id)
      if (claim.verify_first) {
        const { order } = await client.orders.getOrder(amazonOrderId(claim.amazon_order_id), ["PACKAGES"])
        if ((order.packages ?? []).some((p) => p.packageReferenceId === claim.package_reference_id)) {
          return new StepResponse<ShipmentOutcome>({ ...base, confirmed: true, already_there: true })
        }
      }
      await client.ordersV0.confirmShipment(amazonOrderId(claim.amazon_order_id), {
        marketplaceId: marketplaceId(claim.marketplace_id),
        packageDetail: {
          packageReferenceId: claim.package_reference_id,
          carrierCode: claim.carrier_code,
          ...(claim.carrier_name ? { carrierName: claim.carrier_name } : {}),
          ...(claim.shipping_method ? { shippingMethod: claim.shipping_method } : {}),
          trackingNumber: claim.tracking_number,
          shipDate: claim.ship_date,
          orderItems: claim.items.map((item) => ({ orderItemId: item.order_item_id, quantity: item.quantity })),
        },
      })
      return new StepResponse<ShipmentOutcome>({ ...base, confirmed: true, already_there: false })
    } catch (error) {
      if (isAuthorizationLost(error)) {
        const message = await markAuthorizationLost(amazon, claim.store_id, amazonReason(error))
        return new StepResponse<ShipmentOutcome>({ ...base, confirmed: false, error: { code: "authorization_lost", message, uncertain: false } })
      }
      if (error instanceof SpApiError) {
        return new StepResponse<ShipmentOutcome>({
          ...base,
          confirmed: false,
          error: {
            code: error.code ?? (error instanceof SpApiNetworkError ? "network_error" : "amazon_error"),
            message: amazonReason(error),
            ...(error.status !== undefined ? { status: error.status } : {}),
            uncertain: error instanceof SpApiNetworkError ? error.mayHaveBeenReceived : (error.status ?? 0) >= 500,
          },
        })
      }
      throw error
    }
  }
)
