import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AMAZON_POLICY } from "../../../policies/amazon"
import { AdminCancelAmazonOrder, AdminCreateAmazonRefund, AdminPreviewAmazonRefundParams } from "./orders/refund-validators"
import { AdminExportStoreAmazonOrdersParams, AdminGetAmazonOrdersParams, AdminGetStoreAmazonOrdersParams } from "./orders/validators"

/** Orders in, tracking out: the admin routes' query validation. */
export const adminAmazonOrdersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/orders",
    policies: [AMAZON_POLICY.readOrders],
    middlewares: [validateAndTransformQuery(AdminGetStoreAmazonOrdersParams, { defaults: [], isList: true })],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/stores/:id/orders/export",
    policies: [AMAZON_POLICY.exportOrders],
    middlewares: [validateAndTransformQuery(AdminExportStoreAmazonOrdersParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/amazon/orders",
    policies: [AMAZON_POLICY.readOrders],
    middlewares: [validateAndTransformQuery(AdminGetAmazonOrdersParams, {})],
  },
  { method: ["POST"], matcher: "/admin/amazon/orders/:id/retry", policies: [AMAZON_POLICY.updateOrders] },
  // refunds and seller cancellations on Amazon (Medusa → Amazon), and the order's refund ledger
  { method: ["GET"], matcher: "/admin/amazon/orders/:id/refunds", policies: [AMAZON_POLICY.readOrders] },
  {
    method: ["POST"],
    matcher: "/admin/amazon/orders/:id/refunds",
    policies: [AMAZON_POLICY.refundOrders],
    middlewares: [validateAndTransformQuery(AdminPreviewAmazonRefundParams, {}), validateAndTransformBody(AdminCreateAmazonRefund)],
  },
  { method: ["POST"], matcher: "/admin/amazon/orders/:id/cancel", policies: [AMAZON_POLICY.refundOrders], middlewares: [validateAndTransformBody(AdminCancelAmazonOrder)] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/order-feeds/send", policies: [AMAZON_POLICY.refundOrders] },
  // buyer returns from Amazon's returns report (never refunded by the plugin): the order's returns, and a sync now
  { method: ["GET"], matcher: "/admin/amazon/orders/:id/returns", policies: [AMAZON_POLICY.readOrders] },
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/returns/sync", policies: [AMAZON_POLICY.updateOrders] },
  // Amazon → Medusa refunds: one Finances pass now (the job runs every 30 minutes)
  { method: ["POST"], matcher: "/admin/amazon/stores/:id/refunds-inbound/sync", policies: [AMAZON_POLICY.refundOrders] },
]
