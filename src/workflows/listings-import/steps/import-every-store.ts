import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { importAmazonListingsWorkflow } from "../import-amazon-listings"

export type StoreImportOutcome = { store_id: string; run_id?: string; status: string; reason?: string }

/**
 * The scheduled import: every connected store with at least one enabled marketplace that has
 * "Import listings" on, each as its own workflow run (and sync run), so one store's failure neither stops
 * nor undoes the others.
 */
export const importEveryStoreStep = createStep("amazon-import-listings-every-store", async (_: void, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const marketplaces = await amazon.listAmazonMarketplaces(
    { enabled: true, listings_import: true, is_participating: true },
    { select: ["id", "store_id"] }
  )
  const storeIds = [...new Set(marketplaces.map((m) => (m as { store_id: string }).store_id))]
  const stores = storeIds.length ? await amazon.listAmazonStores({ id: storeIds, status: "connected" }, { select: ["id"] }) : []
  const outcomes: StoreImportOutcome[] = []
  for (const store of stores) {
    try {
      const { result } = await importAmazonListingsWorkflow(container).run({ input: { store_id: store.id, trigger: "schedule" } })
      outcomes.push({ store_id: store.id, run_id: result.id, status: result.status })
    } catch (error) {
      const message = (error as { message?: unknown } | null)?.message
      outcomes.push({ store_id: store.id, status: "failed", reason: typeof message === "string" ? message : String(error) })
    }
  }
  return new StepResponse(outcomes)
})
