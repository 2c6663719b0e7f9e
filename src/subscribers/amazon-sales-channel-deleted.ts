import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AMAZON_MODULE } from "../modules/amazon"
import type AmazonModuleService from "../modules/amazon/service"
import { withdrawSwitchedOffOffersWorkflow } from "../workflows/listings"

/**
 * The sales channel an Amazon store sells from was deleted: nothing keeps its offers' stock up to date any
 * more, so every merchant offer of the store is zeroed (or deleted, by its switch_off_offers setting).
 */
export default async function amazonSalesChannelDeleted({ event, container }: SubscriberArgs<{ id: string }>) {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const stores = await amazon.listAmazonStores({ sales_channel_id: event.data.id }, { select: ["id"] })
  for (const store of stores) {
    await withdrawSwitchedOffOffersWorkflow(container).run({ input: { store_id: store.id } })
  }
}

export const config: SubscriberConfig = { event: "sales-channel.deleted" }
