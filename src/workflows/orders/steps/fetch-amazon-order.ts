import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amazonOrderId, SpApiError } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { buyerDataBinding } from "../../../modules/amazon/lib/secret-bindings"
import { buyerDataOf, malformedOrderMessage, ORDER_INCLUDED_DATA, readAmazonOrder } from "../../../utils/orders/map-amazon-order"
import { followUpOf } from "../../../utils/orders/follow-amazon-order"
import { amazonReason, isAuthorizationLost, toMedusaError } from "../../../utils/sp-api-errors"
import type { QuarantinedOrder } from "./quarantine-amazon-orders"
import type { SealedAmazonOrder } from "./upsert-amazon-orders"

export type FetchedAmazonOrder =
  /** Amazon sent it readable: the row is written from it */
  | { outcome: "fetched"; store_id: string; order: SealedAmazonOrder }
  /** still malformed: the row stays quarantined, with what is wrong now */
  | { outcome: "malformed"; store_id: string; quarantine: QuarantinedOrder; message: string }
  /** Amazon could not be asked (outage, not found …): nothing changes */
  | { outcome: "unavailable"; store_id: string; message: string }
  /** Amazon refused the store's authorization: the caller pauses the store */
  | { outcome: "authorization_lost"; store_id: string; reason: string }

/**
 * Asks Amazon for one ledger row's order again (getOrder, 0.5 rps burst 30 — orders model), as the import
 * of an order quarantined as malformed does before anything else. Reads only; buyer data is sealed here,
 * before it becomes step output. Amazon's failures are returned, not thrown, so the caller can tell a lost
 * authorization from an outage.
 */
export const fetchAmazonOrderStep = createStep("amazon-fetch-order", async (input: { row_id: string }, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const row = await amazon.retrieveAmazonOrder(input.row_id, { select: ["id", "store_id", "amazon_order_id", "marketplace_id", "amazon_status"] })
  const base = { store_id: row.store_id }
  let raw: unknown
  try {
    const client = await amazon.getStoreSpApiClient(row.store_id)
    raw = (await client.orders.getOrder(amazonOrderId(row.amazon_order_id), [...ORDER_INCLUDED_DATA])).order
  } catch (error) {
    if (isAuthorizationLost(error)) return new StepResponse<FetchedAmazonOrder>({ ...base, outcome: "authorization_lost", reason: amazonReason(error) })
    if (!(error instanceof SpApiError)) throw error
    const mapped = toMedusaError(error, `fetch order ${row.amazon_order_id} again`)
    return new StepResponse<FetchedAmazonOrder>({ ...base, outcome: "unavailable", message: mapped instanceof Error ? mapped.message : amazonReason(error) })
  }
  const reading = readAmazonOrder(raw)
  if (!reading.ok || reading.record.amazon_order_id !== row.amazon_order_id) {
    const problems = reading.ok ? [`orderId is "${reading.record.amazon_order_id}", not the order asked for`] : reading.problems
    const message = malformedOrderMessage({ amazon_order_id: row.amazon_order_id, problems })
    return new StepResponse<FetchedAmazonOrder>({
      ...base,
      outcome: "malformed",
      message,
      quarantine: {
        amazon_order_id: row.amazon_order_id,
        marketplace_id: row.marketplace_id,
        amazon_status: (reading.ok ? null : reading.amazon_status) ?? (row.amazon_status as QuarantinedOrder["amazon_status"]),
        purchased_at: reading.ok ? null : reading.purchased_at,
        message,
      },
    })
  }
  const buyer = buyerDataOf(reading.order)
  return new StepResponse<FetchedAmazonOrder>({
    ...base,
    outcome: "fetched",
    order: { ...reading.record, ...followUpOf(reading.order), buyer_data_ciphertext: buyer ? amazon.sealSecret(JSON.stringify(buyer), buyerDataBinding(row.store_id, row.amazon_order_id)) : null },
  })
})
