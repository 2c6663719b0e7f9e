import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importAmazonOrdersWorkflow } from "../import-amazon-orders"

/**
 * Starts each due store's import, side by side (quotas are per seller). Each is its own workflow run with
 * its own sync run, so one store's failure neither stops nor undoes the others.
 */
export const runOrderImportsStep = createStep("amazon-run-order-imports", async (storeIds: string[], { container }) => {
  const results = await Promise.all(
    storeIds.map(async (store_id) => {
      const { result, errors } = await importAmazonOrdersWorkflow(container).run({
        input: { store_id, trigger: "schedule" },
        throwOnError: false,
      })
      return { store_id, status: errors?.length ? "failed" : ((result as { status?: string } | undefined)?.status ?? "succeeded") }
    })
  )
  return new StepResponse(results)
})
