import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAmazonMiddlewares } from "./admin/amazon/middlewares"
import { adminAmazonOrdersMiddlewares } from "./admin/amazon/orders-middlewares"
import { adminAmazonRulesMiddlewares } from "./admin/amazon/rules-middlewares"

export default defineMiddlewares({
  routes: [...adminAmazonMiddlewares, ...adminAmazonOrdersMiddlewares, ...adminAmazonRulesMiddlewares],
})
