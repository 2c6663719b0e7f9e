import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { MAX_SHIPMENT_ATTEMPTS } from "../../../utils/orders/shipment-backoff"
import { ABANDONED_AFTER_MS } from "./claim-shipment"
import { SyncRunReporter } from "../../../utils/sync-run-reporter"
import { confirmAmazonShipmentWorkflow } from "../confirm-amazon-shipment"

export type ConfirmDueShipmentsInput = { store_id: string; run_id: string; acquired: boolean; now?: Date | string }

/**
 * Sends every package of a store that is due — queued, or failed and past its backoff — one workflow each
 * (confirmShipment's quota, 2 rps, is waited for by the client). Counts what Amazon confirmed and refused.
 */
export const confirmDueShipmentsStep = createStep(
  "amazon-confirm-due-shipments",
  async (input: ConfirmDueShipmentsInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const reporter = new SyncRunReporter(amazon, input.run_id)
    if (!input.acquired) {
      reporter.count("skipped_locked")
      return new StepResponse(reporter.result())
    }
    const now = input.now ? new Date(input.now) : new Date()
    const due = await amazon.listAmazonShipments(
      {
        store_id: input.store_id,
        $or: [
          { status: "pending" },
          { status: "failed", attempts: { $lt: MAX_SHIPMENT_ATTEMPTS }, next_attempt_at: { $lte: now } },
          { status: "sending", updated_at: { $lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
        ],
      } as never,
      { select: ["id"], order: { created_at: "ASC" } }
    )
    let done = 0
    for (const { id } of due) {
      const { result } = await confirmAmazonShipmentWorkflow(container).run({ input: { id, now } })
      const shipment = result as { status?: string; error?: { code?: string; message?: string } | null } | undefined
      if (shipment?.status === "confirmed") reporter.count("confirmed")
      else if (shipment?.status === "failed") {
        reporter.count("failed")
        reporter.error({ code: shipment.error?.code ?? "confirm_failed", message: shipment.error?.message ?? "Amazon refused the shipment", shipment_id: id })
        if (shipment.error?.code === "authorization_lost") break
      }
      await reporter.progress(++done, due.length, Math.max(0, (due.length - done) / 2))
    }
    return new StepResponse(reporter.result("succeeded"))
  }
)
