import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AMAZON_POLICY } from "../../../policies/amazon"
import { AdminRefreshExchangeRates, AdminUpsertExchangeRate, AdminUpsertListingRule, AdminUpsertPricingRule } from "./rules-validators"

/** Listing rules, pricing rules and the store's exchange rates: reading needs readStores, changing updateStores. */
export const adminAmazonRulesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/amazon/stores/:id/listing-rules", policies: [AMAZON_POLICY.readStores] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/listing-rules", policies: [AMAZON_POLICY.updateStores], middlewares: [validateAndTransformBody(AdminUpsertListingRule)] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/listing-rules/:rule_id", policies: [AMAZON_POLICY.updateStores], middlewares: [validateAndTransformBody(AdminUpsertListingRule)] },
  { method: ["DELETE"], matcher: "/admin/amazon/stores/:id/listing-rules/:rule_id", policies: [AMAZON_POLICY.updateStores] },
  { method: ["GET"], matcher: "/admin/amazon/stores/:id/pricing-rules", policies: [AMAZON_POLICY.readStores] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/pricing-rules", policies: [AMAZON_POLICY.updateStores], middlewares: [validateAndTransformBody(AdminUpsertPricingRule)] },
  { method: ["DELETE"], matcher: "/admin/amazon/stores/:id/pricing-rules/:rule_id", policies: [AMAZON_POLICY.updateStores] },
  { method: ["GET"], matcher: "/admin/amazon/stores/:id/exchange-rates", policies: [AMAZON_POLICY.readStores] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/exchange-rates", policies: [AMAZON_POLICY.updateStores], middlewares: [validateAndTransformBody(AdminUpsertExchangeRate)] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/exchange-rates/refresh", policies: [AMAZON_POLICY.updateStores], middlewares: [validateAndTransformBody(AdminRefreshExchangeRates)] },
  { method: ["DELETE"], matcher: "/admin/amazon/stores/:id/exchange-rates/:rate_id", policies: [AMAZON_POLICY.updateStores] },
]
