import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { checkAmazonAuthorizationWorkflow } from "../check-amazon-authorization"
import type { AuthorizationCheck } from "./check-store-authorization"

/**
 * Runs the one-store check for every store that has a token. Each store is
 * its own workflow run, so one store's failure neither stops nor undoes the
 * others.
 */
export const checkEveryStoreStep = createStep("amazon-check-every-store", async (_: void, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const stores = await amazon.listAmazonStores(
    { status: ["connected", "expired", "revoked", "error"] },
    { select: ["id"] }
  )
  const results: (AuthorizationCheck | { store_id: string; result: "failed"; reason: string })[] = []
  for (const store of stores) {
    try {
      const { result } = await checkAmazonAuthorizationWorkflow(container).run({ input: { store_id: store.id } })
      results.push(result as AuthorizationCheck)
    } catch (error) {
      results.push({ store_id: store.id, result: "failed", reason: error instanceof Error ? error.message : String(error) })
    }
  }
  return new StepResponse(results)
})
