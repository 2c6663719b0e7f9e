import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getMarketplace } from "../../../lib/sp-api"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type ProductIdType, type StoreSettings } from "../../../modules/amazon/types"

export const ALL_LISTINGS_REPORT = "GET_MERCHANT_LISTINGS_ALL_DATA"
export const INACTIVE_LISTINGS_REPORT = "GET_MERCHANT_LISTINGS_INACTIVE_DATA"

export type ImportMarketplace = {
  marketplace_id: string
  /** ISO 4217, lower-case, of the marketplace (prices of new products) */
  currency_code: string
  include_inactive: boolean
  /** the all-listings report, plus the inactive one when "include inactive" is on */
  report_types: string[]
}

/** Everything the import needs to know about the store, read once at the start (no token). */
export type ListingsImportPlan = {
  store_id: string
  run_id: string
  /** the run's start as ISO text: written as synced_at of every listing the run touches (plan-batch.ts) */
  run_marker: string
  mapping: { product_id_type: ProductIdType; product_id_attribute: string }
  publish: boolean
  sales_channel_id: string | null
  /** where Amazon's quantity of new merchant-fulfilled products is stocked: the sales channel's first location */
  location_id: string | null
  shipping_profile_id: string | null
  marketplaces: ImportMarketplace[]
}

export type LoadListingsImportPlanInput = {
  store_id: string
  run_id: string
  started_at: string | Date | null
  /** only this marketplace (a "sync now" for one marketplace); otherwise every enabled one with import on */
  marketplace_id?: string | null
}

/**
 * Reads the store, its marketplaces with "Import listings" on, and where new products go. Only reads,
 * so no compensation.
 */
export const loadListingsImportPlanStep = createStep(
  "amazon-load-listings-import-plan",
  async (input: LoadListingsImportPlanInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const store = await amazon.retrieveAmazonStore(input.store_id, {
      select: ["id", "sales_channel_id", "product_id_type", "product_id_attribute", "settings"],
    })
    const [run] = await amazon.listAmazonSyncRuns({ id: input.run_id }, { select: ["id", "marketplace_id", "started_at"] })
    const only = input.marketplace_id ?? run?.marketplace_id ?? null
    const rows = await amazon.listAmazonMarketplaces(
      { store_id: input.store_id, enabled: true, listings_import: true, is_participating: true, ...(only ? { marketplace_id: only } : {}) },
      { select: ["id", "marketplace_id", "include_inactive"], order: { marketplace_id: "ASC" } }
    )
    const settings: StoreSettings = { ...DEFAULT_STORE_SETTINGS, ...((store.settings ?? {}) as Partial<StoreSettings>) }
    const startedAt = input.started_at ?? run?.started_at ?? new Date()

    const plan: ListingsImportPlan = {
      store_id: store.id,
      run_id: input.run_id,
      run_marker: new Date(startedAt).toISOString(),
      mapping: { product_id_type: store.product_id_type, product_id_attribute: store.product_id_attribute },
      publish: settings.publish_imported_products,
      sales_channel_id: store.sales_channel_id ?? null,
      location_id: store.sales_channel_id ? await firstStockLocation(container, store.sales_channel_id) : null,
      shipping_profile_id: await defaultShippingProfile(container),
      marketplaces: rows.map((row) => ({
        marketplace_id: row.marketplace_id,
        currency_code: (getMarketplace(row.marketplace_id)?.currency_code ?? "").toLowerCase(),
        include_inactive: row.include_inactive,
        report_types: row.include_inactive ? [ALL_LISTINGS_REPORT, INACTIVE_LISTINGS_REPORT] : [ALL_LISTINGS_REPORT],
      })),
    }
    return new StepResponse(plan)
  }
)

async function firstStockLocation(container: MedusaContainer, salesChannelId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id", "stock_locations.created_at"],
    filters: { id: salesChannelId },
  })
  const locations = ((data[0]?.stock_locations ?? []) as Array<{ id: string; created_at: string | Date } | null>)
    .filter((location): location is { id: string; created_at: string | Date } => !!location)
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
  return locations[0]?.id ?? null
}

/** Products need a shipping profile to be sold in Medusa; the default one, as the admin would pick. */
async function defaultShippingProfile(container: MedusaContainer): Promise<string | null> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" }, { select: ["id"], take: 1 })
  return profile?.id ?? null
}
