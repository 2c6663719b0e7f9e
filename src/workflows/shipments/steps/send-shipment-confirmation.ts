import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amazonOrderId, marketplaceId, SpApiError, SpApiNetworkError } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import { nextPackageReferenceId } from "../../../utils/orders/package-reference-id"
import { sameTrackingNumber } from "../../../utils/orders/same-tracking-number"
import { amazonReason, isAuthorizationLost } from "../../../utils/sp-api-errors"
import type { ClaimedShipment } from "./claim-shipment"

export type ShipmentOutcome =
  /** package_reference_id: the number it went out with, when it had to change (Amazon had ours for another package) */
  | { id: string; attempts: number; confirmed: true; already_there: boolean; package_reference_id?: string }
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
      let packageReferenceId = claim.package_reference_id
      if (claim.verify_first) {
        const { order } = await client.orders.getOrder(amazonOrderId(claim.amazon_order_id), ["PACKAGES"])
        const packages = order.packages ?? []
        // Amazon's packages are matched on the tracking number: that is what the buyer follows, and a package
        // the merchant entered in Seller Central meanwhile carries a reference id of Amazon's choosing
        if (packages.some((p) => sameTrackingNumber(p.trackingNumber, claim.tracking_number))) {
          return new StepResponse<ShipmentOutcome>({ ...base, confirmed: true, already_there: true })
        }
        // our number belongs to another package there (one from Seller Central): Amazon would refuse it
        if (packages.some((p) => p.packageReferenceId === packageReferenceId)) {
          const ours = await amazon.listAmazonShipments(
            { store_id: claim.store_id, amazon_order_id: claim.amazon_order_id },
            { select: ["package_reference_id"], withDeleted: true } as never
          )
          packageReferenceId = nextPackageReferenceId([...packages.map((p) => p.packageReferenceId), ...ours.map((s) => s.package_reference_id)])
        }
      }
      const renumbered = packageReferenceId !== claim.package_reference_id ? { package_reference_id: packageReferenceId } : {}
      await client.ordersV0.confirmShipment(amazonOrderId(claim.amazon_order_id), {
        marketplaceId: marketplaceId(claim.marketplace_id),
        packageDetail: {
          packageReferenceId: packageReferenceId,
          carrierCode: claim.carrier_code,
          ...(claim.carrier_name ? { carrierName: claim.carrier_name } : {}),
          ...(claim.shipping_method ? { shippingMethod: claim.shipping_method } : {}),
          trackingNumber: claim.tracking_number,
          shipDate: claim.ship_date,
          orderItems: claim.items.map((item) => ({ orderItemId: item.order_item_id, quantity: item.quantity })),
        },
      })
      return new StepResponse<ShipmentOutcome>({ ...base, confirmed: true, already_there: false, ...renumbered })
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
