import { z } from "@medusajs/framework/zod"
import { ADJUSTMENT_REASONS, CANCEL_REASONS } from "../../../../utils/order-feeds/xml-feed"

const amount = z.string().trim().regex(/^\d+(\.\d{1,6})?$/, "an amount such as 12.50")

/** POST /admin/amazon/orders/:id/refunds — what to refund on Amazon (preview with ?preview=true). */
export const AdminCreateAmazonRefund = z.object({
  items: z
    .array(
      z.object({
        amazon_order_item_id: z.string().min(1),
        quantity: z.number().int().min(0).optional(),
        amount: amount.optional(),
        shipping: z.boolean().optional(),
      })
    )
    .min(1)
    .max(100),
  reason: z.enum(ADJUSTMENT_REASONS).optional(),
  note: z.string().max(500).optional(),
  /** the admin's request key (one per dialog): a second click with it finds the first refund */
  request_id: z.string().min(8).max(100).optional(),
})
export type AdminCreateAmazonRefundType = z.infer<typeof AdminCreateAmazonRefund>

export const AdminPreviewAmazonRefundParams = z.object({ preview: z.enum(["true", "false"]).optional() })

/** POST /admin/amazon/orders/:id/cancel — seller cancellation of an unshipped MFN order. */
export const AdminCancelAmazonOrder = z.object({
  reason: z.enum(CANCEL_REASONS).optional(),
  request_id: z.string().min(8).max(100).optional(),
})
export type AdminCancelAmazonOrderType = z.infer<typeof AdminCancelAmazonOrder>
