import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAmazonMiddlewares } from "./admin/amazon/middlewares"

export default defineMiddlewares({
  routes: [...adminAmazonMiddlewares],
})
