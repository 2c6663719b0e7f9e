import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDueOrderImportsStep } from "./steps/find-due-order-imports"
import { runOrderImportsStep } from "./steps/run-order-imports"

/** The scheduled job's workflow: every store whose order import is due, by its own interval. */
export const importDueAmazonOrdersWorkflow = createWorkflow(
  "import-due-amazon-orders",
  (input: { now?: Date | string }) => {
    return new WorkflowResponse(runOrderImportsStep(findDueOrderImportsStep(input)))
  }
)
