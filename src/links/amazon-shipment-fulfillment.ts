import { defineLink } from "@medusajs/framework/utils"
import FulfillmentModule from "@medusajs/medusa/fulfillment"
import AmazonModule from "../modules/amazon"

/** The Medusa fulfillment a confirmed package comes from (column amazon_shipment.fulfillment_id). */
export default defineLink(
  { linkable: AmazonModule.linkable.amazonShipment, field: "fulfillment_id" },
  FulfillmentModule.linkable.fulfillment,
  { readOnly: true }
)
