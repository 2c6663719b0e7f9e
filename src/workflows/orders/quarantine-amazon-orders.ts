import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type QuarantineAmazonOrdersInput, quarantineAmazonOrdersStep } from "./steps/quarantine-amazon-orders"

/** Orders Amazon sent malformed, stored as failed with what is wrong — before their page's cursor moves. */
export const quarantineAmazonOrdersWorkflow = createWorkflow("quarantine-amazon-orders", (input: QuarantineAmazonOrdersInput) => {
  return new WorkflowResponse(quarantineAmazonOrdersStep(input))
})
