import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { storeSettings } from "../../../utils/orders/store-settings"

const MINUTE_MS = 60 * 1000

/**
 * Stores whose scheduled order import is due: connected, with an enabled marketplace that imports orders,
 * no run in progress, and the last run started at least `order_import_interval_minutes` ago. Reads only.
 */
export const findDueOrderImportsStep = createStep(
  "amazon-find-due-order-imports",
  async (input: { now?: Date | string }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const stores = await amazon.listAmazonStores({ status: "connected" }, { select: ["id", "settings"] })
    if (!stores.length) return new StepResponse([] as string[])
    const marketplaces = await amazon.listAmazonMarketplaces(
      { store_id: stores.map((s) => s.id), enabled: true, orders_import: true },
      { select: ["id", "store_id"] }
    )
    const importing = new Set(marketplaces.map((m) => (m as unknown as { store_id: string }).store_id))
    const due: string[] = []
    for (const store of stores.filter((s) => importing.has(s.id))) {
      const [last] = await amazon.listAmazonSyncRuns(
        { store_id: store.id, type: "orders", status: ["queued", "running", "succeeded", "failed"] },
        { select: ["status", "started_at", "created_at"], order: { created_at: "DESC" }, take: 1 }
      )
      const interval = storeSettings(store.settings).order_import_interval_minutes * MINUTE_MS
      const lastStart = last ? new Date(last.started_at ?? last.created_at).getTime() : -Infinity
      // a run left "running" by a crashed process stops counting after two intervals
      const busy = last?.status === "running" && now.getTime() - lastStart < 2 * interval + 5 * MINUTE_MS
      if (!busy && now.getTime() - lastStart >= interval - 30_000) due.push(store.id)
    }
    return new StepResponse(due)
  }
)
