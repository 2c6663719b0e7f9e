import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

/** The store facts a workflow needs to talk to Amazon (never its token). */
export const loadStoreStep = createStep("amazon-load-store", async (storeId: string, { container }) => {
  const store = await container
    .resolve<AmazonModuleService>(AMAZON_MODULE)
    .retrieveAmazonStore(storeId, { select: ["id", "name", "region", "marketplace_id", "status", "selling_partner_id"] })
  return new StepResponse(store)
})
