import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runAmazonOrderFeeds } from "../../../../../../../workflows/order-feeds/order-feeds"

/**
 * POST /admin/amazon/stores/:id/order-feeds/send — "Send now" for refunds and cancellations: the store's queued ones go
 * to Amazon (one feed per type and marketplace) and the results of sent ones are read. The job does the same every minute.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ result: await runAmazonOrderFeeds(req.scope, req.params.id) })
}
