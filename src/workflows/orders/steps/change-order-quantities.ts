import { ChangeActionType, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ChangeOrderQuantitiesInput = {
  order_id: string
  changes: Array<{ line_item_id: string; from: number; to: number }>
  /** shown on the order's activity: why its lines changed */
  note: string
}

/**
 * Lines of an imported order set to Amazon's quantities (a partial cancellation, a quantity change) as a
 * confirmed order edit — the order module's own change record, so the order's history shows what Amazon
 * changed and its totals follow. Done directly instead of through the admin's order-edit workflows: those
 * re-reserve stock by availability and would refuse an oversold order, whose units Amazon has sold
 * anyway (the reservations are set by the next step). Compensation: the change is undone.
 */
export const changeOrderQuantitiesStep = createStep(
  "amazon-change-order-quantities",
  async (input: ChangeOrderQuantitiesInput, { container }) => {
    if (!input.changes.length) return new StepResponse(null, null)
    const orders = container.resolve(Modules.ORDER)
    const change = await orders.createOrderChange({
      order_id: input.order_id,
      change_type: "edit",
      description: input.note,
      internal_note: input.note,
      no_notification: true,
    })
    await orders.addOrderAction(
      input.changes.map((c) => ({
        order_change_id: change.id,
        order_id: input.order_id,
        action: ChangeActionType.ITEM_UPDATE,
        internal_note: input.note,
        details: { reference_id: c.line_item_id, quantity: c.to, quantity_diff: c.to - c.from },
      }))
    )
    await orders.confirmOrderChange(change.id)
    return new StepResponse(change.id, { order_id: input.order_id, change_id: change.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.ORDER).undoLastChange(undo.order_id, { id: undo.change_id } as never)
  }
)
