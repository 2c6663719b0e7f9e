import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ImportStatus, OrderIssue } from "../../../utils/orders/types"

export type RecordOrderImportStatusInput = { row_id: string; import_status: ImportStatus; issues: OrderIssue[] | null }

/**
 * Where a ledger row stands (waiting, held with its issues, canceled, skipped, failed) — what the admin's
 * orders list shows. Compensation: the previous status and issues.
 */
export const recordOrderImportStatusStep = createStep(
  "amazon-record-order-import-status",
  async (input: RecordOrderImportStatusInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonOrder(input.row_id, { select: ["id", "import_status", "issues"] })
    // a failure before an interrupted import was undone (its row lock still held by the dead process):
    // the row stays "importing" — with the reason — so the next run undoes the partial order and imports it
    const interrupted = input.import_status === "failed" && before.import_status === "importing"
    await amazon.updateAmazonOrders({
      id: input.row_id,
      import_status: interrupted ? "importing" : input.import_status,
      issues: (input.issues ?? null) as unknown as Record<string, unknown> | null,
    })
    return new StepResponse(input, { id: before.id, import_status: before.import_status, issues: before.issues })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonOrders(before as never)
  }
)
