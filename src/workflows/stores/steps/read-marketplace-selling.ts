import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/** Whether listings go out to a marketplace now ("sell here" and "export listings" both on): read before a toggle changes it. */
export const readMarketplaceSellingStep = createStep(
  "amazon-read-marketplace-selling",
  async ({ store_id, marketplace_id }: { store_id: string; marketplace_id: string }, { container }) => {
    const [row] = await container.resolve<AmazonModuleService>(AMAZON_MODULE).listAmazonMarketplaces({ store_id, marketplace_id }, { select: ["enabled", "listings_export"] })
    return new StepResponse({ selling: !!row && row.enabled && row.listings_export })
  }
)
