import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { nextOrderAttemptAt } from "../../../utils/orders/follow-amazon-order"
import type { ImportStatus, OrderIssue } from "../../../utils/orders/types"

export type RecordOrderImportStatusInput = {
  row_id: string
  import_status: ImportStatus
  issues: OrderIssue[] | null
  /** false: a passing failure (another process holds the order's lock) — due again at the next run, no backoff */
  backoff?: boolean
}

/** Statuses a run comes back to only after a backoff: the merchant must act, or the import threw. */
const BACKS_OFF: readonly ImportStatus[] = ["needs_attention", "failed"]

/**
 * Where a ledger row stands (waiting, held with its issues, canceled, skipped, failed) — what the admin's
 * orders list shows. A held or failed row counts its attempt and gets its next one later (exponential
 * backoff), so rows that cannot be imported never take a run's time from new orders; any other status
 * clears the count. Compensation: the previous status, issues and backoff.
 */
export const recordOrderImportStatusStep = createStep(
  "amazon-record-order-import-status",
  async (input: RecordOrderImportStatusInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonOrder(input.row_id, { select: ["id", "import_status", "issues", "attempts", "next_attempt_at"] })
    // a failure before an interrupted import was undone (its row lock still held by the dead process):
    // the row stays "importing" — with the reason — so the next run undoes the partial order and imports it
    const interrupted = input.import_status === "failed" && before.import_status === "importing"
    const backsOff = BACKS_OFF.includes(input.import_status) && input.backoff !== false
    const attempts = backsOff ? (Number(before.attempts) || 0) + 1 : BACKS_OFF.includes(input.import_status) ? Number(before.attempts) || 0 : 0
    await amazon.updateAmazonOrders({
      id: input.row_id,
      import_status: interrupted ? "importing" : input.import_status,
      issues: (input.issues ?? null) as unknown as Record<string, unknown> | null,
      attempts,
      next_attempt_at: backsOff ? nextOrderAttemptAt(attempts, new Date()) : null,
    })
    return new StepResponse(input, {
      id: before.id,
      import_status: before.import_status,
      issues: before.issues,
      attempts: before.attempts,
      next_attempt_at: before.next_attempt_at,
    })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonOrders(before as never)
  }
)
