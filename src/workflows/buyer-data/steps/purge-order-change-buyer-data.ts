import { ChangeActionType, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purgedAddress } from "../../../utils/orders/buyer-data-purge"
import type { BuyerDataDue } from "./find-buyer-data-due"

type Details = { type?: string; old?: unknown; new?: unknown } & Record<string, unknown>

const blankAddress = (value: unknown) =>
  value && typeof value === "object" ? { ...(value as Record<string, unknown>), ...purgedAddress(value as { country_code?: string | null }) } : value

/**
 * Removes the Amazon buyer from the Medusa orders' history: when the merchant corrected an address or the
 * e-mail in the admin, Medusa kept the old and the new one in the order change's details
 * (UPDATE_ORDER_PROPERTIES: shipping_address, billing_address, email), and the replaced address stays
 * behind as its own row. Both become blank like the order's own (country kept); what the change was about stays.
 * Irreversible, and meant to be: no compensation.
 */
export const purgeOrderChangeBuyerDataStep = createStep(
  "amazon-purge-order-change-buyer-data",
  async (due: BuyerDataDue[], { container }) => {
    const orderIds = due.map((d) => d.order_id).filter((id): id is string => !!id)
    if (!orderIds.length) return new StepResponse(0)
    const orderModule = container.resolve(Modules.ORDER)
    const actions = await orderModule.listOrderChangeActions(
      { order_id: orderIds, action: ChangeActionType.UPDATE_ORDER_PROPERTIES } as never,
      { select: ["id", "details"] }
    )
    const updates = actions.flatMap((action) => {
      const details = (action.details ?? {}) as Details
      if (details.type === "shipping_address" || details.type === "billing_address") {
        return [{ id: action.id, details: { ...details, old: blankAddress(details.old), new: blankAddress(details.new) } }]
      }
      if (details.type === "email") return [{ id: action.id, details: { ...details, old: null, new: null } }]
      return []
    })
    if (updates.length) await orderModule.updateOrderChangeActions(updates as never)
    // an address correction leaves the old address row behind (the order points at a new one): blank it too
    const replaced = new Map<string, { id: string; country_code: string | null }>()
    for (const action of actions) {
      const details = (action.details ?? {}) as Details
      if (details.type !== "shipping_address" && details.type !== "billing_address") continue
      for (const address of [details.old, details.new] as Array<{ id?: unknown; country_code?: string | null } | null | undefined>) {
        if (address && typeof address.id === "string") replaced.set(address.id, { id: address.id, country_code: address.country_code ?? null })
      }
    }
    if (replaced.size) {
      await orderModule.updateOrderAddresses([...replaced.values()].map((a) => ({ id: a.id, ...purgedAddress(a) })) as never)
    }
    return new StepResponse(updates.length + replaced.size)
  }
)
