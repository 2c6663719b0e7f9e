import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type MarkListingsImportedInput = { store_id: string; marketplace_ids: string[]; at: string }

/** Stamps listings_imported_at on the marketplaces whose reports were read to the end. Compensation puts the old stamps back. */
export const markListingsImportedStep = createStep(
  "amazon-mark-listings-imported",
  async (input: MarkListingsImportedInput, { container }) => {
    if (!input.marketplace_ids.length) return new StepResponse(0, [])
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const rows = await amazon.listAmazonMarketplaces(
      { store_id: input.store_id, marketplace_id: input.marketplace_ids },
      { select: ["id", "listings_imported_at"] }
    )
    await amazon.updateAmazonMarketplaces(rows.map((row) => ({ id: row.id, listings_imported_at: new Date(input.at) })))
    return new StepResponse(
      rows.length,
      rows.map((row) => ({ id: row.id, listings_imported_at: row.listings_imported_at ?? null }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonMarketplaces(previous)
  }
)
