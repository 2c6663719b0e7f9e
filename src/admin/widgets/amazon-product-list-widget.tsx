import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { SendProductsBar } from "../components/listings/send-products-bar"

/** Above the product list: one quiet row with "Send to Amazon" (Medusa's table has no extensible bulk actions). */
const AmazonProductListWidget = () => <SendProductsBar />

export const config = defineWidgetConfig({
  zone: "product.list.before",
})

export default AmazonProductListWidget
