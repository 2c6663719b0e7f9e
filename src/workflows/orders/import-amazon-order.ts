import { acquireLockStep, cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMedusaOrderFromAmazonWorkflow } from "./create-medusa-order-from-amazon"
import { followAmazonOrderChangesWorkflow } from "./follow-amazon-order-changes"
import { loadOrderImportStep, type StoreOrderContext } from "./steps/load-order-import"
import { recoverInterruptedImportStep } from "./steps/recover-interrupted-import"
import { recordOrderImportStatusStep } from "./steps/record-order-import-status"

export type ImportAmazonOrderInput = {
  /** the amazon_order row */
  id: string
  /** what a run already knows about the store; absent, it is read */
  store_context?: StoreOrderContext
}

/**
 * One ledger row (amazon_order) brought up to date in Medusa: create its order, hold it with the reason,
 * record that it waits or was canceled/skipped, cancel the Medusa order Amazon canceled, or follow what
 * Amazon changed on an imported order (lines canceled, shipped in Seller Central). Under a lock
 * per row, so an import run, a parallel run and the admin's retry never act on one order at once; with
 * the row re-read inside the lock and `order_id` written before the order is created, an order is never
 * created twice — and an import a crash cut short is undone first and made again.
 */
export const importAmazonOrderWorkflow = createWorkflow("import-amazon-order", (input: ImportAmazonOrderInput) => {
  const key = transform({ input }, ({ input }) => `amazon-order:${input.id}`)
  acquireLockStep({ key, timeout: 60, ttl: 120, executeOnSubWorkflow: true })

  const recovered = recoverInterruptedImportStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const loaded = loadOrderImportStep(transform({ input, recovered }, ({ input }) => input))
  const plan = transform({ loaded }, ({ loaded }) => loaded.plan)

  when({ plan }, ({ plan }) => plan.action === "wait" || plan.action === "record" || plan.action === "hold").then(() => {
    recordOrderImportStatusStep(
      transform({ loaded }, ({ loaded }) => {
        const plan = loaded.plan as { import_status: "pending" | "canceled" | "skipped" | "needs_attention" | "imported"; issues?: never }
        return { row_id: loaded.context.row_id, import_status: plan.import_status, issues: plan.issues ?? null }
      })
    )
  })

  const created = when({ plan }, ({ plan }) => plan.action === "create").then(() =>
    createMedusaOrderFromAmazonWorkflow.runAsStep({
      input: transform({ loaded }, ({ loaded }) => ({
        context: loaded.context,
        lines: loaded.plan.action === "create" ? loaded.plan.lines : [],
      })),
    })
  )

  when({ plan }, ({ plan }) => plan.action === "cancel").then(() => {
    // Amazon canceled: Medusa's own cancellation releases the reservations and refunds the payment
    cancelOrderWorkflow.runAsStep({
      input: transform({ loaded }, ({ loaded }) => ({ order_id: loaded.context.order_id! })),
    })
    recordOrderImportStatusStep(
      transform({ loaded }, ({ loaded }) => ({ row_id: loaded.context.row_id, import_status: "canceled" as const, issues: null }))
    ).config({ name: "amazon-record-order-canceled" })
  })

  when({ plan }, ({ plan }) => plan.action === "follow").then(() => {
    // Amazon changed an imported order: partial cancellation, quantities, shipped in Seller Central
    followAmazonOrderChangesWorkflow.runAsStep({
      input: transform({ loaded }, ({ loaded }) => ({
        order_id: loaded.context.order_id!,
        amazon_order_id: loaded.context.amazon_order_id,
        follow: loaded.plan.action === "follow" ? loaded.plan.follow : { quantity_changes: [], shipped: [], conflicts: [], reservations: [] },
      })),
    })
    recordOrderImportStatusStep(
      transform({ loaded }, ({ loaded }) => ({ row_id: loaded.context.row_id, import_status: "imported" as const, issues: null }))
    ).config({ name: "amazon-record-order-followed" })
  })

  releaseLockStep({ key, executeOnSubWorkflow: true })
  return new WorkflowResponse(
    transform({ loaded, created }, ({ loaded, created }) => ({
      action: loaded.plan.action,
      order_id: created?.order_id ?? loaded.context.order_id,
    }))
  )
})
