import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { AmazonMcfProviderService } from "./service"

/** Register in medusa-config's fulfillment module: `{ resolve: "medusa-plugin-amazon/providers/amazon-mcf", id: "amazon-mcf" }`. */
export default ModuleProvider(Modules.FULFILLMENT, { services: [AmazonMcfProviderService] })
