import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { safeErrorMessage } from "../../utils/db-error"
import { recordOrderImportStatusStep } from "./steps/record-order-import-status"

/** Another process holds the order's lock (or held it when it died, until the lock lapses): not the order's fault. */
const LOCK_CONTENTION = /acquire lock|acquiring lock/i

/**
 * An order whose import threw: marked failed with the reason; it is tried again after a backoff — or at
 * the next run when it only met another process's lock on the order.
 */
export const recordAmazonOrderFailureWorkflow = createWorkflow(
  "record-amazon-order-failure",
  (input: { row_id: string; message: string }) => {
    return new WorkflowResponse(
      recordOrderImportStatusStep(
        transform({ input }, ({ input }) => ({
          row_id: input.row_id,
          import_status: "failed" as const,
          // a database error by its class, never its values (the failed insert may have held the buyer's address)
          issues: [{ code: "import_failed" as const, message: safeErrorMessage(input.message) }],
          backoff: !LOCK_CONTENTION.test(input.message),
        }))
      )
    )
  }
)
