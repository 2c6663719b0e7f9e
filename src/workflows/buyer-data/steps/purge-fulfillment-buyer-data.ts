import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purgedAddress } from "../../../utils/orders/buyer-data-purge"
import type { BuyerDataDue } from "./find-buyer-data-due"

type FulfillmentWithAddress = { id: string; delivery_address?: { id: string; country_code: string | null } | null }

/**
 * Removes the Amazon buyer from the fulfillments of the Medusa orders: Medusa copies the shipping address
 * into each fulfillment's `delivery_address` when it is created — the order's own packages, those of its
 * claims and exchanges (linked to the order), and its returns' (linked to the return). Name, street, city,
 * postcode, phone and company go; the country stays, as on the order.
 * Irreversible, and meant to be: no compensation.
 */
export const purgeFulfillmentBuyerDataStep = createStep(
  "amazon-purge-fulfillment-buyer-data",
  async (due: BuyerDataDue[], { container }) => {
    const orderIds = due.map((d) => d.order_id).filter((id): id is string => !!id)
    if (!orderIds.length) return new StepResponse(0)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const address = ["id", "delivery_address.id", "delivery_address.country_code"]
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", ...address.map((f) => `fulfillments.${f}`)],
      filters: { id: orderIds },
    })
    const { data: returns } = await query.graph({
      entity: "return",
      fields: ["id", ...address.map((f) => `fulfillments.${f}`)],
      filters: { order_id: orderIds },
    })
    const fulfillments = [...(orders as Array<{ fulfillments?: FulfillmentWithAddress[] | null }>), ...(returns as Array<{ fulfillments?: FulfillmentWithAddress[] | null }>)]
      .flatMap((o) => o.fulfillments ?? [])
      .filter((f): f is FulfillmentWithAddress & { delivery_address: { id: string; country_code: string | null } } => !!f?.delivery_address)
    const addressIds = [...new Set(fulfillments.map((f) => f.delivery_address.id))]
    if (!addressIds.length) return new StepResponse(0)
    // The fulfillment module offers no way to change a fulfillment's address (updateFulfillment ignores
    // delivery_address, and its address service is internal), so its own table is written directly: the
    // same fields the order's addresses lose, country kept.
    const { country_code: _kept, ...blank } = purgedAddress({ country_code: null })
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex("fulfillment_address").whereIn("id", addressIds).update({ ...blank, updated_at: knex.fn.now() })
    return new StepResponse(addressIds.length)
  }
)
