import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { toShipmentConfirmation } from "../../../utils/orders/to-shipment-confirmation"
import { readFulfillment } from "../lib/read-fulfillment"

export type RefreshedShipment = { id: string; store_id: string; sendable: boolean }

const NOT_CONFIRMABLE = "not_confirmable"

/**
 * Before a retry, the package is read again from its Medusa fulfillment: the merchant may have added the
 * missing tracking number to its label, or changed the carrier. What still stands in the way (no tracking
 * number, a canceled fulfillment) is stored as the package's error and nothing is sent. The package keeps
 * its number. A package already confirmed, or being sent right now, is left alone.
 * Compensation: the package as it was.
 */
export const refreshShipmentFromFulfillmentStep = createStep(
  "amazon-refresh-shipment-from-fulfillment",
  async (id: string, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const row = await amazon.retrieveAmazonShipment(id)
    const base = { id, store_id: row.store_id }
    if (row.status === "confirmed" || row.status === "sending") {
      return new StepResponse<RefreshedShipment, null>({ ...base, sendable: false }, null)
    }
    const before = {
      id,
      status: row.status,
      error: row.error,
      next_attempt_at: row.next_attempt_at,
      tracking_number: row.tracking_number,
      carrier_code: row.carrier_code,
      carrier_name: row.carrier_name,
      shipping_method: row.shipping_method,
      ship_date: row.ship_date,
      items: row.items,
    }
    const read = await readFulfillment(container, row.fulfillment_id)
    if (!read || read.canceled) {
      await amazon.updateAmazonShipments({
        id,
        status: "failed",
        next_attempt_at: null,
        error: {
          code: NOT_CONFIRMABLE,
          message: "The fulfillment was canceled in Medusa, so there is no package to confirm. Create a new fulfillment and mark it shipped to send one.",
        },
      })
      return new StepResponse<RefreshedShipment, typeof before>({ ...base, sendable: false }, before)
    }
    const fresh = toShipmentConfirmation({
      fulfillment: read.fulfillment,
      amazon_item_ids: read.amazon_item_ids,
      taken_package_reference_ids: [],
    })
    const lastError = row.error as { code?: string } | null
    await amazon.updateAmazonShipments({
      id,
      tracking_number: fresh.tracking_number,
      carrier_code: fresh.carrier_code,
      carrier_name: fresh.carrier_name,
      shipping_method: fresh.shipping_method,
      ship_date: fresh.ship_date,
      items: fresh.items as unknown as Record<string, unknown>,
      ...(fresh.problem
        ? { status: "failed" as const, next_attempt_at: null, error: { code: NOT_CONFIRMABLE, message: fresh.problem } }
        : // what was missing is there now; Amazon's own errors stay (they tell the next attempt to look first)
          lastError?.code === NOT_CONFIRMABLE
          ? { error: null }
          : {}),
    })
    return new StepResponse<RefreshedShipment, typeof before>({ ...base, sendable: !fresh.problem }, before)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonShipments(before as never)
  }
)
