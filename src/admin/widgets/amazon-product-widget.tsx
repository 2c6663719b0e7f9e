import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { ProductListings } from "../components/listings/product-listings"

/** Product page → "Amazon": the product's listings per store and marketplace, and Send to Amazon. */
const AmazonProductWidget = ({ data }: DetailWidgetProps<AdminProduct>) => <ProductListings product={data} />

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default AmazonProductWidget
