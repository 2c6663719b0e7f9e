import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purgedAddress } from "../../../utils/orders/buyer-data-purge"
import type { BuyerDataDue } from "./find-buyer-data-due"

type OrderWithBuyer = {
  id: string
  email: string | null
  customer?: { id: string; has_account: boolean } | null
  shipping_address?: { id: string; country_code: string | null } | null
  billing_address?: { id: string; country_code: string | null } | null
}

/**
 * Removes the Amazon buyer from the Medusa orders: name, street, city, postcode, phone and company of the
 * shipping and billing address (the country stays), the order's e-mail, and the e-mail of the guest
 * customer the import made. Items, amounts, SKUs and the order itself stay.
 * Irreversible, and meant to be: no compensation.
 */
export const purgeMedusaOrderBuyerDataStep = createStep(
  "amazon-purge-medusa-order-buyer-data",
  async (due: BuyerDataDue[], { container }) => {
    const orderIds = due.map((d) => d.order_id).filter((id): id is string => !!id)
    if (!orderIds.length) return new StepResponse(0)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orderModule = container.resolve(Modules.ORDER)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "email", "customer.id", "customer.has_account", "shipping_address.id", "shipping_address.country_code", "billing_address.id", "billing_address.country_code"],
      filters: { id: orderIds },
    })
    const orders = data as OrderWithBuyer[]
    const addresses = orders.flatMap((o) => [o.shipping_address, o.billing_address]).filter((a): a is { id: string; country_code: string | null } => !!a)
    if (addresses.length) {
      await orderModule.updateOrderAddresses(addresses.map((a) => ({ id: a.id, ...purgedAddress(a) })) as never)
    }
    await orderModule.updateOrders(orders.filter((o) => o.email).map((o) => ({ id: o.id, email: null })) as never)
    const guests = [...new Set(orders.filter((o) => o.customer && !o.customer.has_account).map((o) => o.customer!.id))]
    if (guests.length) {
      await customerModule.updateCustomers({ id: guests } as never, { email: null, first_name: null, last_name: null, phone: null } as never)
    }
    return new StepResponse(orders.length)
  }
)
