import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/** A package left "sending" this long was abandoned by a process that stopped mid-call. */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000

export type ClaimedShipment = {
  id: string
  store_id: string
  amazon_order_id: string
  marketplace_id: string
  package_reference_id: string
  carrier_code: string
  carrier_name: string | null
  shipping_method: string | null
  tracking_number: string
  ship_date: string
  items: Array<{ order_item_id: string; quantity: number }>
  attempts: number
  /** the last attempt may have reached Amazon (timeout, 5xx): look before sending again */
  verify_first: boolean
}

/**
 * Takes a queued package for sending: marks it "sending" and counts the attempt, so a parallel run
 * leaves it alone. `verify_first` (the admin's retry) looks at Amazon's packages before sending, as an
 * attempt that may have reached Amazon does. Null when there is nothing to send (already confirmed, or being sent).
 * Compensation: the previous status, flagged so the next attempt looks at Amazon first — the workflow
 * only fails after this step when confirmShipment may already have been sent.
 */
export const claimShipmentStep = createStep(
  "amazon-claim-shipment",
  async (input: { id: string; verify_first?: boolean }, { container }) => {
    const id = input.id
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const shipment = await amazon.retrieveAmazonShipment(id)
    // "sending" for long: the process sending it died mid-call — Amazon may have it, so look first
    const abandoned = shipment.status === "sending" && Date.now() - new Date(shipment.updated_at).getTime() > ABANDONED_AFTER_MS
    if (shipment.status === "confirmed" || (shipment.status === "sending" && !abandoned)) {
      return new StepResponse<ClaimedShipment | null, null>(null, null)
    }
    const [order] = await amazon.listAmazonOrders(
      { store_id: shipment.store_id, amazon_order_id: shipment.amazon_order_id },
      { select: ["marketplace_id"] }
    )
    const attempts = shipment.attempts + 1
    await amazon.updateAmazonShipments({ id, status: "sending", attempts })
    const error = shipment.error as { uncertain?: boolean } | null
    return new StepResponse<ClaimedShipment | null, { id: string; status: typeof shipment.status; attempts: number }>(
      {
        id,
        store_id: shipment.store_id,
        amazon_order_id: shipment.amazon_order_id,
        marketplace_id: order?.marketplace_id ?? "",
        package_reference_id: shipment.package_reference_id,
        carrier_code: shipment.carrier_code,
        carrier_name: shipment.carrier_name ?? null,
        shipping_method: shipment.shipping_method ?? null,
        tracking_number: shipment.tracking_number,
        ship_date: new Date(shipment.ship_date).toISOString(),
        items: (shipment.items ?? []) as unknown as ClaimedShipment["items"],
        attempts,
        verify_first: abandoned || !!error?.uncertain || !!input.verify_first,
      },
      { id, status: shipment.status, attempts: shipment.attempts }
    )
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonShipments({
      ...before,
      error: { code: "interrupted", message: "The confirmation was interrupted; Amazon is checked before sending again.", uncertain: true },
    })
  }
)
