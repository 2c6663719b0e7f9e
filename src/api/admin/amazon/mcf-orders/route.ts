import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../../../modules/amazon"
import type AmazonModuleService from "../../../../modules/amazon/service"
import type { McfRow } from "../../../../utils/mcf/ledger"
import { describeMcf } from "../../../../utils/mcf/mapping"

/**
 * GET /admin/amazon/mcf-orders?order_id= — the Multi-Channel Fulfillment orders of one Medusa order (one per MCF
 * fulfillment), each with its state in words (`description`), Amazon's status, short items and tracking. Empty
 * for an order without MCF fulfillments.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = (req.query as { order_id?: unknown }).order_id
  if (typeof orderId !== "string" || !orderId.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "order_id (a Medusa order id) is required")
  }
  const amazon = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE)
  const rows = (await amazon.listAmazonMcfOrders({ order_id: orderId.trim() }, { order: { created_at: "ASC" } })) as unknown as Array<McfRow & { created_at: string; sent_at?: string | null }>
  res.json({
    mcf_orders: rows.map((r) => ({
      id: r.id,
      fulfillment_id: r.fulfillment_id,
      seller_fulfillment_order_id: r.seller_fulfillment_order_id,
      marketplace_id: r.marketplace_id,
      pool: r.pool,
      shipping_speed: r.shipping_speed,
      status: r.status,
      amazon_status: r.amazon_status,
      items: r.items,
      unfulfillable: r.unfulfillable,
      tracking: r.tracking,
      error: r.error,
      attempts: r.attempts,
      next_attempt_at: r.next_attempt_at,
      created_at: r.created_at,
      sent_at: r.sent_at ?? null,
      description: describeMcf(r as never),
    })),
  })
}
