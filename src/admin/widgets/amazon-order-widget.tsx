import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { AmazonOrderPanel } from "../components/orders/amazon-order-panel"

/** Order page → "Amazon": the Amazon order id, marketplace and whether Amazon has the tracking numbers. */
const AmazonOrderWidget = ({ data }: DetailWidgetProps<AdminOrder>) => <AmazonOrderPanel orderId={data.id} />

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default AmazonOrderWidget
