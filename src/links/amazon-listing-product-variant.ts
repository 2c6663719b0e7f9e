import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AmazonModule from "../modules/amazon"

/** The variant a listing offers (column amazon_listing.variant_id). */
export default defineLink(
  { linkable: AmazonModule.linkable.amazonListing, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
