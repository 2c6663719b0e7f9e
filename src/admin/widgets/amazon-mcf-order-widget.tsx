import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { McfOrderPanel } from "../components/orders/mcf-order-panel"

/** Order page → "Amazon Multi-Channel Fulfillment": where Amazon is with each MCF fulfillment, in words (hidden otherwise). */
const AmazonMcfOrderWidget = ({ data }: DetailWidgetProps<AdminOrder>) => <McfOrderPanel orderId={data.id} />

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default AmazonMcfOrderWidget
