import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AmazonModule from "../modules/amazon"

/** The Medusa order an Amazon order became (column amazon_order.order_id). */
export default defineLink(
  { linkable: AmazonModule.linkable.amazonOrder, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
