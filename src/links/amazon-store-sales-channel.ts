import { defineLink } from "@medusajs/framework/utils"
import SalesChannelModule from "@medusajs/medusa/sales-channel"
import AmazonModule from "../modules/amazon"

/** The sales channel a store lists from and imports orders into (column amazon_store.sales_channel_id). */
export default defineLink(
  { linkable: AmazonModule.linkable.amazonStore, field: "sales_channel_id" },
  SalesChannelModule.linkable.salesChannel,
  { readOnly: true }
)
